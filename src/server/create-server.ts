import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { BrowserPool, MAX_IEP_BYTES } from '../pipeline/index.js';
import { HttpError, sendError } from './http-error.js';
import { collectOpenApi } from './openapi-document.js';
import { PreviewStore } from './preview-store.js';
import { registerContentTypes } from './register-content-types.js';
import { registerFileRoutes } from './register-file-routes.js';
import { registerIepRoutes } from './register-iep-routes.js';
import { registerJobRoutes } from './register-job-routes.js';
import { registerSecurity } from './register-security.js';
import { registerStaticRoutes } from './register-static-routes.js';
import { RenderLimiter } from './render-limiter.js';
import { COMMON_REFUSALS, jsonResponse, type RouteSchema } from './route-docs.js';
import type { ServedFolder } from './served-folder.js';
import type { ServedProfiles } from './request-profile.js';
import type { RenderJobService } from '../queue/render-job-service.js';
import { PACKAGE_VERSION } from '../model/paths.js';


export interface ServerOptions {
  folder: ServedFolder;
  /** Host header values to answer (allowedHosts). */
  hosts: ReadonlySet<string>;
  token?: string;
  /** The built editor (default: dist/app of the package). */
  appDir?: string;
  /** The pool to print PDFs with (default: one of its own, started with the first PDF and closed with the server). */
  browserPool?: BrowserPool;
  /** Renders at once (default: the pool's concurrency). */
  renderConcurrency?: number;
  /** Renders that may wait for a turn before 429 (default 8). */
  renderQueue?: number;
  /** How long one render request may take, waiting included, in ms (default 60000). */
  renderTimeoutMs?: number;
  /** Previews kept in memory (default 32). */
  previewEntries?: number;
  /** With a render queue (`iep serve --redis`): the /api/jobs routes enqueue to it. Closed by whoever opened it. */
  jobs?: RenderJobService;
  /** The profile of a request that names none, and the folders profiles, layouts and labels are looked for in. */
  profiles?: ServedProfiles;
}

export interface IepServer {
  app: FastifyInstance;
  limiter: RenderLimiter;
  browserPool: BrowserPool;
  /** Stops taking renders (503), waits for running requests, forgets the previews, and closes the browser pool if it made it. */
  close(): Promise<void>;
}

/**
 * The Fastify app of `iep serve`: security checks on every request, the editor and its fonts, the IEP API and the
 * folder's files. The logger is off: request bodies are student records and never reach a log. Every error is
 * answered as `{ error: { code, message } }`, never with a stack.
 */
export function createServer(options: ServerOptions): IepServer {
  // requestTimeout: a client that sends its body slowly cannot hold a connection open for ever.
  const app = Fastify({ logger: false, bodyLimit: MAX_IEP_BYTES, requestTimeout: 120_000, return503OnClosing: true, forceCloseConnections: 'idle' });
  const ownPool = options.browserPool === undefined;
  const browserPool = options.browserPool ?? new BrowserPool();
  const limiter = new RenderLimiter({ concurrency: options.renderConcurrency ?? browserPool.options.concurrency, queue: options.renderQueue ?? 8 });
  const previews = new PreviewStore(options.previewEntries);
  let stopping = false;

  app.setErrorHandler((error: FastifyError | HttpError, _request, reply) => sendError(reply, toHttpError(error)));
  app.setNotFoundHandler((_request, reply) => sendError(reply, new HttpError(404, 'not-found', 'no such page or API route')));
  const openApi = collectOpenApi(app, { version: PACKAGE_VERSION });
  registerSecurity(app, { hosts: options.hosts, token: options.token });
  registerContentTypes(app);
  registerStaticRoutes(app, options.appDir ?? fileURLToPath(new URL('../../dist/app/', import.meta.url)));
  registerIepRoutes(app, { version: PACKAGE_VERSION, limiter, previews, browserPool, renderTimeoutMs: options.renderTimeoutMs ?? 60_000, stopping: () => stopping, profiles: options.profiles ?? {} });
  registerFileRoutes(app, options.folder);
  if (options.jobs) registerJobRoutes(app, options.jobs, () => stopping, options.profiles ?? {});
  app.get('/api/openapi.json', {
    schema: { summary: 'this document' } satisfies RouteSchema,
    config: { openapi: { responses: { '200': jsonResponse('OpenAPI 3.1', { type: 'object' }), ...COMMON_REFUSALS } } },
    handler: async () => openApi(),
  });

  let closing: Promise<void> | undefined;
  return {
    app,
    limiter,
    browserPool,
    close: () =>
      (closing ??= (async () => {
        stopping = true;
        limiter.close();
        await app.close();
        previews.clear();
        if (ownPool) await browserPool.close();
      })()),
  };
}

/** What the client is told: our own refusals as they are, Fastify's 4xx by status, anything else as a bare 500. */
function toHttpError(error: FastifyError | HttpError): HttpError {
  if (error instanceof HttpError) return error;
  const status = error.statusCode ?? 500;
  if (status === 413) return new HttpError(413, 'too-large', `the body is larger than the limit of ${MAX_IEP_BYTES} bytes`);
  if (status === 415) return new HttpError(415, 'unsupported-media-type', 'unsupported Content-Type');
  if (status === 503) return new HttpError(503, 'unavailable', 'the server is stopping', 5);
  // Validation messages name the field and the rule (`querystring/layout must be equal to one of the allowed values`).
  if (error.validation) return new HttpError(400, 'bad-request', error.message);
  if (status >= 400 && status < 500) return new HttpError(status, status === 404 ? 'not-found' : 'bad-request', 'the request could not be read');
  return new HttpError(500, 'internal', 'internal error: the request could not be completed');
}
