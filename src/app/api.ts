/**
 * The app's only way to the server: HTTP to the same origin (CONTRACT.md "HTTP"). State-changing requests carry
 * `X-Iepkit: 1`, which a cross-site form cannot send: the server's CSRF guard.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { fileNameFrom } from './file-name-from.js';

/** A diagnostic as the server sends it; deficit wording may carry the whole new text of its field. */
export type AppDiagnostic = Diagnostic & { fix?: { path: string; text: string } };

export interface FileEntry {
  name: string;
  etag: string;
  modified: string;
  student?: string;
}

export interface OpenedFile {
  name: string;
  text: string;
  etag: string;
  /** Autosaved text newer than the file. */
  draft?: { text: string; saved: string };
}

export interface PreviewAnswer {
  id: string;
  draft: boolean;
  diagnostics: AppDiagnostic[];
}

export type JsonSchema = Record<string, unknown>;

/** A refused request: its status, the server's error code and message, and its JSON body (409 and 422 carry data). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }
}

const YAML = 'application/yaml';

async function call(method: string, url: string, body?: { json?: unknown; yaml?: string }, signal?: AbortSignal, keepalive = false): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-Iepkit'] = '1';
  let payload: string | undefined;
  if (body?.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body?.yaml !== undefined) {
    headers['Content-Type'] = YAML;
    payload = body.yaml;
  }
  const response = await fetch(url, { method, headers, body: payload, signal, keepalive, credentials: 'same-origin', cache: 'no-store' });
  if (response.ok) return response;
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    data = undefined;
  }
  const error = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new HttpError(response.status, error?.code ?? String(response.status), error?.message ?? response.statusText, data);
}

const fileUrl = (name: string) => `/api/files/${encodeURIComponent(name)}`;

/** The IEP JSON Schema; with a profile, its own fields under `extensions.<namespace>` too. */
export async function getSchema(profile?: string): Promise<JsonSchema> {
  return (await call('GET', profile ? `/api/schema?profile=${encodeURIComponent(profile)}` : '/api/schema')).json();
}

/** A profile the server can use (GET /api/profiles). */
export interface ProfileInfo {
  id: string;
  name: string;
  description: string;
  layouts: string[];
  extensions?: { namespace: string };
}

/** The server's default profile and every profile it can use. */
export async function getProfiles(): Promise<{ default: string; profiles: ProfileInfo[] }> {
  return (await call('GET', '/api/profiles')).json();
}

export async function listFiles(): Promise<FileEntry[]> {
  return ((await (await call('GET', '/api/files')).json()) as { files: FileEntry[] }).files;
}

export async function openFile(name: string): Promise<OpenedFile> {
  return (await call('GET', fileUrl(name))).json();
}

export async function createFile(name: string, lang?: string): Promise<OpenedFile> {
  return (await call('POST', '/api/files', { json: lang ? { name, lang } : { name } })).json();
}

/** Writes the file; a 409 HttpError's body is the disk's `{ text, etag }`. */
export async function saveFile(name: string, text: string, etag: string): Promise<{ etag: string }> {
  return (await call('PUT', fileUrl(name), { json: { text, etag } })).json();
}

/** Autosaves; `keepalive` lets the request outlive the page (sent as the tab closes). */
export async function saveDraft(name: string, text: string, keepalive = false): Promise<{ saved: string }> {
  return (await call('PUT', `/api/drafts/${encodeURIComponent(name)}`, { json: { text } }, undefined, keepalive)).json();
}

/** Which document: a layout, in a state profile (none: the server's default profile), in a language. */
export interface CopyRequest {
  layout: string;
  profile?: string;
  lang: string;
}

function copyQuery(copy: CopyRequest): URLSearchParams {
  const query = new URLSearchParams({ layout: copy.layout, lang: copy.lang });
  if (copy.profile) query.set('profile', copy.profile);
  return query;
}

export async function requestPreview(text: string, copy: CopyRequest, signal?: AbortSignal): Promise<PreviewAnswer> {
  const query = copyQuery(copy);
  return (await call('POST', `/api/preview?${query}`, { yaml: text }, signal)).json();
}

export interface RenderRequest extends CopyRequest {
  format: 'pdf' | 'docx';
  final?: boolean;
}

/** A rendered file; a 422 HttpError's body is `{ diagnostics }`. */
export async function renderFile(text: string, request: RenderRequest): Promise<{ blob: Blob; fileName: string }> {
  const query = copyQuery(request);
  query.set('format', request.format);
  if (request.final) query.set('final', '1');
  const response = await call('POST', `/api/render?${query}`, { yaml: text });
  const fileName = fileNameFrom(response.headers.get('Content-Disposition')) ?? `iep-${request.layout}-${request.lang}.${request.format}`;
  return { blob: await response.blob(), fileName };
}
