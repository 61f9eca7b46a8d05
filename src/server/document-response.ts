import type { OutputFormat } from '../model/formats.js';

/** The media type each output format is sent with. */
export const CONTENT_TYPES: Record<OutputFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** A rendered document's policy, should it be opened from the server: styles and fonts only, no script, no network, a sandbox (an opaque origin). */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src data:; frame-ancestors 'self'; sandbox";

/** `attachment` with the file name as ASCII and, exactly, as UTF-8 (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
