import type { Diagnostic } from '../model/diagnostic.js';
import { CATALOG, type CatalogCode } from '../model/diagnostic-catalog.js';
import { lineColumnAt } from './source-map.js';

/** Files larger than this are not IEPs; refusing them early keeps a stray upload from exhausting memory. */
export const MAX_IEP_BYTES = 5 * 1024 * 1024;

export interface DecodedText {
  text?: string;
  diagnostics: Diagnostic[];
}

/**
 * Turns raw bytes into text, or explains why they are not a UTF-8 text file: empty, too large, binary,
 * UTF-16, not UTF-8, or starting with a byte-order mark (which some tools then read as part of the first key).
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const at = (offset: number, text?: string) => (text === undefined ? { line: 1, column: offset + 1 } : lineColumnAt(text, offset));
  const problem = (code: CatalogCode, message: string, hint: string, offset = 0, text?: string): DecodedText => ({
    diagnostics: [{ code, severity: 'error', file, path: '', ...at(offset, text), message, hint }],
  });

  if (bytes.length > MAX_IEP_BYTES) {
    return problem('file-too-large', CATALOG['file-too-large'].message({ bytes: bytes.length, max: MAX_IEP_BYTES }), 'check that this is the IEP file and not an export or an archive');
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return problem('unsupported-encoding', 'the file is UTF-16 encoded; iepkit reads UTF-8', 'save the file as "UTF-8" (without BOM) in your editor');
  }
  if (looksLikeUtf16(bytes)) {
    return problem('unsupported-encoding', 'the file is UTF-16 encoded (without a byte-order mark); iepkit reads UTF-8', 'save the file as "UTF-8" in your editor');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = safeDecode(bytes.subarray(0, nul));
    return problem('binary-file', `the file contains binary data (a NUL byte at offset ${nul}), not YAML or JSON text`, 'check that this is the IEP file; a DOCX, PDF or image cannot be read as IEP data', before.length, before);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const good = firstInvalidUtf8(bytes);
    const before = safeDecode(bytes.subarray(0, good));
    return problem('invalid-utf8', `the file is not valid UTF-8 (a bad byte at offset ${good})`, 'save the file as "UTF-8" in your editor', before.length, before);
  }
  if (text.startsWith('\uFEFF')) {
    return problem('byte-order-mark', 'the file starts with a byte-order mark (U+FEFF)', 'save the file as "UTF-8" without BOM (in Notepad: "UTF-8", not "UTF-8 with BOM")');
  }
  if (text.trim() === '') {
    return problem('empty-file', 'the file is empty', 'an IEP file starts with `schemaVersion: 1`; see examples/ for complete records');
  }
  return { text, diagnostics: [] };
}

/**
 * UTF-16 text written without a byte-order mark: a NUL in every other byte (the high byte of ASCII characters,
 * which IEP keys are) and none in the bytes between. Binary files have NULs scattered, not in that rhythm.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const half = n / 2;
  return (zeroOdd >= half * 0.7 && zeroEven === 0) || (zeroEven >= half * 0.7 && zeroOdd === 0);
}

function safeDecode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/**
 * Offset where the first invalid UTF-8 sequence starts (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF). Checked byte by byte: a decoder cannot be asked about prefixes, since a prefix may end mid-sequence.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4; the others are any continuation byte.
    const secondMin = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const secondMax = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? secondMin : 0x80) || byte > (k === 1 ? secondMax : 0xbf)) return i;
    }
    i += length;
  }
  return bytes.length;
}
