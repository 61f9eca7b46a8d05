import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { hasErrors, type Diagnostic } from '../model/diagnostic.js';
import { exitCodeFor, EXIT } from '../model/diagnostic-catalog.js';
import type { OutputFormat } from '../model/formats.js';
import type { Language } from '../model/languages.js';
import type { LayoutName } from '../model/layouts.js';
import type { Profile } from '../model/profiles.js';
import { checkCompliance, checkExtensions, iepJsonSchema, iepSchemaWithExtensions, lintIep, listProfiles, loadIep, loadProfile, previewDraft, runJob, type BrowserPool, type PreviewOptions } from '../pipeline/index.js';
import { DEFAULTS } from '../model/defaults.js';
import { attachment, CONTENT_TYPES, DOCUMENT_CSP } from './document-response.js';
import { HttpError } from './http-error.js';
import type { PreviewStore } from './preview-store.js';
import type { RenderLimiter } from './render-limiter.js';
import { requestProfile, type ServedProfiles } from './request-profile.js';
import {
  BUSY_REFUSALS,
  COMMON_REFUSALS,
  DIAGNOSTICS_SCHEMA,
  ERROR_SCHEMA,
  FORMAT_PARAM,
  PROFILES_SCHEMA,
  IEP_REFUSALS,
  IEP_REQUEST_BODY,
  jsonResponse,
  LANG_PARAM,
  LAYOUT_PARAM,
  FINAL_PARAM,
  PROFILE_PARAM,
  type RouteSchema,
} from './route-docs.js';

export interface IepRoutesOptions {
  version: string;
  limiter: RenderLimiter;
  previews: PreviewStore;
  /** Started lazily: the browser launches with the first PDF. */
  browserPool: BrowserPool;
  renderTimeoutMs: number;
  /** True once the server is stopping: new renders are answered 503. */
  stopping: () => boolean;
  /** The default profile and the folders profiles, layouts and labels are looked for in. */
  profiles: ServedProfiles;
}

/**
 * The preview page's policy: the same, but its sandbox keeps the editor's origin (`allow-same-origin`, never
 * `allow-scripts`), so that the editor's own script can keep the reader's place and update the page in place. No
 * script runs in the page either way (src/app/create-preview-pane.ts says why that makes the shared origin safe).
 */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:; frame-ancestors 'self'; sandbox allow-same-origin";

/** How many previews' answers are kept to answer the same question again. */
const RECENT_PREVIEWS = 16;

/** A profile that does not exist in the server's folders: 400, as a wrong value of any parameter, with its diagnostic. */
const PROFILE_REFUSAL = { '400': jsonResponse('a parameter has a wrong value; for a profile the server does not have, `diagnostics` holds profile-unknown with its did-you-mean', { ...ERROR_SCHEMA, properties: { ...ERROR_SCHEMA.properties, diagnostics: DIAGNOSTICS_SCHEMA.properties.diagnostics } }) };
/** validate's profile: none by default (the data model alone); given, extensions are checked against its schema. */
const OPTIONAL_PROFILE_PARAM = PROFILE_PARAM;

const INVALID = jsonResponse('the record has errors: every diagnostic, located by JSON path and (YAML and JSON bodies) line', DIAGNOSTICS_SCHEMA);

interface RenderQuery {
  layout: LayoutName;
  lang: Language;
  format: OutputFormat;
  profile?: Profile;
  final?: '0' | '1' | 'false' | 'true';
}

