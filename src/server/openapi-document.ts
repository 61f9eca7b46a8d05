import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RouteDoc, RouteSchema } from './route-docs.js';

interface CollectedRoute {
  method: string;
  url: string;
  schema: RouteSchema | undefined;
  doc: RouteDoc | undefined;
}

/**
 * Collects each route as it is registered and answers the OpenAPI 3.1 document written from their schemas: the
 * query and path parameters and JSON bodies Fastify validates, plus what each route's `config.openapi` says of
 * its request body (IEP text) and answers. Call before registering the routes.
 */
export function collectOpenApi(app: FastifyInstance, info: { version: string }): () => object {
  const routes: CollectedRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method: method.toLowerCase(), url: route.url, schema: route.schema as RouteSchema | undefined, doc: route.config?.openapi });
    }
  });
  let document: object | undefined;
  return () => (document ??= build(routes, info.version));
}

function build(routes: readonly CollectedRoute[], version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const { method, url, schema, doc } of routes) {
    if (!schema || !doc || doc.hidden) continue;
    const path = url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters = [...parametersOf(schema.params, 'path'), ...parametersOf(schema.querystring, 'query')];
    const requestBody = doc.requestBody ?? (schema.body ? { required: true, content: { 'application/json': { schema: schema.body } } } : undefined);
    (paths[path] ??= {})[method] = {
      summary: schema.summary,
      ...(schema.description ? { description: schema.description } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: doc.responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'iepkit HTTP API',
      version,
      description:
        'Validate, check, lint, preview and render IEP records, and edit the IEP files of the served folder. Every state-changing request carries `X-Iepkit: 1` or `Authorization: Bearer <token>`. See docs/http-api.md.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'only when the server was started with a token (--token or IEP_SERVE_TOKEN)' } } },
    paths,
  };
}

function parametersOf(schema: unknown, where: 'path' | 'query'): object[] {
  const object = schema as { properties?: Record<string, { description?: string }>; required?: string[] } | undefined;
  return Object.entries(object?.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object?.required ?? []).includes(name),
    ...(property.description ? { description: property.description } : {}),
    schema: property,
  }));
}
