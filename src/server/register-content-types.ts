import type { FastifyInstance } from 'fastify';
import { HttpError } from './http-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The body is an IEP record: YAML or JSON text, kept as text so that diagnostics can say the line. */
    iepBody?: boolean;
    /** The body is a JSON object (files, drafts). */
    jsonBody?: boolean;
  }
}

export const YAML_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml'];

/**
 * Only the bodies the API takes: YAML as text, JSON as text for IEP routes (so diagnostics carry lines) and as an
 * object for the others. Any other Content-Type is answered 415 (Fastify's default for a type with no parser), and
 * a route answers 415 for a type it does not take.
 */
export function registerContentTypes(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(YAML_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (request.routeOptions.config.iepBody) return done(null, body);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new HttpError(400, 'bad-request', 'the body is not valid JSON'), undefined);
    }
  });
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (config.iepBody && !(type === 'application/json' || YAML_TYPES.includes(type))) {
      throw new HttpError(415, 'unsupported-media-type', 'send the IEP record as application/yaml, text/yaml or application/json');
    }
    if (config.jsonBody && type !== 'application/json') throw new HttpError(415, 'unsupported-media-type', 'send a JSON object (Content-Type: application/json)');
  });
}
