/**
 * The records docs/template-fields.md is generated from (src/compose/template-fields-doc.ts walks their view
 * models): an IEP with every optional field filled, the minimal fixture with none, and the earlier version the first
 * amends, for the changes letter's view. The full one is examples/amira-saleh.iep.yaml (a 16-year-old: transition,
 * transfer of rights, progress reports, Arabic translations) with the optional fields no example fills added below;
 * both are validated, so the reference is made from records the model accepts.
 */
import { readFileSync } from 'node:fs';
import { loadIep } from '../src/validate/load-iep.js';
import { validateIep } from '../src/validate/validate-iep.js';
import type { Iep } from '../src/model/iep.js';
import type { TemplateFieldSamples } from '../src/compose/template-fields-doc.js';

function load(path: string): Iep {
  const file = new URL(`../${path}`, import.meta.url);
  const { iep, diagnostics } = loadIep(readFileSync(file), { file: path });
  if (!iep) throw new Error(`${path} does not load: ${diagnostics.map((d) => d.message).join('; ')}`);
  return iep;
}

const schedule = { frequency: { times: 1, per: 'week' }, duration: { minutes: 30 }, location: 'separate-location', beginDate: '2026-07-06', endDate: '2026-08-14' };

/** Amira's IEP, amended, with every optional field the examples leave out. */
function everyField(base: Iep): Iep {
  const iep = structuredClone(base) as Iep & Record<string, unknown>;
  const data = iep as unknown as Record<string, any>;
  data.document = { ...data.document, version: 2, amendment: { date: '2026-05-14', amends: 1, summary: 'Counseling is now given in Arabic, and a transition objective was added.', withoutMeeting: true } };
  const factors = data.specialFactors;
  factors.behavior.description = 'Amira needs no behavior supports.';
  factors.braille.description = 'Amira reads print.';
  factors.communication.description = 'Amira communicates in Arabic and English.';
  factors.deafOrHardOfHearing.description = 'Amira hears typically.';
  data.transition.activities.push({ area: 'functional-vocational-evaluation', activity: 'A situational work assessment at the hospital pharmacy', responsible: 'The transition coordinator' });
  data.goals[0].objectives = [{ text: 'Amira will list the steps of each long project.', criteria: '3 of 3 projects', method: 'Planner review', schedule: 'Every two weeks', targetDate: '2026-11-01' }];
  for (const report of data.progressReports) {
    for (const progress of report.goals) if (progress.goal === data.goals[0].id) progress.objectives = [{ objective: 1, status: 'in-progress' }];
  }
  data.services.related[0].language = 'ar';
  data.twelveMonthServices = {
    eligible: true,
    sameAsAbove: false,
    services: [{ service: 'Resource room', deliveryRecommendations: 'Group of 3', ...schedule }],
    provider: 'Shore Road summer program',
    preschoolReason: 'Not a preschool student: shown for the reference only.',
    description: 'Planning skills practice over the summer.',
  };
  data.assessments = { participation: 'alternate', alternateReason: 'Shown for the reference only.' };
  data.nondisabledParticipation.languageOtherThanEnglish = { exempt: true, reason: 'Shown for the reference only.' };
  data.placement.school = 'Shore Road High School for Health Professions';
  const checked = validateIep(data);
  if (!checked.iep) throw new Error(`the every-field sample is not a valid IEP: ${checked.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
  return checked.iep;
}

export function templateFieldSamples(): TemplateFieldSamples {
  const amira = load('examples/amira-saleh.iep.yaml');
  return { full: everyField(amira), base: amira, minimal: load('test/fixtures/minimal.iep.yaml') };
}
