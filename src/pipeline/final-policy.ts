import type { Diagnostic } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { SourceMap } from '../load/source-map.js';

/**
 * `--final`: the official IEP is the legal document, so it is refused (nothing written) while the IEP is a draft
 * or breaks an error-level compliance rule. Answers the reasons; none means it may be printed.
 */
export function finalPolicy(iep: Iep, compliance: readonly Diagnostic[], source: { file?: string; sourceMap?: SourceMap }): Diagnostic[] {
  const refusals = compliance.filter((d) => d.severity === 'error');
  if (iep.document.status === 'draft') {
    refusals.push({
      code: 'final-from-draft',
      severity: 'error',
      ...(source.file !== undefined ? { file: source.file } : {}),
      path: 'document.status',
      ...(source.sourceMap?.locate(['document', 'status']) ?? {}),
      message: 'the IEP is still a draft, so it cannot be printed as the final IEP',
      hint: 'set document.status to final once the team has agreed, or render without --final to get a DRAFT copy',
    });
  }
  return refusals;
}
