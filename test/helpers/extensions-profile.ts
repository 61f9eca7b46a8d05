import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATES_DIR } from '../../src/model/paths.js';

/** The extensions schema of the test profile `st`: narrative text, a plain string, a number, a list, one field left out. */
export const ST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['districtCode'],
  properties: {
    vision: { 'x-iep': 'text', description: "The student's vision, in the student's words." },
    districtCode: { type: 'string', maxLength: 20, description: 'The district code the state assigns.' },
    visits: { type: 'integer', minimum: 0, description: 'Home visits this year.' },
    interpreter: { type: 'boolean' },
    supports: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' }, minutes: { type: 'integer' } } },
    },
    note: { type: 'string', description: 'Declared, left out of the test records.' },
  },
};

/** A section printing each extension field: overrides the federal official layout's first section. */
const SECTION = `# {{t "official:formTitle"}}

{{extensions.st.vision}}

:::callout{kind="important"}
{{extensions.st.districtCode}} / {{extensions.st.visits}}{{#if extensions.st.interpreter}} / {{t "common:yes"}}{{/if}}{{#if extensions.st.note}} / {{extensions.st.note}}{{/if}}
:::

{{#each extensions.st.supports}}
- {{name}} ({{minutes}})
{{/each}}
`;

/**
 * A temporary templates folder holding the profile `st`: the federal profile copied, its profile.yaml declaring
 * `extensions.st` with ST_SCHEMA, and its official layout's identifying section replaced by one that prints the
 * extension fields. `schema` replaces the schema file's text (a broken schema).
 */
export function extensionsProfileRoot(options: { schema?: string } = {}): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'iepkit-ext-'));
  const dir = join(root, 'st');
  cpSync(join(TEMPLATES_DIR, 'federal'), dir, { recursive: true });
  const federal = readFileSync(join(dir, 'profile.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'profile.yaml'),
    federal.replace(/^id: federal$/m, 'id: st').replace(/^name: .*$/m, 'name: Test State') + '\nextensions:\n  namespace: st\n  schema: st.schema.json\n',
  );
  writeFileSync(join(dir, 'st.schema.json'), options.schema ?? JSON.stringify(ST_SCHEMA, null, 2));
  mkdirSync(join(dir, 'official', 'sections'), { recursive: true });
  writeFileSync(join(dir, 'official', 'sections', 'identifying.md'), SECTION);
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
