/**
 * Strength-first structure: each present-levels domain that states needs also states strengths, and each annual goal
 * names at least one strength, interest or preference it builds on.
 */
import { formatJsonPath } from '../model/diagnostic.js';
import { DOMAIN_KEYS, type Iep } from '../model/iep.js';
import type { LintDiagnostic } from './lint-diagnostic.js';
import type { Locator } from './lint-locate.js';

const DOMAIN_NAMES: Record<(typeof DOMAIN_KEYS)[number], string> = {
  academic: 'academic',
  social: 'social development',
  physical: 'physical development',
};

export function checkStrengths(iep: Iep, locator: Locator, file?: string): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  for (const domain of DOMAIN_KEYS) {
    const levels = iep.presentLevels[domain];
    if (levels.needs.length > 0 && levels.strengths.length === 0) {
      const path = ['presentLevels', domain, 'strengths'];
      diagnostics.push({
        code: 'needs-without-strengths',
        severity: 'warning',
        file,
        path: formatJsonPath(path),
        ...locator.field(path),
        message: `presentLevels.${domain} states ${levels.needs.length} need${levels.needs.length === 1 ? '' : 's'} but no strengths; the ${DOMAIN_NAMES[domain]} present levels should open with what the student does well`,
        hint: `add at least one item under presentLevels.${domain}.strengths (\`- { id: ..., text: ... }\`) saying what ${iep.student.preferredName ?? iep.student.firstName} does well here, so the needs read as next steps from a strength`,
        source: '34 CFR 300.324(a)(1)(i)',
      });
    }
  }
  const ids = DOMAIN_KEYS.flatMap((d) => [
    ...iep.presentLevels[d].strengths,
    ...(iep.presentLevels[d].interests ?? []),
    ...(iep.presentLevels[d].preferences ?? []),
  ]).map((item) => item.id);
  iep.goals.forEach((goal, g) => {
    if (goal.buildsOn.length > 0) return;
    const path = ['goals', g, 'buildsOn'];
    const some = ids.slice(0, 5).join(', ');
    diagnostics.push({
      code: 'goal-without-strength',
      severity: 'warning',
      file,
      path: formatJsonPath(path),
      ...locator.field(path),
      message: `goals[${g}] ("${goal.id}") does not name a strength it builds on`,
      hint: ids.length
        ? `list the ids of the strengths, interests or preferences this goal uses, e.g. buildsOn: [${ids[0]}]${ids.length > 1 ? ` (ids in this IEP: ${some}${ids.length > 5 ? ', ...' : ''})` : ''}`
        : 'add strengths, interests or preferences under presentLevels, then list their ids in buildsOn',
    });
  });
  return diagnostics;
}
