/**
 * Readable JSON paths (`goals[2].criteria`, `student.firstName`, `x["odd key"]`) to and from key arrays: the one
 * implementation is src/model/diagnostic.ts's, the one diagnostics are written with.
 */
export { formatJsonPath as formatPath, parseJsonPath as parsePath } from '../../model/diagnostic.js';
export type { PathKey } from '../../model/apply-edit.js';
