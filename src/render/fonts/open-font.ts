/**
 * Opens a font file with fontkit, which is loaded the first time a font is opened: a document whose characters need
 * no font file (plain ASCII English is checked against the registry alone) never loads it (about 0.5 MB of code,
 * and Unicode tables decoded as it loads). Its CommonJS build, because the callers are synchronous; every caller
 * goes through here, so one copy is loaded.
 */
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';

let fontkit: typeof import('fontkit') | undefined;

export function openFont(bytes: Buffer): Font {
  fontkit ??= createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
  return fontkit.create(bytes) as Font;
}
