/**
 * The shape of templates/ny/official/form.yaml: a transcription of New York State's mandatory IEP form (its headings,
 * prompts, check-box options and table columns, each with its source and how sure we are of it). The NY official
 * layout prints its English labels from it through locales/en/ny-form.json, which nyFormLocale writes. The schema is
 * the one definition: the reader validates the file against it and the NyForm type is derived from it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { join } from 'node:path';
import { TEMPLATES_DIR } from './paths.js';

/** Where the transcription lives. */
export const NY_FORM_FILE = join(TEMPLATES_DIR, 'ny', 'official', 'form.yaml');

/** The i18next namespace the transcription is written to (locales/en/ny-form.json). */
export const NY_FORM_NAMESPACE = 'ny-form';

/** How sure a text is: read in an NYSED source, seen only in a non-NYSED copy, recalled, or iepkit's own words. */
export const NY_FORM_STATUSES = ['verified', 'third-party', 'unverified', 'iepkit'] as const;
export type NyFormStatus = (typeof NY_FORM_STATUSES)[number];

// A locale key segment: kebab-case, so never a dot or colon (i18next's separators).
const KEY_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const Key = (what: string) => Type.String({ pattern: KEY_PATTERN, description: `${what}: lowercase letters and digits joined by hyphens.` });

const Status = Type.Unsafe<NyFormStatus>({ type: 'string', enum: [...NY_FORM_STATUSES], description: `How sure the text is: ${NY_FORM_STATUSES.join(', ')}.` });

const attribution = {
  text: Type.String({ minLength: 1, description: 'The text as the form prints it.' }),
  source: Type.String({
    pattern: '^[A-Za-z0-9-]+(, [A-Za-z0-9-]+)*$',
    description: 'The codes of the sources (the `sources` map) the text was read in, comma-separated, best first.',
  }),
  status: Status,
  note: Type.Optional(Type.String({ minLength: 1, description: 'What the source shows exactly, and what is ours.' })),
};

const Heading = Type.Object(attribution, { additionalProperties: false, description: 'A printed heading.' });

const Entry = Type.Object(
  {
    key: Key('The locale key of the text'),
    ...attribution,
    choices: Type.Optional(
      Type.Array(Key('An option key'), { minItems: 2, uniqueItems: true, description: "A question's check-box options (keys of the section's `options`), in printed order." }),
    ),
  },
  { additionalProperties: false, description: 'A prompt, field label, row caption, check-box option or column header.' },
);

const Entries = (what: string) => Type.Optional(Type.Array(Entry, { minItems: 1, description: what }));

const parts = {
  heading: Heading,
  labels: Entries('Prompts, field labels and row captions, in printed order.'),
  options: Entries('Check-box option texts, in printed order.'),
  columns: Entries('Table column headers, in order.'),
};

const Subsection = Type.Object({ id: Key('The subsection id'), ...parts }, { additionalProperties: false, description: 'A headed part of a section.' });

const Section = Type.Object(
  {
    id: Key('The section id'),
    deletable: Type.Optional(
      Type.Literal('when-not-needed-for-transition', { description: 'The General Directions let districts delete the section for students who do not need transition planning.' }),
    ),
    alternativeTo: Type.Optional(Key('The id of the section this one replaces when chosen')),
    ...parts,
    subsections: Type.Optional(Type.Array(Subsection, { minItems: 1, description: 'Headed parts, in printed order.' })),
  },
  { additionalProperties: false, description: 'A section of the form.' },
);

export const NyFormSchema = Type.Object(
  {
    form: Type.Object(
      {
        title: Type.String({ minLength: 1 }),
        publisher: Type.String({ minLength: 1 }),
        regulation: Type.String({ minLength: 1 }),
        version: Type.String({ minLength: 1, description: 'Which revision of the form is transcribed and which copies the wording comes from.' }),
        reissued: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'The date NYSED issued the version followed.' }),
      },
      { additionalProperties: false, description: 'The form and version the transcription follows.' },
    ),
    sources: Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9-]+$' }),
      Type.Object({ title: Type.String({ minLength: 1 }), url: Type.String({ pattern: '^https?://' }) }, { additionalProperties: false }),
      { description: 'Source code -> title and address.' },
    ),
    page: Type.Object({ labels: Entries('Texts printed on every page.') }, { additionalProperties: false, description: 'Page furniture: header placeholder and footer.' }),
    sections: Type.Array(Section, { minItems: 1, description: "The form's sections, in the form's order." }),
    studentInformationSummary: Section,
  },
  { additionalProperties: false, description: 'A transcription of the New York State mandatory IEP form.' },
);

