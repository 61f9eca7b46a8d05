import type { Diagnostic } from '../../model/diagnostic.js';

/**
 * A PDF could not be made. Carries diagnostics the CLI prints like any other problem (codes: `browser-not-found`,
 * `browser-launch-failed`, `render-failed`); the original error, if any, is the `cause`.
 */
export class PdfRenderError extends Error {
  readonly diagnostics: Diagnostic[];

  constructor(diagnostic: Diagnostic, options?: { cause?: unknown }) {
    super(diagnostic.message, options);
    this.name = 'PdfRenderError';
    this.diagnostics = [diagnostic];
  }

  get code(): string {
    return this.diagnostics[0]!.code;
  }
}
