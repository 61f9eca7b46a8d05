/**
 * Stable exit codes, defined with the diagnostics catalog (src/model/diagnostic-catalog.ts), which also gives
 * `exitCodeFor`. Kept for the commands that still import it from here (render, batch).
 */
export { EXIT } from '../model/diagnostic-catalog.js';
