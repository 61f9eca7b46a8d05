/**
 * Bytes for a font URL on the private origin, for the PDF engine's request interceptor.
 *
 * The URL is parsed, its path must be `/fonts/<file name>` with a plain file name, and the name must be a key of
 * the registry: a URL is never joined into a file system path, so `..`, encoded slashes or absolute paths cannot
 * reach any other file.
 */
import { readFileSync } from 'node:fs';
import { fontFaceCss } from './font-face-css.js';
import { FONT_CSS_URL, PRIVATE_ORIGIN } from './origin.js';
import { fontRegistry } from './registry.js';

/** Recently served font files, kept up to this many bytes (a Chinese document uses 20-40 subset files of ~0.3 MB). */
const CACHE_LIMIT_BYTES = 48 * 1024 * 1024;
const cache = new Map<string, Buffer>();
let cachedBytes = 0;
let fontCss: Buffer | undefined;

export function readFontAsset(url: string): Buffer | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== PRIVATE_ORIGIN || parsed.search || parsed.hash || parsed.username || parsed.password) return undefined;
  if (parsed.href === FONT_CSS_URL) {
    fontCss ??= Buffer.from(fontFaceCss(), 'utf8');
    return fontCss;
  }
  const name = /^\/fonts\/([A-Za-z0-9][A-Za-z0-9._-]*\.woff2)$/.exec(parsed.pathname)?.[1];
  if (!name) return undefined;
  const file = fontRegistry().files.get(name);
  if (!file) return undefined;
  const hit = cache.get(name);
  if (hit) {
    cache.delete(name);
    cache.set(name, hit);
    return hit;
  }
  const bytes = readFileSync(file);
  cache.set(name, bytes);
  cachedBytes += bytes.length;
  for (const [key, value] of cache) {
    if (cachedBytes <= CACHE_LIMIT_BYTES) break;
    cache.delete(key);
    cachedBytes -= value.length;
  }
  return bytes;
}

/** The MIME type the interceptor answers a font asset with. */
export function fontAssetContentType(url: string): string {
  return url.endsWith('.css') ? 'text/css; charset=utf-8' : 'font/woff2';
}
