/**
 * docs/template-fields.md: every field a template can use, generated from the view model itself. The view models of
 * sample records (one with every optional field, one with none; scripts/template-field-samples.ts) are built as
 * compose builds them, in each bundled profile, with the progress report's, the changes letter's and the compliance
 * summary's views, and walked: each path found is listed with its kind and description (template-fields.ts). A
 * field added to the view model without a description is listed with a blank one, and the test of this file fails.
 */
import { DIRECTIVES, directiveSyntax } from '../model/directives.js';
import { DOMAIN_PARTS } from '../model/layouts.js';
import type { Iep } from '../model/iep.js';
import { createTranslator } from '../i18n/translator.js';
import { loadProfile } from '../load/load-profile.js';
import { diffIeps } from '../diff/diff-ieps.js';
import { changesView } from './changes-view.js';
import { complianceView } from './compose-document.js';
import { TEMPLATE_HELPERS, type TemplateHelper } from './expand-template.js';
import { progressView } from './progress-view.js';
import { FIELD_KINDS, TEMPLATE_FIELDS, type FieldKind } from './template-fields.js';
import { ViewModelBuilder } from './view-model.js';

export interface TemplateFieldSamples {
  /** A record with every optional field filled, an amendment of `base` with progress reports. */
  full: Iep;
  /** The version `full` amends (the changes letter's view compares the two). */
  base: Iep;
  /** A record with only the required fields (where fields are null or lists are empty). */
  minimal: Iep;
}

/** What a value was at a path in some sample: the JavaScript shape, which the kind must agree with. */
export type Shape = 'string' | 'number' | 'boolean' | 'null' | 'list' | 'group';

/** The profiles the samples are composed in: they differ in what the view model holds (transfer of rights). */
const PROFILES = ['ny', 'federal'];

/** Top-level keys documented by hand: each profile's own data, whose fields its extension schema declares. */
const BY_HAND = new Set(['extensions']);

/** Every path of the views a template sees, with the shapes its values had in the samples. */
export function walkTemplateFields(samples: TemplateFieldSamples): Map<string, Set<Shape>> {
  const seen = new Map<string, Set<Shape>>();
  const note = (path: string, shape: Shape) => {
    if (!seen.has(path)) seen.set(path, new Set());
    seen.get(path)!.add(shape);
  };
  const walk = (value: unknown, path: string): void => {
    if (value === null || value === undefined) return note(path, 'null');
    if (Array.isArray(value)) {
      note(path, 'list');
      for (const item of value) walk(item, `${path}[]`);
      return;
    }
    if (typeof value === 'object') {
      if (path !== '') note(path, 'group');
      for (const [key, child] of Object.entries(value)) if (!(path === '' && BY_HAND.has(key))) walk(child, path === '' ? key : `${path}.${key}`);
      return;
    }
    note(path, typeof value as Shape);
  };
  for (const name of PROFILES) {
    const { profile, diagnostics } = loadProfile(name);
    if (!profile) throw new Error(`profile ${name}: ${diagnostics.map((d) => d.message).join('; ')}`);
    const tr = createTranslator('en', profile.localeRoots);
    for (const iep of [samples.full, samples.minimal]) {
      const builder = new ViewModelBuilder(iep, tr);
      const view = builder.build({ domainParts: DOMAIN_PARTS, profile });
      walk(view, '');
      if (iep !== samples.full) continue;
      const progress = progressView(iep, builder, view.goals, tr).progress;
      if (!progress) throw new Error('the full sample has no progress report');
      walk(progress, 'progress');
      const baseView = new ViewModelBuilder(samples.base, tr).build({ domainParts: DOMAIN_PARTS, profile });
      walk(changesView({ iep, base: samples.base, diff: diffIeps(samples.base, iep), view, builder, baseView }, tr), 'changes');
      const item = { code: 'transition-required', severity: 'warning' as const, message: 'm', hint: 'h', path: 'transition', source: '34 CFR 300.320(b)' };
      walk(complianceView({ passed: true, errors: 0, warnings: 1, infos: 0, items: [item] }, tr), 'compliance');
    }
  }
  return seen;
}

const SHAPE_OF: Record<FieldKind, Shape> = {
  text: 'string',
  paragraphs: 'string',
  label: 'string',
  date: 'string',
  number: 'string',
  'code': 'string',
  attribute: 'string',
  'yes/no': 'boolean',
  integer: 'number',
  list: 'list',
  group: 'group',
  null: 'null',
};

/**
 * What disagrees between the walk and the descriptions: fields without a description, described fields no sample
 * has (renamed or removed, or a sample that does not fill them), and values whose shape is not their kind's.
 */
