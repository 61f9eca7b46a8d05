import type { Diagnostic } from '../model/diagnostic.js';
import type { Iep } from '../model/iep.js';
import type { SourceMap } from '../load/source-map.js';
import { unwrittenText } from '../validate/unwritten-text.js';

/**
 * `--final`: the official IEP is the legal document, so it is refused (nothing written) while the IEP is a draft,
 * still holds the starter's "TO WRITE: ..." text (each such warning becomes an error), or breaks an error-level
 * compliance rule. Answers the reasons; none means it may be printed.
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
  for (const unwritten of unwrittenText(iep, source)) refusals.push({ ...unwritten, severity: 'error' });
  return refusals;
}