export type NyForm = Static<typeof NyFormSchema>;
export type NyFormSection = Static<typeof Section>;
export type NyFormEntry = Static<typeof Entry>;

/** Locale keys of the parts that are not a section. */
const PAGE_ID = 'page';

type Part = Pick<NyFormSection, 'heading' | 'labels' | 'options' | 'columns'> & { subsections?: NyFormSection['subsections'] };

/** Every text of the transcription with its dotted locale key (`twelve-month.provider`), in document order. */
export function nyFormTexts(form: NyForm): { key: string; text: string; source: string; status: NyFormStatus; note?: string }[] {
  const out: ReturnType<typeof nyFormTexts> = [];
  const entries = (prefix: string, part: Partial<Part>) => {
    if (part.heading) out.push({ key: `${prefix}.heading`, ...part.heading });
    for (const e of [...(part.labels ?? []), ...(part.options ?? []), ...(part.columns ?? [])]) {
      out.push({ key: `${prefix}.${e.key}`, text: e.text, source: e.source, status: e.status, ...(e.note ? { note: e.note } : {}) });
    }
    for (const sub of part.subsections ?? []) entries(`${prefix}.${sub.id}`, sub);
  };
  entries(PAGE_ID, form.page);
  for (const section of form.sections) entries(section.id, section);
  entries(form.studentInformationSummary.id, form.studentInformationSummary);
  return out;
}

/**
 * The transcription as an i18next JSON v4 resource: section id, then (subsection id, then) key, each value the text.
 * Every section and subsection has `heading`.
 */
export function nyFormLocale(form: NyForm): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { key, text } of nyFormTexts(form)) {
    const path = key.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = text;
  }
  return root;
}

/**
 * What the schema cannot say: ids and keys unique where they share a locale object, `choices` naming the section's
 * options, `alternativeTo` naming a section, every source code in `sources`. Each problem as `path: message`.
 */
export function nyFormProblems(form: NyForm): string[] {
  const problems: string[] = [];
  const sectionIds = form.sections.map((s) => s.id);
  const topIds = [PAGE_ID, ...sectionIds, form.studentInformationSummary.id];
  topIds.forEach((id, i) => {
    if (topIds.indexOf(id) !== i) problems.push(`sections: the id "${id}" is used twice (ids "${PAGE_ID}" and "${form.studentInformationSummary.id}" are taken)`);
  });

  const checkPart = (where: string, part: Partial<Part>) => {
    const keys = ['heading'];
    for (const kind of ['labels', 'options', 'columns'] as const) {
      (part[kind] ?? []).forEach((e, i) => {
        if (keys.includes(e.key)) problems.push(`${where}.${kind}[${i}].key: "${e.key}" is already a key of ${where} (labels, options, columns and subsections share one locale object)`);
        keys.push(e.key);
      });
    }
    (part.subsections ?? []).forEach((sub, i) => {
      if (keys.includes(sub.id)) problems.push(`${where}.subsections[${i}].id: "${sub.id}" is already a key of ${where}`);
      keys.push(sub.id);
      checkPart(`${where}.subsections[${i}]`, sub);
    });
    const optionKeys = new Set((part.options ?? []).map((o) => o.key));
    (part.labels ?? []).forEach((e, i) => {
      for (const choice of e.choices ?? []) {
        if (!optionKeys.has(choice)) problems.push(`${where}.labels[${i}].choices: "${choice}" is not a key of the options of ${where}`);
      }
    });
  };
  checkPart('page', form.page);
  form.sections.forEach((s, i) => {
    checkPart(`sections[${i}]`, s);
    if (s.alternativeTo !== undefined && (s.alternativeTo === s.id || !sectionIds.includes(s.alternativeTo))) {
      problems.push(`sections[${i}].alternativeTo: "${s.alternativeTo}" is not the id of another section`);
    }
  });
  checkPart('studentInformationSummary', form.studentInformationSummary);

  for (const { key, source } of nyFormTexts(form)) {
    for (const code of source.split(', ')) if (!(code in form.sources)) problems.push(`${key}: source "${code}" is not in sources`);
  }
  return problems;
}
