import type { Diagnostic, JsonPath } from '../model/diagnostic.js';

/**
 * How a cross-field check reports a problem: an error at `path` (at its key's position when `key`), given the file
 * and line by validateIep, which owns the source map.
 */
export type Push = (path: JsonPath, d: Omit<Diagnostic, 'path' | 'file' | 'severity'>, key?: boolean) => void;
