/**
 * Writes docs/data-model.md from the schema, so the case manager's guide can never disagree with the code.
 * `npm run generate` writes it; test/model/generated-files.test.ts fails when the committed copy drifts.
 */
import { iepJsonSchema } from './iep.js';
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
    '## Strengths and the goals that build on them',
    '',
    'Strengths, interests and preferences each have an `id`. Every annual goal lists in `buildsOn` the ids it builds',
    'on, so each document can say, next to the goal, which strength it uses.',
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
