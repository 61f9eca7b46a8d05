import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/generated-files.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const onDisk = (path: string) => {
  try {
    return readFileSync(`${root}${path}`, 'utf8');
  } catch {
    return undefined;
  }
};

describe('generated files', () => {
  const files = generatedFiles();

  it('include the JSON Schema, the data-model guide, the rules and the diagnostics catalog', () => {
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['schema/iep.schema.json', 'docs/data-model.md', 'docs/rules.md', 'docs/errors.md']));
  });

  it.each(Object.keys(files))('%s on disk equals what the model generates', (path) => {
    // toBe on whole files gives a line diff; the message says how to fix the drift.
    expect(onDisk(path), `${path} is out of date with src/model: run \`npm run generate\` and commit the result`).toBe(files[path]);
  });

  it('the schema file is the model serialised as JSON', () => {
    expect(JSON.parse(files['schema/iep.schema.json']!)).toMatchObject({ $id: 'https://iepkit.dev/schema/iep.schema.json', type: 'object' });
  });
});
