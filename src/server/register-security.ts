import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';

/** The editor's Content-Security-Policy: nothing but this server, no inline script, never framed by another site. */
export const APP_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; frame-src 'self'; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const TOKEN_COOKIE = 'iepkit_token';

export interface SecurityOptions {
  /** Host header values this server answers (see allowedHosts). */
  hosts: ReadonlySet<string>;
  /** When set, every request must prove it: `Authorization: Bearer`, the cookie, or `?token=` once. */
  token?: string;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Fonts carry no student data, and the preview frame (sandboxed: an opaque origin, `Origin: null`) loads them. */
const isFontRequest = (request: FastifyRequest) => (request.method === 'GET' || request.method === 'HEAD') && request.url.startsWith('/fonts/');

/**
 * Checks made on every request before any route runs:
 * - Host must name this server (DNS rebinding: a hostile site's name resolved to 127.0.0.1 sends its own Host);
 * - Origin, when sent, must be this server's own (a cross-site fetch or form), and Sec-Fetch-Site not another site's;
 * - with a token, the request must carry it;
 * - a state-changing request must carry `X-Iepkit: 1` or a bearer token, which a cross-site form cannot set (CSRF).
 * And the headers every answer carries (CSP, nosniff, no referrer, no caching of data).
 */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions): void {
  const tokenDigest = options.token === undefined ? undefined : digest(options.token);
  const matchesToken = (candidate: string | undefined) => tokenDigest !== undefined && candidate !== undefined && timingSafeEqual(digest(candidate), tokenDigest);

  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!options.hosts.has(host)) throw new HttpError(403, 'forbidden', 'the Host header does not name this server');
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `http://${host}` && !(origin === 'null' && isFontRequest(request))) {
      throw new HttpError(403, 'forbidden', 'requests from another origin are refused');
    }
    // Browsers also say where a request comes from when they send no Origin (a cross-site <script> or <img>): only
    // following a link to the editor may come from another site.
    const site = request.headers['sec-fetch-site'];
    if ((site === 'cross-site' || site === 'same-site') && request.headers['sec-fetch-mode'] !== 'navigate' && !isFontRequest(request)) {
      throw new HttpError(403, 'forbidden', 'requests from another site are refused');
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (tokenDigest !== undefined && !isFontRequest(request)) {
      const query = (request.query ?? {}) as Record<string, unknown>;
      if (request.method === 'GET' && typeof query.token === 'string' && matchesToken(query.token)) {
        // First visit from the printed URL: keep the token in a cookie script cannot read, and take it out of the address bar.
        const url = new URL(request.url, 'http://server');
        url.searchParams.delete('token');
        return reply
          .header('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(options.token!)}; HttpOnly; SameSite=Strict; Path=/`)
          .redirect(url.pathname + url.search, 303);
      }
      const cookie = readCookie(request.headers.cookie, TOKEN_COOKIE);
      if (!matchesToken(bearer) && !matchesToken(cookie)) {
        throw new HttpError(401, 'unauthorized', 'this server needs its access token: open the URL it printed, or send Authorization: Bearer <token>');
      }
    }
    // An Authorization header is a custom header too (a form cannot set one); with a token it must be the token.
    const bearerProof = bearer !== undefined && (tokenDigest === undefined || matchesToken(bearer));
    if (STATE_CHANGING.has(request.method) && request.headers['x-iepkit'] !== '1' && !bearerProof) {
      throw new HttpError(403, 'forbidden', 'a request that changes something must carry the header X-Iepkit: 1 (or an Authorization bearer token)');
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', APP_CSP);
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('cross-origin-resource-policy')) reply.header('cross-origin-resource-policy', 'same-origin');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