export function checkTemplateFields(seen: Map<string, Set<Shape>>): { undescribed: string[]; unseen: string[]; wrongKind: string[] } {
  // A list's item (`goals[]`) needs no words of its own: its fields have them.
  const undescribed = [...seen.keys()].filter((path) => !(path in TEMPLATE_FIELDS) || (TEMPLATE_FIELDS[path]![1] === '' && !isItem(path)));
  const unseen = Object.keys(TEMPLATE_FIELDS).filter((path) => !seen.has(path));
  const wrongKind = [...seen].flatMap(([path, shapes]) => {
    const doc = fieldDoc(path);
    if (!doc) return [];
    const allowed = new Set<Shape>([SHAPE_OF[doc.kind], ...(doc.nullable ? ['null' as const] : [])]);
    const wrong = [...shapes].filter((s) => !allowed.has(s));
    return wrong.length > 0 ? [`${path}: described as ${doc.kind}${doc.nullable ? ' or null' : ''}, found ${wrong.join(', ')}`] : [];
  });
  return { undescribed, unseen, wrongKind };
}

function fieldDoc(path: string): { kind: FieldKind; nullable: boolean; about: string } | undefined {
  const entry = TEMPLATE_FIELDS[path];
  if (!entry) return undefined;
  const [kind, about] = entry;
  const nullable = kind.endsWith('?');
  return { kind: (nullable ? kind.slice(0, -1) : kind) as FieldKind, nullable, about };
}

const HELPER_DOCS: Record<TemplateHelper, [use: string, what: string]> = {
  t: ['{{t "family:goalsHeading" name=student.preferredName}}', "A label in the copy's language; `name=value` pairs fill its `{{name}}` slots. An unknown key is a template-error."],
  ta: ['{{ta "common:yes"}}', 'The same label escaped for a directive attribute value (`yes="{{ta "common:yes"}}"`).'],
  eq: ['{{#if (eq part "needs")}}', 'True when the two values are the same.'],
  not: ['{{#if (not student.preschool)}}', 'True when the value is false, null, empty text or 0 (an empty list is not: use `(count list)`, or `{{#unless list}}`).'],
  and: ['{{#if (and transition transitionSections)}}', 'True when every value is true (any number of values; an empty list counts as true, unlike in `#if`).'],
  or: ['{{#if (or factors.braille.yes factors.braille.na)}}', 'True when any value is true (any number of values; an empty list counts as true, unlike in `#if`).'],
  gt: ['{{#if (gt student.ageYears 13)}}', 'True when the first number is greater than the second.'],
  count: ['{{count goals}}', 'The number of items of a list (0 for anything else).'],
};

