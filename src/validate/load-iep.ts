import type { Diagnostic } from '../model/diagnostic.js';
import { CATALOG } from '../model/diagnostic-catalog.js';
import { hasErrors, sortDiagnostics } from '../model/diagnostic.js';
import { summariseDiagnostics } from '../model/summarise-diagnostics.js';
import type { Iep } from '../model/iep.js';
import { validateIep } from './validate-iep.js';
import { decodeText, MAX_IEP_BYTES } from '../load/decode-text.js';
import { readBounded } from '../load/read-bounded.js';
import { parseSource } from '../load/parse-source.js';
import type { SourceMap } from '../load/source-map.js';

export interface LoadedIep {
  file: string;
  /** The validated record; absent when any error was found. */
  iep?: Iep;
  /** Where each JSON path is written, for later diagnostics (compliance rules, lint). */
  sourceMap?: SourceMap;
  diagnostics: Diagnostic[];
}

/** What reading one IEP found, step by step, before the steps' diagnostics are merged (loadIep merges them). */
export interface ReadIep {
  file: string;
  /** The decoded text; absent when the bytes are not text. */
  text?: string;
  /** The parsed data, before validation; absent when it could not be parsed. */
  data?: unknown;
  sourceMap?: SourceMap;
  /** Problems decoding and parsing (a forbidden key is removed and reported, and the rest still parsed). */
  readDiagnostics: Diagnostic[];
  /** Problems validating `data` against the model. */
  validationDiagnostics: Diagnostic[];
  /** `data` as a record, when validation found no error (reading may still have). */
  validated?: Iep;
}

/** Decode, parse with positions, validate: each step's result. The editor's preview completes what is missing from it. */
export function readIep(source: string | Uint8Array, options: { file?: string } = {}): ReadIep {
  const file = options.file ?? '<input>';
  const decoded = typeof source === 'string' ? decodeText(new TextEncoder().encode(source), file) : decodeText(source, file);
  if (decoded.text === undefined) return { file, readDiagnostics: decoded.diagnostics, validationDiagnostics: [] };
  const parsed = parseSource(decoded.text, file);
  const base = { file, text: decoded.text, sourceMap: parsed.sourceMap, readDiagnostics: parsed.diagnostics };
  if (parsed.data === undefined) return { ...base, validationDiagnostics: [] };
  const validated = validateIep(parsed.data, { file, sourceMap: parsed.sourceMap });
  return { ...base, data: parsed.data, validationDiagnostics: validated.diagnostics, validated: validated.iep };
}

/** Reads one IEP from text or bytes (YAML or JSON): decode, parse with positions, validate. Never throws on bad data. */
export function loadIep(source: string | Uint8Array, options: { file?: string } = {}): LoadedIep {
  const read = readIep(source, options);
  // Parsing can report problems (a forbidden key, removed before validation) and still give data to validate:
  // the record is returned only when neither step found an error, and the problems come in the order of the file.
  const diagnostics = summariseDiagnostics(sortDiagnostics([...read.readDiagnostics, ...read.validationDiagnostics]));
  const loaded = { file: read.file, ...(read.sourceMap ? { sourceMap: read.sourceMap } : {}), diagnostics };
  return hasErrors(diagnostics) || read.validated === undefined ? loaded : { ...loaded, iep: read.validated };
}

/**
 * Reads an IEP file's bytes, never more than the size an IEP may have plus one byte (so `/dev/zero`, a pipe or a huge
 * sparse file is refused at once, in bounded memory). Unreadable and oversized files come back as diagnostics.
 */
export async function readIepBytes(path: string): Promise<{ bytes: Uint8Array } | { diagnostics: Diagnostic[] }> {
  try {
    const read = await readBounded(path, MAX_IEP_BYTES);
    if ('bytes' in read) return { bytes: read.bytes };
    const message = CATALOG['file-too-large'].message({ bytes: read.size, max: MAX_IEP_BYTES });
    return { diagnostics: [{ code: 'file-too-large', severity: 'error', file: path, path: '', line: 1, column: 1, message, hint: CATALOG['file-too-large'].hint }] };
  } catch (error) {
    const message = CATALOG['file-unreadable'].message({ path, errno: (error as NodeJS.ErrnoException).code });
    return { diagnostics: [{ code: 'file-unreadable', severity: 'error', file: path, message, hint: 'check the path; IEP files end in .iep.yaml or .json' }] };
  }
}

/** Reads an IEP file. A file that cannot be read becomes a `file-unreadable` (or `file-too-large`) diagnostic. */
export async function loadIepFile(path: string): Promise<LoadedIep> {
  const read = await readIepBytes(path);
  if ('diagnostics' in read) return { file: path, diagnostics: read.diagnostics };
  return loadIep(read.bytes, { file: path });
}