/** Health, schema, and the routes that take an IEP record: validate, check, lint, render, preview. */
export function registerIepRoutes(app: FastifyInstance, options: IepRoutesOptions): void {
  const schema = iepJsonSchema();
  // The last previews' answers by what was asked (text, copy, language): the same question again (a copy picked
  // again, an edit undone, a retry) is answered from here while its page is still kept, without computing it again.
  const recentPreviews = new Map<string, { id: string; draft: boolean; diagnostics: Diagnostic[] }>();
  const iep = { iepBody: true } as const;

  app.get('/api/health', {
    schema: { summary: 'the server is up' } satisfies RouteSchema,
    config: { openapi: { responses: { '200': jsonResponse('up', { type: 'object', properties: { ok: { const: true }, version: { type: 'string' } } }), ...COMMON_REFUSALS } } },
    handler: async () => ({ ok: true, version: options.version }),
  });

  app.get('/api/profiles', {
    schema: { summary: 'the profiles the server can use (bundled and in its --templates folders), its default, and the layouts each has' } satisfies RouteSchema,
    config: { openapi: { responses: { '200': jsonResponse('the server\'s default profile and every profile it can use, sorted by id', PROFILES_SCHEMA), ...COMMON_REFUSALS } } },
    handler: async () => ({ default: options.profiles.profile ?? DEFAULTS.profile, profiles: listProfiles({ templates: options.profiles.templates, locales: options.profiles.locales }) }),
  });

  app.get<{ Querystring: { profile?: Profile } }>('/api/schema', {
    schema: {
      summary: 'the JSON Schema of an IEP record (given a profile, with its own fields under extensions.<namespace>)',
      querystring: { type: 'object', properties: { profile: { ...OPTIONAL_PROFILE_PARAM, description: 'a profile: its extension schema fills `extensions.properties.<namespace>` (its text fields as the model\'s narrative text). None: the data model alone' } } },
    } satisfies RouteSchema,
    config: { openapi: { responses: { '200': jsonResponse('JSON Schema (draft-07)', { type: 'object' }), ...PROFILE_REFUSAL, ...COMMON_REFUSALS } } },
    handler: async (request) => {
      if (request.query.profile === undefined) return schema;
      const { profile, templates, locales } = requestProfile(request.query.profile, options.profiles);
      const definition = loadProfile(profile, { templates, locales }).profile!;
      return iepSchemaWithExtensions(schema, definition.extensions, definition.name);
    },
  });

  app.post<{ Querystring: { profile?: Profile } }>('/api/validate', {
    schema: { summary: 'validate a record against the data model (and, given a profile, its data under extensions against the profile\'s schema)', querystring: { type: 'object', properties: { profile: OPTIONAL_PROFILE_PARAM } } } satisfies RouteSchema,
    config: {
      ...iep,
      openapi: {
        requestBody: IEP_REQUEST_BODY,
        responses: { '200': jsonResponse('the result; `valid` is false when any error was found', { type: 'object', properties: { valid: { type: 'boolean' }, diagnostics: DIAGNOSTICS_SCHEMA.properties.diagnostics } }), ...IEP_REFUSALS },
      },
    },
    handler: async (request) => {
      const loaded = loadIep(request.body as string);
      const { profile } = request.query;
      const diagnostics = loaded.iep && profile !== undefined ? [...loaded.diagnostics, ...checkExtensions(loaded.iep, { profile, templates: options.profiles.templates, locales: options.profiles.locales, reportProfile: true, file: loaded.file, sourceMap: loaded.sourceMap })] : loaded.diagnostics;
      return { valid: loaded.iep !== undefined && !hasErrors(diagnostics), diagnostics };
    },
  });

  app.post<{ Querystring: { profile?: Profile } }>('/api/check', {
    schema: { summary: 'check a record against the compliance rules of a profile', querystring: { type: 'object', properties: { profile: PROFILE_PARAM } } } satisfies RouteSchema,
    config: { ...iep, openapi: { requestBody: IEP_REQUEST_BODY, responses: { '200': jsonResponse('every finding, each citing its regulation', DIAGNOSTICS_SCHEMA), ...PROFILE_REFUSAL, '422': INVALID, ...IEP_REFUSALS } } },
    handler: async (request, reply) => {
      const profile = requestProfile(request.query.profile, options.profiles);
      const loaded = loadIep(request.body as string);
      if (!loaded.iep) return invalid(reply, loaded.diagnostics);
      const located = { ...profile, file: loaded.file, sourceMap: loaded.sourceMap };
      return { diagnostics: [...loaded.diagnostics, ...checkExtensions(loaded.iep, located), ...checkCompliance(loaded.iep, located)] };
    },
  });

  app.post<{ Querystring: { profile?: Profile } }>('/api/lint', {
    schema: { summary: 'strength-based wording: deficit terms with suggested rewrites (in the profile\'s own text fields too)', querystring: { type: 'object', properties: { profile: PROFILE_PARAM } } } satisfies RouteSchema,
    config: { ...iep, openapi: { requestBody: IEP_REQUEST_BODY, responses: { '200': jsonResponse('every finding', DIAGNOSTICS_SCHEMA), ...PROFILE_REFUSAL, '422': INVALID, ...IEP_REFUSALS } } },
    handler: async (request, reply) => {
      const profile = requestProfile(request.query.profile, options.profiles);
      const source = request.body as string;
      const loaded = loadIep(source);
      if (!loaded.iep) return invalid(reply, loaded.diagnostics);
      const located = { ...profile, file: loaded.file, sourceMap: loaded.sourceMap };
      return { diagnostics: [...loaded.diagnostics, ...checkExtensions(loaded.iep, located), ...lintIep(loaded.iep, { ...located, source })] };
    },
  });

  app.post<{ Querystring: RenderQuery }>('/api/render', {
    schema: {
      summary: 'render one copy of a record to PDF, DOCX or HTML',
      querystring: { type: 'object', properties: { layout: LAYOUT_PARAM, lang: LANG_PARAM, format: FORMAT_PARAM, profile: PROFILE_PARAM, final: FINAL_PARAM } },
    } satisfies RouteSchema,
    config: {
      ...iep,
      openapi: {
        requestBody: IEP_REQUEST_BODY,
        responses: {
          '200': {
            description: 'the file, as an attachment named <student-id>-<layout>-<lang>-v<version>.<ext>',
            content: Object.fromEntries(Object.values(CONTENT_TYPES).map((type) => [type.split(';')[0]!, { schema: { type: 'string', format: 'binary' } }])),
          },
          ...PROFILE_REFUSAL,
          '422': INVALID,
          ...IEP_REFUSALS,
          ...BUSY_REFUSALS,
        },
      },
    },
    handler: async (request, reply) => {
      if (options.stopping()) throw new HttpError(503, 'unavailable', 'the server is stopping', 5);
      const { layout, lang, format, final } = request.query;
      const profile = requestProfile(request.query.profile, options.profiles);
      const loaded = loadIep(request.body as string);
      if (!loaded.iep) return invalid(reply, loaded.diagnostics);
      const job = { id: 'api', input: loaded.file, layout, lang, formats: [format] };
      const jobOptions = { ...profile, final: final === '1' || final === 'true', browserPool: options.browserPool, pdfTimeoutMs: options.renderTimeoutMs };
      const result = await withDeadline(
        options.limiter.run(() => runJob(job, jobOptions, loaded)),
        options.renderTimeoutMs,
      );
      const file = result.outputs[0];
      if (file && !hasErrors(result.diagnostics)) {
        return reply
          .type(CONTENT_TYPES[format])
          .header('content-disposition', attachment(file.fileName))
          .header('content-security-policy', DOCUMENT_CSP)
          .send(file.data);
      }
      const exit = exitCodeFor(result.diagnostics);
      if (exit === EXIT.environment || exit === EXIT.renderFailed) {
        const message = exit === EXIT.environment ? 'the browser that prints PDFs could not be found or started' : 'the document could not be printed';
        throw new HttpError(503, 'unavailable', message, 30, { diagnostics: result.diagnostics });
      }
      return invalid(reply, result.diagnostics);
    },
  });

  app.post<{ Querystring: { layout: LayoutName; lang: Language; profile?: Profile } }>('/api/preview', {
    schema: { summary: 'preview one copy of a record, even an incomplete draft, as HTML', querystring: { type: 'object', properties: { layout: LAYOUT_PARAM, lang: LANG_PARAM, profile: PROFILE_PARAM } } } satisfies RouteSchema,
    config: {
      ...iep,
      openapi: {
        requestBody: IEP_REQUEST_BODY,
        responses: {
          '200': jsonResponse('`id` names the page at GET /preview/{id} (null when nothing could be shown); diagnostics in form order', {
            type: 'object',
            properties: { id: { type: ['string', 'null'] }, draft: { type: 'boolean' }, diagnostics: DIAGNOSTICS_SCHEMA.properties.diagnostics },
          }),
          ...PROFILE_REFUSAL,
          ...IEP_REFUSALS,
        },
      },
    },
    handler: async (request, reply) => {
      // Built apart from the call so that options the pipeline adds (fontUrlPrefix) pass through unchanged.
      const profile = requestProfile(request.query.profile, options.profiles);
      const previewOptions: PreviewOptions & { fontUrlPrefix: string } = { ...request.query, ...profile, fontUrlPrefix: '/fonts/' };
      const started = performance.now();
      const key = createHash('sha256').update(JSON.stringify([request.query.layout, request.query.lang, profile.profile, request.body])).digest('hex');
      const recent = recentPreviews.get(key);
      if (recent && options.previews.get(recent.id) !== undefined) {
        reply.header('server-timing', `preview;dur=${(performance.now() - started).toFixed(1)};desc="again"`);
        return recent;
      }
      const result = await previewDraft(request.body as string, previewOptions);
      const id = result.html === undefined ? null : options.previews.add(result.html);
      if (id !== null) {
        recentPreviews.delete(key);
        recentPreviews.set(key, { id, draft: result.draft, diagnostics: result.diagnostics });
        if (recentPreviews.size > RECENT_PREVIEWS) recentPreviews.delete(recentPreviews.keys().next().value!);
      }
      // How long the preview itself took (Server-Timing: shown in the browser's tools, read by bench/editor-latency.ts).
      reply.header('server-timing', `preview;dur=${(performance.now() - started).toFixed(1)}`);
      return { id, draft: result.draft, diagnostics: result.diagnostics };
    },
  });

  app.get<{ Params: { id: string } }>('/preview/:id', {
    schema: { summary: 'a preview page (sandboxed: no script, no network)', params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{32}$' } } } } satisfies RouteSchema,
    config: { openapi: { responses: { '200': { description: 'the HTML page', content: { 'text/html': { schema: { type: 'string' } } } }, '404': { description: 'unknown or expired preview' }, ...COMMON_REFUSALS } } },
    handler: async (request, reply) => {
      const html = options.previews.get(request.params.id);
      if (html === undefined) throw new HttpError(404, 'not-found', 'no such preview (it may have expired): ask for a new one');
      return reply.type('text/html; charset=utf-8').header('content-security-policy', PREVIEW_CSP).header('x-frame-options', 'SAMEORIGIN').send(html);
    },
  });
}

function invalid(reply: FastifyReply, diagnostics: Diagnostic[]): FastifyReply {
  return reply.code(422).send({ diagnostics });
}

/** The render's answer, or 503 when it takes longer than the request may (the render itself stops at the same time). */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(503, 'timeout', `the render took longer than ${Math.round(ms / 1000)} s`, 10)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
