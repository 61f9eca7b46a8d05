import type { Diagnostic } from '../model/diagnostic.js';
import type { ShortenableList } from '../model/layouts.js';
import type { ViewModel } from './view-model.js';

/**
 * The student summary must fit on one page. Its front matter states how many items of each list fit
 * (`limits:`); longer lists keep their first items (the IEP team orders them by importance) and a warning says
 * what was left out, so nobody thinks the summary is the whole IEP.
 */
const LISTS = {
  strengths: { get: (v: ViewModel) => v.allStrengths, set: (v: ViewModel, l: ViewModel['allStrengths']) => ({ ...v, allStrengths: l }), what: 'strengths' },
  interests: { get: (v: ViewModel) => v.allInterests, set: (v: ViewModel, l: ViewModel['allInterests']) => ({ ...v, allInterests: l }), what: 'interests and preferences' },
  goals: { get: (v: ViewModel) => v.goals, set: (v: ViewModel, l: ViewModel['goals']) => ({ ...v, goals: l }), what: 'goals' },
  supports: {
    get: (v: ViewModel) => v.services.supplementaryAids,
    set: (v: ViewModel, l: ViewModel['services']['supplementaryAids']) => ({ ...v, services: { ...v.services, supplementaryAids: l } }),
    what: 'accommodations',
  },
  testing: { get: (v: ViewModel) => v.testingAccommodations, set: (v: ViewModel, l: ViewModel['testingAccommodations']) => ({ ...v, testingAccommodations: l }), what: 'testing accommodations' },
  team: { get: (v: ViewModel) => v.studentTeam, set: (v: ViewModel, l: ViewModel['studentTeam']) => ({ ...v, studentTeam: l }), what: 'team members' },
} as const satisfies Record<ShortenableList, unknown>;

export function shortenForOnePage(view: ViewModel, limits: Record<string, number>): { view: ViewModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let result = view;
  for (const [key, limit] of Object.entries(limits)) {
    const list = LISTS[key as keyof typeof LISTS];
    if (!list) continue;
    const items = list.get(result) as unknown[];
    if (items.length <= limit) continue;
    const kept = key === 'strengths' || key === 'interests' ? roundRobinByDomain(items as { domain: string }[], limit) : items.slice(0, limit);
    result = (list.set as (v: ViewModel, l: unknown[]) => ViewModel)(result, kept);
    diagnostics.push({
      code: 'student-summary-shortened',
      severity: 'warning',
      message: `the one-page student summary shows the first ${limit} of ${items.length} ${list.what}; the rest are in the full IEP`,
      hint: `put the ${list.what} that matter most to the student first`,
    });
  }
  // A goal's "builds on" note links to its strength only when that strength is still on the page.
  const shownIds = new Set([...result.allStrengths, ...result.allInterests].map((item) => item.id));
  result = { ...result, goals: result.goals.map((g) => ({ ...g, buildsOn: g.buildsOn.map((b) => ({ ...b, shown: shownIds.has(b.id) })) })) };
  return { view: result, diagnostics };
}

/** Takes items from each domain in turn (academic, social, physical...) so a short list still shows the whole person. */
function roundRobinByDomain<T extends { domain: string }>(items: readonly T[], limit: number): T[] {
  const queues = new Map<string, T[]>();
  for (const item of items) queues.set(item.domain, [...(queues.get(item.domain) ?? []), item]);
  const picked = new Set<T>();
  while (picked.size < limit) {
    for (const queue of queues.values()) {
      const next = queue.shift();
      if (next && picked.size < limit) picked.add(next);
    }
  }
  // Keep the IEP's own order among the picked items.
  return items.filter((item) => picked.has(item));
}
