import type { Diagnostic } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { SourceMap } from '../load/source-map.js';
import { loadIep, readIepBytes } from '../validate/load-iep.js';
import { sha256 } from './sha256.js';

/** An IEP as a job reads it: the record (when valid), where its fields are written, and the problems found. */
export interface LoadedInput {
  /** The file it was read from; absent for a record passed in memory (`renderIep`). */
  file?: string;
  /** Absent when the file cannot be read or is not a valid IEP (the diagnostics say why). */
  iep?: Iep;
  sourceMap?: SourceMap;
  /** sha256 of the bytes read: a batch's --resume redoes a document whose input changed. */
  inputSha256?: string;
  diagnostics: Diagnostic[];
}

/** Reads and validates one IEP file. Never throws: an unreadable or invalid file comes back as diagnostics. */
export async function loadInput(file: string): Promise<LoadedInput> {
  const read = await readIepBytes(file);
  // Diagnostics say why in words a person can act on (no such file, a folder, permission denied, too large).
  if ('diagnostics' in read) return { file, diagnostics: read.diagnostics };
  return loadInputBytes(read.bytes, file);
}

/** Validates an IEP already read (a queue job carries its input's bytes); `file` names it in diagnostics. Never throws. */
export function loadInputBytes(bytes: Uint8Array, file: string): LoadedInput {
  const inputSha256 = sha256(bytes);
  try {
    return { ...loadIep(bytes, { file }), inputSha256 };
  } catch (error) {
    // loadIep reports problems as diagnostics; this is a bug in iepkit, kept to this one file.
    return { file, inputSha256, diagnostics: [{ code: 'internal-error', severity: 'error', file, message: `the file could not be loaded: ${(error as Error).message}`, hint: 'this is a bug in iepkit; please report it' }] };
  }
}
