import type { FastifyInstance } from 'fastify';
import { hasErrors } from '../model/diagnostic.js';
import { FORMATS, type OutputFormat } from '../model/formats.js';
import type { Language } from '../model/languages.js';
import type { LayoutName } from '../model/layouts.js';
import type { Profile } from '../model/profiles.js';
import { loadIep } from '../pipeline/index.js';
import { QueueUnavailableError, type JobView, type RenderJobService } from '../queue/render-job-service.js';
import { attachment, CONTENT_TYPES, DOCUMENT_CSP } from './document-response.js';
import { HttpError } from './http-error.js';
import { requestProfile, type ServedProfiles } from './request-profile.js';
import { COMMON_REFUSALS, DIAGNOSTICS_SCHEMA, IEP_REFUSALS, IEP_REQUEST_BODY, jsonResponse, LANG_PARAM, LAYOUT_PARAM, FINAL_PARAM, PROFILE_PARAM, type RouteSchema } from './route-docs.js';

interface JobQuery {
  layout: LayoutName;
  lang: Language;
  format: string;
  profile?: Profile;
  final?: '0' | '1' | 'false' | 'true';
}

const JOB_ID = { type: 'string', pattern: '^[0-9a-f]{64}$' };
const FORMATS_PARAM = { type: 'string', pattern: `^(${FORMATS.join('|')})(,(${FORMATS.join('|')}))*$`, default: 'pdf', description: `comma-separated: ${FORMATS.join(', ')}` };

const OUTPUT_SCHEMA = {
  type: 'object',
  properties: { name: { type: 'string' }, format: { type: 'string', enum: [...FORMATS] }, sha256: { type: 'string' }, bytes: { type: 'integer' }, url: { type: 'string' } },
};
const JOB_SCHEMA = {
  type: 'object',
  required: ['id', 'state', 'url'],
  properties: {
    id: JOB_ID,
    state: { type: 'string', enum: ['waiting', 'active', 'delayed', 'completed', 'failed'], description: 'delayed: waiting to be tried again after a failure the machine caused' },
    url: { type: 'string' },
    layout: { type: 'string' },
    lang: { type: 'string' },
    formats: { type: 'array', items: { type: 'string' } },
    attempts: { type: 'integer' },
    result: {
      type: 'object',
      description: 'once finished: status done with the files (each checked by sha256 when downloaded), or failed with the diagnostics',
      properties: { status: { type: 'string' }, outputs: { type: 'array', items: OUTPUT_SCHEMA }, diagnostics: DIAGNOSTICS_SCHEMA.properties.diagnostics, finishedAt: { type: 'string' } },
    },
  },
};

/**
 * `iep serve --redis`: renders on the queue's workers instead of in the server. POST a record to enqueue one copy (the
 * same record and options again join the same job), GET the job to follow it, GET its files once done.
 */
export function registerJobRoutes(app: FastifyInstance, jobs: RenderJobService, stopping: () => boolean, profiles: ServedProfiles = {}): void {
  const present = (view: JobView) => ({
    ...view,
    url: `/api/jobs/${view.id}`,
    ...(view.result ? { result: { ...view.result, outputs: view.result.outputs.map((o) => ({ ...o, url: `/api/jobs/${view.id}/files/${encodeURIComponent(o.name)}` })) } } : {}),
  });
  const queueCall = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueueUnavailableError) throw new HttpError(503, 'unavailable', error.message, 10);
      throw error;
    }
  };

  app.post<{ Querystring: JobQuery }>('/api/jobs', {
    schema: {
      summary: 'enqueue one copy of a record for the render workers (iep worker); answers the job to follow',
      querystring: { type: 'object', properties: { layout: LAYOUT_PARAM, lang: LANG_PARAM, format: FORMATS_PARAM, profile: PROFILE_PARAM, final: FINAL_PARAM } },
    } satisfies RouteSchema,
    config: {
      iepBody: true,
      openapi: {
        requestBody: IEP_REQUEST_BODY,
        responses: {
          '202': jsonResponse('the job, new or (the same record and options again) the one already doing this work; Location names it', JOB_SCHEMA),
          '400': jsonResponse('a parameter has a wrong value; for a profile the server does not have, `diagnostics` holds profile-unknown with its did-you-mean', { type: 'object' }),
          '422': jsonResponse('the record has errors: nothing was enqueued', DIAGNOSTICS_SCHEMA),
          '503': jsonResponse('the server is stopping, or Redis did not answer in time', { type: 'object' }),
          ...IEP_REFUSALS,
        },
      },
    },
    handler: async (request, reply) => {
      if (stopping()) throw new HttpError(503, 'unavailable', 'the server is stopping', 5);
      const profile = requestProfile(request.query.profile, profiles);
      const source = request.body as string;
      // Checked here so that a record with errors is answered at once, with its lines, and never reaches a worker.
      const loaded = loadIep(source);
      if (!loaded.iep || hasErrors(loaded.diagnostics)) return reply.code(422).send({ diagnostics: loaded.diagnostics });
      const { layout, lang, final } = request.query;
      const formats = [...new Set(request.query.format.split(','))] as OutputFormat[];
      const view = await queueCall(() =>
        jobs.submit({ input: new TextEncoder().encode(source), file: `${loaded.iep!.student.id}.iep`, layout, lang, formats, ...profile, final: final === '1' || final === 'true' }),
      );
      return reply.code(202).header('location', `/api/jobs/${view.id}`).send(present(view));
    },
  });

  app.get<{ Params: { id: string } }>('/api/jobs/:id', {
    schema: { summary: 'a job: its state, and once finished its files or diagnostics', params: { type: 'object', properties: { id: JOB_ID } } } satisfies RouteSchema,
    config: { openapi: { responses: { '200': jsonResponse('the job', JOB_SCHEMA), '404': { description: 'no such job (or one this server did not enqueue; finished jobs are kept a day)' }, ...COMMON_REFUSALS } } },
    handler: async (request) => {
      const view = await queueCall(() => jobs.status(request.params.id));
      if (!view) throw new HttpError(404, 'not-found', 'no such job: it may never have existed, or finished more than a day ago');
      return present(view);
    },
  });

  app.get<{ Params: { id: string; name: string } }>('/api/jobs/:id/files/:name', {
    schema: { summary: "one of a finished job's files", params: { type: 'object', properties: { id: JOB_ID, name: { type: 'string', maxLength: 255 } } } } satisfies RouteSchema,
    config: {
      openapi: {
        responses: {
          '200': { description: 'the file, as an attachment', content: Object.fromEntries(Object.values(CONTENT_TYPES).map((type) => [type.split(';')[0]!, { schema: { type: 'string', format: 'binary' } }])) },
          '404': { description: 'no such job or file' },
          '409': { description: 'the file on disk is not the one the worker wrote (changed, cut short or removed): enqueue the record again' },
          ...COMMON_REFUSALS,
        },
      },
    },
    handler: async (request, reply) => {
      const found = await queueCall(() => jobs.output(request.params.id, request.params.name));
      if (!found) throw new HttpError(404, 'not-found', 'no such file: the job is not finished, failed, or did not write it');
      if ('changed' in found) throw new HttpError(409, 'conflict', `${found.changed.name} is not the file the worker wrote (its sha256 differs, or it is gone): enqueue the record again`);
      return reply.type(CONTENT_TYPES[found.output.format]).header('content-disposition', attachment(found.output.name)).header('content-security-policy', DOCUMENT_CSP).send(found.data);
    },
  });
}
