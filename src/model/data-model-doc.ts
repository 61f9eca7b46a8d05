/**
 * Writes docs/data-model.md from the schema, so the case manager's guide can never disagree with the code.
 * `npm run generate` writes it; test/model/generated-files.test.ts fails when the committed copy drifts.
 */
import { EXTENSION_LIMITS, iepJsonSchema } from './iep.js';
import { TEXT_LIMITS } from './text-limits.js';

interface SchemaNode {
  type?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: string[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxLength?: number;
}

const TEXT_DESCRIPTION_PREFIX = 'Narrative text.';

function isText(node: SchemaNode): boolean {
  return Boolean(node.anyOf?.some((b) => b.properties?.en));
}

function typeName(node: SchemaNode): string {
  if (isText(node)) return 'text (translatable)';
  if (node.enum) return node.enum.map((v) => `\`${v}\``).join(', ');
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  if (node.anyOf) return node.anyOf.map(typeName).join(' or ');
  if (node.type === 'array') return `list of ${node.items ? typeName(node.items) : 'values'}`;
  if (node.type === 'object') return 'mapping';
  if (node.format === 'date') return 'date (YYYY-MM-DD)';
  if (node.type === 'integer') {
    const range = node.minimum !== undefined && node.maximum !== undefined ? ` ${node.minimum}-${node.maximum}` : node.minimum !== undefined ? ` >= ${node.minimum}` : '';
    return `whole number${range}`;
  }
  // A name or label says how long it may be (ids and codes say it in their description or pattern).
  if (node.type === 'string' && node.maxLength !== undefined && !node.pattern && !node.format) return `text, at most ${node.maxLength.toLocaleString('en-US')} characters`;
  return node.type ?? 'value';
}

/** Objects that deserve their own table: direct objects and lists of objects. */
function childObject(node: SchemaNode): SchemaNode | undefined {
  if (node.type === 'object' && node.properties) return node;
  if (node.type === 'array' && node.items?.type === 'object' && node.items.properties) return node.items;
  return undefined;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function dataModelMarkdown(): string {
  const root = iepJsonSchema() as SchemaNode;
  const out: string[] = [
    '# The IEP data model',
    '',
    '<!-- Generated from src/model/iep.ts by `npm run generate`. Do not edit by hand. -->',
    '',
    'One IEP is one YAML (or JSON) file. This page lists every field: what it holds, whether it is required, and the',
    'regulation it answers to. The machine-readable form is [schema/iep.schema.json](../schema/iep.schema.json);',
    'editors such as VS Code can use it for completion when the file starts with',
    '`# yaml-language-server: $schema=../schema/iep.schema.json`.',
    '',
    '## Text and translations',
    '',
    'Every field marked **text (translatable)** takes either plain English text, or a map of language codes to text',
    'with English required:',
    '',
    '```yaml',
    'parentConcerns:',
    '  en: We want Sofia to feel confident speaking up in class.',
    '  es: Queremos que Sofía se sienta segura al hablar en clase.',
    '```',
    '',
    'Parent copies in another language use that language\'s text; where it is missing they print the English text,',
    'marked as not yet translated. The languages are: en, es, zh-Hans, zh-Hant, ar, bn, ru, ko, fr, ht, ur.',
    '',
    `A text holds at most ${TEXT_LIMITS.narrative.toLocaleString('en-US')} characters in each language (a name ${TEXT_LIMITS.name}, a short label such as a school ${TEXT_LIMITS.label});`,
    'longer text is refused with `text-too-long`. Control characters and the invisible characters that reorder or hide',
    'text (bidi overrides) are left out of the documents and reported as `invisible-character` warnings.',
    '',
    '## Extensions: a profile\'s own data',
    '',
    'A state\'s form may ask for something the common model has no field for (Massachusetts: the Student and Team',
    'Vision in the student\'s own words). Such data goes under `extensions`, in the namespace of the profile that',
    'declares it, and is used only with that profile (`--profile ma`):',
    '',
    '```yaml',
    'extensions:',
    '  ma:',
    '    visionHighSchool:',
    '      en: I want to take every math class I can.',
    '      ht: Mwen vle pran tout klas matematik mwen kapab.',
    '```',
    '',
    'The data model only requires a mapping per namespace (lowercase letters, digits and hyphens, starting with a',
    `letter; at most ${EXTENSION_LIMITS.namespaces} namespaces, ${EXTENSION_LIMITS.fields} fields in each), no key named \`__proto__\`, \`constructor\` or`,
    `\`prototype\`, and no text longer than ${TEXT_LIMITS.narrative.toLocaleString('en-US')} characters. What a namespace holds is declared by its profile:`,
    'the profile\'s `profile.yaml` names a JSON Schema file (`extensions: { namespace: ma, schema: extensions.schema.json }`)',
    'in the profile\'s folder, e.g.',
    '[templates/ma/extensions.schema.json](../templates/ma/extensions.schema.json); read it (each field has a',
    'description) to see the fields. A field the schema marks `"x-iep": "text"` (or `"student-words"`, `"parents-words"`:',
    'someone\'s own words, quoted as said) is **text (translatable)** as above.',
    '`iep validate --profile ma`, `iep check --profile ma` and rendering with the profile check the data against the',
    'schema (`extension-invalid`, with the line); data under a namespace the profile does not declare is reported',
    '(`extension-unknown`, a warning) and printed by no document. See "Extensions" in [templates.md](templates.md).',
    '',
    '## Strengths and the goals that build on them',
    '',
    'Strengths, interests and preferences each have an `id`. Every annual goal lists in `buildsOn` the ids it builds',
    'on, so each document can say, next to the goal, which strength it uses.',
    '',
    '## Progress reports',
    '',
    'IDEA requires the IEP to say how progress toward each goal is measured and when reports go to the parents',
    '(34 CFR 300.320(a)(3)). The reports themselves live in the same file, under `progressReports`, so each report',
    'reads the goals, criteria and translations it reports on. Two parts work together:',
    '',
    '- `measure` on a goal: its `criteria` in figures. `scale` says what one measurement is (`out-of` with `outOf`,',
    '  `percent`, `count`, `per-minute`, `minutes`, or a rubric `level` from 1 to `outOf`); `what` says what is counted;',
    '  `baseline` and `target` are the numbers in the goal\'s baseline and criteria; `direction: decrease` when fewer is',
    '  better (a stress rating, prompts needed).',
    '- `progressReports`: one entry per reporting period, oldest first (`period` 1, 2, 3...), with its `from` and `to`',
    '  days and the `reportDate` it goes home. For each goal: the id of the goal, the measurements taken that period',
    '  (oldest first, on the goal\'s scale), a `rating` from a closed list, a `comment` (translatable; write what the',
    '  student did well first, then what comes next) and, for a goal with objectives, each objective\'s `status` by',
    '  its number (1 for the first objective listed under the goal).',
    '',
    '```yaml',
    'goals:',
    '  - id: character-inferences',
    '    criteria: 4 of 5 questions correct, on 3 consecutive checks',
    '    measure:',
    '      scale: out-of',
    '      outOf: 5',
    '      what: questions answered with clues from the text',
    '      baseline: 2',
    '      target: 4',
    '    # ...',
    'progressReports:',
    '  - period: 1',
    '    from: "2026-03-26"',
    '    to: "2026-06-12"',
    '    reportDate: "2026-06-19"',
    '    goals:',
    '      - goal: character-inferences',
    '        measurements:',
    '          - { date: "2026-04-10", value: 2 }',
    '          - { date: "2026-05-22", value: 3 }',
    '        rating: progressing',
    '        comment:',
    '          en: Mateo uses his character chart in every reading class. Next, he will find a second clue.',
    '          es: Mateo usa su tabla de personajes en cada clase de lectura. Ahora va a buscar una segunda pista.',
    '        objectives:',
    '          - { objective: 1, status: in-progress }',
    '```',
    '',
    'Validation checks that the reports agree with the IEP, each problem at its line and column: measurements dated',
    'while the IEP is in effect (`meeting.implementationDate` to `meeting.annualReviewDate`) and inside their report\'s',
    'period; values possible on the goal\'s scale (no 6 "out of 5", no percent above 100, whole numbers for counts,',
    'trials and levels); goal ids that exist (with the nearest id as a suggestion); a `measure` on every goal that has',
    'measurements; objective numbers the goal has; no goal twice in one report; reports in order, not overlapping.',
    'The codes are listed in [errors.md](errors.md). See `examples/mateo-almonte.iep.yaml` (Spanish) and',
    '`examples/amira-saleh.iep.yaml` (Arabic) for two reporting periods on every goal.',
    '',
  ];
  const queue: { path: string; node: SchemaNode }[] = [{ path: '(top level)', node: root }];
  while (queue.length > 0) {
    const { path, node } = queue.shift()!;
    out.push(`## ${path}`, '');
    if (node.description) out.push(node.description.replace(TEXT_DESCRIPTION_PREFIX, '').trim(), '');
    out.push('| field | required | type | what it holds |', '| --- | --- | --- | --- |');
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const required = node.required?.includes(name) ? 'yes' : '';
      const object = childObject(child);
      const childPath = path === '(top level)' ? name : `${path}.${name}`;
      const shownPath = child.type === 'array' ? `${childPath}[]` : childPath;
      const type = object ? `[${child.type === 'array' ? 'list of mappings' : 'mapping'}](#${anchor(shownPath)})` : typeName(child);
      out.push(`| \`${name}\` | ${required} | ${escapeCell(type)} | ${escapeCell(child.description ?? '')} |`);
      if (object && !isText(child)) queue.push({ path: shownPath, node: object });
    }
    out.push('');
  }
  return out.join('\n');
}

function anchor(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
