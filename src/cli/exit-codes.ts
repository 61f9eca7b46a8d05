/** Stable exit codes, documented in the README and `iep --help`: defined with the diagnostics catalog. */
export { EXIT } from '../model/diagnostic-catalog.js';
