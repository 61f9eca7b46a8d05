import type { FastifySchema } from 'fastify';
import { DEFAULT_LANGUAGE, DEFAULTS } from '../model/defaults.js';
import { FORMATS } from '../model/formats.js';
import { LANGUAGES } from '../model/languages.js';
import { LAYOUTS } from '../model/layouts.js';
import { BUNDLED_PROFILES } from '../model/profiles.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the OpenAPI document says of the route beyond its validation schema. */
    openapi?: RouteDoc;
  }
  interface FastifySchema {
    /** OpenAPI: what the route does, in one line. */
    summary?: string;
    description?: string;
  }
}

/** An OpenAPI response object (status -> description and content). */
export type Responses = Record<string, { description: string; content?: Record<string, { schema: object }>; headers?: Record<string, object> }>;

export interface RouteDoc {
  requestBody?: object;
  responses: Responses;
  /** Left out of the OpenAPI document (the editor's pages and assets). */
  hidden?: boolean;
}

/** Route schemas: Fastify validates requests with them, and the OpenAPI document is written from them. */
export type RouteSchema = FastifySchema & { summary: string };

export const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
};

export const DIAGNOSTIC_SCHEMA = {
  type: 'object',
  required: ['code', 'severity', 'message'],
  properties: {
    code: { type: 'string', description: 'stable identifier (docs/errors.md, docs/rules.md)' },
    severity: { type: 'string', enum: ['error', 'warning', 'info'] },
    message: { type: 'string' },
    hint: { type: 'string' },
    file: { type: 'string' },
    path: { type: 'string', description: 'JSON path in the record, e.g. goals[2].criteria' },
    line: { type: 'integer', description: '1-based, for YAML and JSON bodies when known' },
    column: { type: 'integer' },
    source: { type: 'string', description: 'the regulation a compliance rule enforces' },
    fix: { type: 'object', properties: { path: { type: 'string' }, text: { type: 'string' } } },
  },
};

export const DIAGNOSTICS_SCHEMA = { type: 'object', required: ['diagnostics'], properties: { diagnostics: { type: 'array', items: DIAGNOSTIC_SCHEMA } } };

const json = (schema: object) => ({ 'application/json': { schema } });
export const errorResponse = (description: string) => ({ description, content: json(ERROR_SCHEMA) });
export const jsonResponse = (description: string, schema: object) => ({ description, content: json(schema) });
const retryAfter = { 'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer' } } };

/** The refusals every route may answer. */
export const COMMON_REFUSALS: Responses = {
  '401': errorResponse('the server has an access token and the request did not carry it'),
  '403': errorResponse('foreign Host or Origin, or a state-changing request without X-Iepkit: 1 or a bearer token'),
  '500': errorResponse('internal error (no details are given)'),
};

export const IEP_REQUEST_BODY = {
  required: true,
  description: `an IEP record, at most the IEP size limit`,
  content: {
    'application/yaml': { schema: { type: 'string' } },
    'text/yaml': { schema: { type: 'string' } },
    'application/json': { schema: { $ref: '/api/schema' } },
  },
};

export const IEP_REFUSALS: Responses = {
  ...COMMON_REFUSALS,
  '413': errorResponse('the body is larger than the IEP size limit'),
  '415': errorResponse('the body is not application/yaml, text/yaml or application/json'),
};

export const BUSY_REFUSALS: Responses = {
  '429': { ...errorResponse('too many renders running and waiting'), headers: retryAfter },
  '503': { ...errorResponse('the server is stopping, the browser cannot start, or the render timed out'), headers: retryAfter },
};

export const LAYOUT_PARAM = { type: 'string', enum: [...LAYOUTS], default: DEFAULTS.layouts[0] };
export const LANG_PARAM = { type: 'string', enum: [...LANGUAGES], default: DEFAULT_LANGUAGE };
/**
 * Any profile the server has (bundled, or in its --templates folders): a pattern, not a list, since the folders decide;
 * one that does not exist is answered 400 with the profile-unknown diagnostic (src/server/request-profile.ts). No
 * default here: a request that names none gets the server's own (--profile, its config file, else ny).
 */
export const PROFILE_PARAM = {
  type: 'string',
  pattern: '^[a-z][a-z0-9-]*$',
  maxLength: 40,
  description: `a state profile: ${BUNDLED_PROFILES.join(', ')}, or one in the server's --templates folders (default: the server's --profile, else ${DEFAULTS.profile})`,
};
export const FINAL_PARAM = { type: 'string', enum: ['0', '1', 'false', 'true'], description: '1: refuse a draft or a record breaking an error-level rule (as iep render --final)' };
export const FORMAT_PARAM = { type: 'string', enum: [...FORMATS], default: 'pdf' };

/** `GET /api/profiles`: what the editor builds its list of copies from (src/load/list-profiles.ts ProfileSummary). */
export const PROFILES_SCHEMA = {
  type: 'object',
  required: ['default', 'profiles'],
  properties: {
    default: { type: 'string', description: 'the profile of a request that names none (iep serve --profile, its config file, else ny)' },
    profiles: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'description', 'layouts'],
        properties: {
          id: { type: 'string', description: 'the value of ?profile=' },
          name: { type: 'string' },
          description: { type: 'string' },
          layouts: { type: 'array', items: { type: 'string', enum: [...LAYOUTS] }, description: 'the layouts it has: its own (official), those of the profiles it extends, the common ones' },
          extensions: { type: 'object', properties: { namespace: { type: 'string' } }, description: 'present when the profile has fields of its own, under extensions.<namespace> (GET /api/schema?profile= describes them)' },
        },
      },
    },
  },
};