/** The kinds, as the reference explains them. */
const KIND_DOCS: Record<FieldKind, string> = {
  text: "Data from the IEP record in the copy's language, one line of inert Markdown: already escaped, so print it as is (`{{goal}}`). Where the record has no translation, the English is printed inside an `:untranslated[...]` marker.",
  paragraphs: 'Data from the IEP record as inert Markdown paragraphs separated by blank lines: print it on a line of its own.',
  label: "Words from the locales in the copy's language: a closed-list value of the record turned into its label (`common:grade.5`), or a sentence made of labels and data.",
  date: "A date of the record, written out in the copy's language (Intl), e.g. April 30, 2026.",
  number: "A number written in the copy's numerals (Intl), as text.",
  'code': 'A machine value, not translated: a language code, a text direction, an id or a key, for conditions and attributes.',
  attribute: 'Text escaped for a directive attribute value (`name="{{nameAttr}}"`), not for Markdown.',
  'yes/no': 'true or false, for `{{#if}}` and `{{#unless}}`.',
  integer: 'A plain number, for comparisons (`gt`), not for printing.',
  list: 'A list, for `{{#each}}`; `{{count list}}` is its length. An empty list is `[]`, never absent.',
  group: 'A group of fields: `{{group.field}}`, or `{{#with group}}` ... `{{/with}}`.',
  null: 'Always null: kept so that rows of different lists have the same fields.',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A list's item as a group (`goals[]`): its fields are listed, not itself. */
const isItem = (path: string) => path.endsWith('[]') && TEMPLATE_FIELDS[path]?.[0] === 'group';

function fieldTable(paths: readonly string[]): string[] {
  const rows = paths.filter((path) => !isItem(path)).map((path) => {
    const doc = fieldDoc(path);
    const kind = doc ? `${doc.kind}${doc.nullable ? ', or null' : ''}` : '';
    return `| \`${path}\` | ${kind} | ${cell(doc?.about ?? '')} |`;
  });
  return ['| field | kind | what it holds |', '| --- | --- | --- |', ...rows];
}

/** The generated reference, docs/template-fields.md. */
export function templateFieldsMarkdown(samples: TemplateFieldSamples): string {
  const seen = walkTemplateFields(samples);
  const paths = [...seen.keys()];
  const under = (prefix: string) => paths.filter((p) => p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`));
  const special = ['progress', 'changes', 'compliance'];
  const core = paths.filter((p) => !special.some((s) => under(s).includes(p)));
  const directives = Object.entries(DIRECTIVES).map(([name, spec]) => {
    const attributes = Object.entries(spec.attributes as Record<string, { required?: boolean; values?: readonly string[]; default?: string; flag?: boolean }>).map(([attr, a]) => {
      const notes = [a.required ? 'required' : '', a.flag ? 'flag' : '', a.values ? `one of ${a.values.join(', ')}` : '', a.default ? `default ${a.default}` : ''].filter(Boolean);
      return `\`${attr}\`${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    });
    const where = [('inside' in spec && spec.inside) ? `only inside \`${spec.inside}\`` : '', ('only' in spec && spec.only) ? `holds only \`${spec.only}\`` : ''].filter(Boolean).join('; ');
    return `| \`${directiveSyntax(name, spec.kind)}\` | ${spec.kind} | ${attributes.join(', ') || 'none'} | ${where} |`;
  });
  const lines = [
    '# Template fields',
    '',
    '<!-- Generated from the view model (src/compose/template-fields-doc.ts) by `npm run generate`: do not edit. -->',
    '',
    'Every field a section template can print, every helper it can call and every directive it can write: the',
    'complete list, made by building the view model of a record with every optional field filled (and of one with',
    'none) in each bundled profile and listing what it holds. How to write templates, layouts and profiles:',
    '[templates.md](templates.md).',
    '',
    'A template sees the fields below and nothing else: a field that is not listed is a `template-error` naming the',
    'template file and line (templates compile in Handlebars strict mode). Paths are written from the top of the',
    'view model; `[]` stands for each item of a list. Inside `{{#each goals}}` ... `{{/each}}` an item\'s fields are',
    'named without the prefix (`{{goal}}`, `{{#each objectives}}`), the top is `@root` (`{{@root.student.name}}`),',
    'and `@index`, `@first`, `@last` are available as in any Handlebars template.',
    '',
    '## Kinds',
    '',
    '| kind | what it is |',
    '| --- | --- |',
    ...FIELD_KINDS.map((k) => `| ${k} | ${cell(KIND_DOCS[k])} |`),
    '',
    'A field that is "or null" is null when the record leaves it out: test it with `{{#if field}}` before printing',
    'it. Every value is made inert before a template sees it (escaped Markdown), so data can never become a heading,',
    'a link or a directive.',
    '',
    '## Helpers',
    '',
    "Handlebars' own block helpers `#if`, `#unless`, `#each`, `#with` (and `else`), and these; no other helper is",
    'registered, and calling another one is a `template-error`:',
    '',
    '| helper | example | what it does |',
    '| --- | --- | --- |',
    ...TEMPLATE_HELPERS.map((h) => `| \`${h}\` | \`${cell(HELPER_DOCS[h][0])}\` | ${cell(HELPER_DOCS[h][1])} |`),
    '',
    '## Every layout: the IEP',
    '',
    'These fields are there in every layout (official, family, student, bilingual, progress, progress-official,',
    'changes) and every profile.',
    '',
    ...fieldTable(core),
    '',
    '## Layouts progress and progress-official: `progress`',
    '',
    'The progress report being printed (the latest, or `--period N`): only in these two layouts.',
    '',
    ...fieldTable(under('progress')),
    '',
    '## Layout changes: `changes`',
    '',
    'The letter to the family about an amendment (`--layout changes --base OLD`): only in this layout.',
    '',
    ...fieldTable(under('changes')),
    '',
    '## A draft official IEP with the compliance summary: `compliance`',
    '',
    'Only when the official layout is rendered `--with-compliance`; the `compliance-summary` partial prints it.',
    '',
    ...fieldTable(under('compliance')),
    '',
    '## A profile\'s own data: `extensions.<namespace>`',
    '',
    "A profile that declares its own data (`extensions` in its profile.yaml: a namespace and a JSON Schema file) can",
    "print it in its templates as `extensions.<namespace>.<field>`, e.g. `{{extensions.ma.vision}}`. Each field is",
    "there as its extension schema declares it: a property marked `\"x-iep\": \"text\"` is a text like the narrative",
    "fields above (in the copy's language, escaped, marked untranslated where the record has no translation); other",
    'values are escaped. The record\'s fields: [data-model.md](data-model.md); declaring them: the "Extensions"',
    'section of [templates.md](templates.md#extensions).',
    '',
    '## Directives',
    '',
    'What Markdown lacks, written in a template as remark-directive syntax; what each means:',
    '[templates.md](templates.md#directives). Attributes not listed, values outside those listed and a directive in',
    'the wrong place are a `template-error`.',
    '',
    '| directive | kind | attributes | where |',
    '| --- | --- | --- | --- |',
    ...directives,
    '',
  ];
  return lines.join('\n');
}
