import type { FastifyInstance } from 'fastify';
import { isLanguage, LANGUAGES, type Language } from '../model/languages.js';
import { DEFAULTS } from '../model/defaults.js';
import { loadProfile, MAX_IEP_BYTES, starterIep } from '../pipeline/index.js';
import type { ServedProfiles } from './request-profile.js';
import { HttpError } from './http-error.js';
import { COMMON_REFUSALS, errorResponse, jsonResponse, type RouteSchema } from './route-docs.js';
import type { ServedFolder } from './served-folder.js';

/** A JSON body holds the text escaped: room for that, then the text itself is held to the IEP size limit. */
const JSON_BODY_LIMIT = 2 * MAX_IEP_BYTES + 64 * 1024;

const NAME_PARAM = { type: 'object', required: ['name'], properties: { name: { type: 'string', description: 'a plain file name ending in .iep.yaml, .yaml or .json' } } };
const FILE_REFUSALS = {
  ...COMMON_REFUSALS,
  '404': errorResponse('no IEP file of that name in the folder (names only: no folders, no ..)'),
  '413': errorResponse('the text is larger than the IEP size limit'),
  '415': errorResponse('the body is not application/json'),
};
const ETAG = { type: 'string', description: 'sha256 (hex) of the file\'s bytes' };

/** The IEP files of the served folder: list, open, save (atomic, with conflict detection), autosave, create. */
/** `profiles`: the server's default profile, whose own fields (extensions) a new IEP's starter holds. */
export function registerFileRoutes(app: FastifyInstance, folder: ServedFolder, profiles: ServedProfiles = {}): void {
  const json = { jsonBody: true } as const;

  app.get('/api/files', {
    schema: { summary: 'the IEP files of the served folder' } satisfies RouteSchema,
    config: {
      openapi: {
        responses: {
          '200': jsonResponse('one entry per file', {
            type: 'object',
            properties: { files: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, etag: ETAG, modified: { type: 'string', format: 'date-time' }, student: { type: 'string' } } } } },
          }),
          ...COMMON_REFUSALS,
        },
      },
    },
    handler: async () => ({ files: await folder.list() }),
  });

  app.get<{ Params: { name: string } }>('/api/files/:name', {
    schema: { summary: 'a file\'s text and etag, with its autosaved draft when newer', params: NAME_PARAM } satisfies RouteSchema,
    config: {
      openapi: {
        responses: {
          '200': jsonResponse('the file', {
            type: 'object',
            properties: { name: { type: 'string' }, text: { type: 'string' }, etag: ETAG, draft: { type: 'object', properties: { text: { type: 'string' }, saved: { type: 'string', format: 'date-time' } } } },
          }),
          ...FILE_REFUSALS,
        },
      },
    },
    handler: async (request) => folder.get(request.params.name),
  });

  app.put<{ Params: { name: string }; Body: { text: string; etag: string } }>('/api/files/:name', {
    bodyLimit: JSON_BODY_LIMIT,
    schema: {
      summary: 'save a file atomically, if it is still the one `etag` names',
      params: NAME_PARAM,
      body: { type: 'object', required: ['text', 'etag'], properties: { text: { type: 'string' }, etag: ETAG } },
    } satisfies RouteSchema,
    config: {
      ...json,
      openapi: {
        responses: {
          '200': jsonResponse('saved; the autosaved draft is removed', { type: 'object', properties: { etag: ETAG } }),
          '409': jsonResponse('the file changed on disk since it was opened: the disk\'s text and etag', {
            type: 'object',
            properties: { error: { type: 'object' }, text: { type: 'string' }, etag: ETAG },
          }),
          ...FILE_REFUSALS,
        },
      },
    },
    handler: async (request) => folder.save(request.params.name, request.body.text, request.body.etag),
  });

  app.put<{ Params: { name: string }; Body: { text: string } }>('/api/drafts/:name', {
    bodyLimit: JSON_BODY_LIMIT,
    schema: { summary: 'autosave the text being typed, beside the file (under .iepkit/drafts/)', params: NAME_PARAM, body: { type: 'object', required: ['text'], properties: { text: { type: 'string' } } } } satisfies RouteSchema,
    config: { ...json, openapi: { responses: { '200': jsonResponse('kept', { type: 'object', properties: { saved: { type: 'string', format: 'date-time' } } }), ...FILE_REFUSALS } } },
    handler: async (request) => folder.saveDraft(request.params.name, request.body.text),
  });

  app.post<{ Body: { name: string; lang?: string } }>('/api/files', {
    schema: {
      summary: 'create a new IEP file from the starter (with the fields of the server\'s default profile, e.g. extensions.ma)',
      body: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, lang: { type: 'string', enum: [...LANGUAGES] } } },
    } satisfies RouteSchema,
    config: {
      ...json,
      openapi: {
        responses: {
          '201': jsonResponse('created', { type: 'object', properties: { name: { type: 'string' }, text: { type: 'string' }, etag: ETAG } }),
          '400': errorResponse('not a plain file name ending in .iep.yaml, .yaml or .json'),
          '409': errorResponse('a file of that name exists'),
          ...FILE_REFUSALS,
        },
      },
    },
    handler: async (request, reply) => {
      const { name, lang } = request.body;
      if (lang !== undefined && !isLanguage(lang)) throw new HttpError(400, 'bad-request', 'unknown language');
      const profile = loadProfile(profiles.profile ?? DEFAULTS.profile, { templates: profiles.templates, locales: profiles.locales }).profile;
      const created = await folder.create(name, starterIep({ lang: lang as Language | undefined, profile }));
      return reply.code(201).send(created);
    },
  });
}
