import type { FastifyReply } from 'fastify';

/** The status codes the API answers an error with, and the stable `code` of each kind of refusal. */
export type ErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unsupported-media-type'
  | 'invalid-iep'
  | 'busy'
  | 'unavailable'
  | 'timeout'
  | 'internal';

/**
 * A refusal the server answers on purpose, as `{ error: { code, message } }`. The message is written for the
 * person or program that sent the request and never holds a stack, a file system path outside the folder, or data.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    /** Seconds after which to try again (429, 503). */
    readonly retryAfter?: number,
    /** More of the answer, next to `error` (the disk's text on a 409). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, error: HttpError): FastifyReply {
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  return reply
    .code(error.statusCode)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send({ error: { code: error.code, message: error.message }, ...error.extra });
}
