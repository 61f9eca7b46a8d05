/**
 * Writes docs/ny-form.md from the NY form transcription, so the list of labels we could not confirm can never
 * disagree with the data. `npm run generate` writes it; the drift test fails when the copy is stale.
 */
import { nyFormTexts, type NyForm } from './ny-form.js';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const WHY: Record<string, string> = {
  'third-party': 'seen only in a non-NYSED copy of the form',
  unverified: 'recalled or reconstructed; no retrieved source shows it',
  iepkit: "iepkit's wording; no source shows the form's",
};

export function nyFormMarkdown(form: NyForm): string {
  const unconfirmed = nyFormTexts(form).filter((t) => t.status !== 'verified');
  const count = (status: string) => unconfirmed.filter((t) => t.status === status).length;
  const out: string[] = [
    '# The New York State IEP form',
    '',
    '<!-- Generated from templates/ny/official/form.yaml by `npm run generate`. Do not edit by hand. -->',
    '',
    "New York requires every district to write IEPs on the State's mandatory form (8 NYCRR 200.4(d)(2)). iepkit's NY",
    'official layout (`--profile ny --layout official`) prints its headings, prompts, check-box options and column',
    'headers from a transcription of that form, `templates/ny/official/form.yaml`, through the `ny-form` locale',
    'namespace (`locales/en/ny-form.json`, generated from it).',
    '',
    '## The version followed',
    '',
    `${form.form.title}, ${form.form.publisher}, ${form.form.regulation}.`,
    '',
    form.form.version,
    '',
    `Re-issued: ${form.form.reissued}.`,
    '',
    '## What iepkit changes, and what the State allows',
    '',
    'The General Directions (GD) say the form "may be used in its current Word format, or may be converted to another',
    'format, including a computerized format. However, for all IEPs developed for the 2011-12 school year and thereafter,',
    "the State's IEP form may not be modified to otherwise change its appearance or content, except as specifically noted",
    'below." iepkit uses only these of the listed changes:',
    '',
    '- "Rows may be added or deleted within sections of the IEP as necessary." Tables get one row per program, service,',
    '  goal or accommodation the IEP records.',
    '- "Districts must select the appropriate Measurable Annual Goal section of the IEP." An IEP with short-term',
    '  objectives or benchmarks prints the "Alternate Section for Students Whose IEPs will Include Short-term Instructional',
    '  Objectives and/or Benchmarks" instead of the annual goals section (`alternativeTo` in the data).',
    '- "For students for whom post-school transition planning is not required (such as preschool and elementary age',
    '  students), the sections on \'Measurable Postsecondary Goals\' and \'Coordinated Set of Transition Activities\' may be',
    '  deleted." NYSED adds that they "must appear in IEPs for middle and secondary-age students" (training module 2,',
    '  slide 8; module 3, slide 10) (`deletable` in the data).',
    '- "The footer "New York State Education Department IEP form" may be removed."',
    '',
    'Sections are never moved: asked whether one could be, NYSED answered "No. The IEP form has been developed to present',
    'Committee recommendations in the same sequence that the development of IEP recommendations should occur."',
    "iepkit's own additions (parent names, grade, school, the goals' \"builds on\" links, the student's own words) are not",
    "on the State form: they go on the optional Student Information Summary, which NYSED lets districts modify (\"School",
    "districts may modify the State's model Student Information Summary form to add or replace the suggested fields\"; NYSED Q&A,",
    'read through a mirror of the nysed.gov page), and on the family and student copies.',
    '',
    '## Labels not confirmed against an NYSED source',
    '',
    `No full copy of the current form could be read. ${unconfirmed.length} texts are not verified against an NYSED source:`,
    `${count('third-party')} seen only in third-party copies, ${count('unverified')} recalled or reconstructed, ${count('iepkit')} iepkit's own.`,
    'Check them against the current form file from nysed.gov; change the text and its `status` in',
    '`templates/ny/official/form.yaml`, then run `npm run generate`.',
    '',
    '| Key (`ny-form:`) | What we used | Source | Status | Why |',
    '|---|---|---|---|---|',
    ...unconfirmed.map(
      (t) => `| \`${t.key}\` | ${escapeCell(t.text)} | ${t.source} | ${t.status} | ${escapeCell(t.note ? `${WHY[t.status]}. ${t.note}` : `${WHY[t.status]}.`)} |`,
    ),
    '',
    '## Sources',
    '',
    '| Code | Source |',
    '|---|---|',
    ...Object.entries(form.sources).map(([code, s]) => `| ${code} | [${escapeCell(s.title)}](${s.url}) |`),
    '',
  ];
  return out.join('\n');
}
