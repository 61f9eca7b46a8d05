/** iepkit.config.json: profile, templates and locales, paths relative to the file; every mistake located. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig, readConfig } from '../../src/load/read-config.js';

const tmp = mkdtempSync(join(tmpdir(), 'iepkit-config-'));
mkdirSync(join(tmp, 'my-templates'));
mkdirSync(join(tmp, 'my-locales'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = join(tmp, 'iepkit.config.json');

describe('readConfig', () => {
  it('reads profile, templates and locales, folders resolved from the config file\'s folder', () => {
    writeFileSync(file, JSON.stringify({ profile: 'ma', templates: ['my-templates'], locales: ['./my-locales'] }, null, 2));
    const { config, diagnostics } = readConfig(file);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ profile: 'ma', templates: [join(tmp, 'my-templates')], locales: [join(tmp, 'my-locales')] });
    expect(config!.located.profile).toEqual({ file, line: 2, column: 14 });
  });

  it('an unknown key is located, with a did-you-mean', () => {
    const { config, diagnostics } = parseConfig('{\n  "profile": "ny",\n  "template": ["my-templates"]\n}\n', file);
    expect(config).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-error', severity: 'error', file, line: 3, column: 3, hint: 'did you mean `templates`?' })]);
    expect(diagnostics[0]!.message).toContain('unknown key "template"');
  });

  it('a value of the wrong type is located at the value', () => {
    const { diagnostics } = parseConfig('{\n  "templates": "my-templates",\n  "profile": 5\n}', file);
    expect(diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 16, '"templates" must be a list of folders, as strings (e.g. ["./templates"])'],
      [3, 14, '"profile" must be the name of a profile, as a string (e.g. "ny")'],
    ]);
  });

  it('a folder that does not exist is located at its entry, with the path it was looked for at', () => {
    const { diagnostics } = parseConfig('{ "locales": ["my-locales",\n  "missing"] }', file);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'config-error', line: 2, column: 3 });
    expect(diagnostics[0]!.message).toContain(join(tmp, 'missing'));
  });

  it('text that is not JSON is located where the parser stopped', () => {
    // A comma after the last item: JSON does not allow it (the YAML parser would).
    const { diagnostics } = parseConfig('{\n  "profile": "ny",\n}\n', file);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'config-error', line: 3, column: 1 })]);
    expect(diagnostics[0]!.message).toMatch(/^the config file is not valid JSON/);
    // Comments, which YAML would take, are refused too.
    expect(parseConfig('// mine\n{ "profile": "ny" }', file).diagnostics[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('a JSON value that is not an object, and a file that does not exist, are config errors', () => {
    expect(parseConfig('["ny"]', file).diagnostics[0]!.message).toContain('must hold a JSON object');
    const missing = readConfig(join(tmp, 'nope.json'));
    expect(missing.diagnostics).toEqual([expect.objectContaining({ code: 'config-error', file: join(tmp, 'nope.json') })]);
    expect(missing.diagnostics[0]!.message).toContain('there is no such file');
  });
});
