/**
 * Every command that composes or checks takes any profile that exists, overlay folders (--templates, --locales) and
 * a config file (iepkit.config.json, or --config): the profile is checked once at the start (exit 2 with a
 * did-you-mean), a folder that does not exist is a usage error, a config file's mistakes are located.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runIep } from '../helpers/run-iep.js';

const MAYA = join(ROOT, 'examples', 'maya-thompson.iep.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'iepkit-profiles-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function write(path: string, text: string): string {
  const file = join(tmp, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

// A profile of the test's own, found only in its --templates folder: California, as federal with its own name.
write('states/ca/profile.yaml', 'id: ca\nname: California\ndescription: California, on the federal layouts and rules.\nextends: federal\n');
// An overlay of one section of the bundled New York official form, and of one label.
write('overlay/ny/official/sections/transportation.md', '## {{t "ny-form:transportation.heading"}}\n\nOVERLAY-SECTION {{t "ny-form:transportation.type"}}\n');
write('labels/en/ny-form.json', JSON.stringify({ transportation: { heading: 'Getting to school' } }));

describe('--profile', () => {
  it('an unknown profile is exit 2 before any work, with its did-you-mean, on each command', async () => {
    for (const command of [['check'], ['render', '--format', 'html', '--out', join(tmp, 'never')], ['lint'], ['validate'], ['batch', '--format', 'html', '--out', join(tmp, 'never')]]) {
      const run = await runIep([...command, MAYA, '--profile', 'federl']);
      expect(run.code, command[0]).toBe(2);
      expect(run.stderr).toContain('there is no profile "federl"');
      expect(run.stderr).toContain('hint: did you mean `federal`?');
      expect(run.stderr).toContain('profile-unknown');
    }
    expect(readdirSync(tmp)).not.toContain('never');
  });

  it('takes a profile from a --templates folder', async () => {
    const run = await runIep(['check', MAYA, '--profile', 'ca', '--templates', join(tmp, 'states')]);
    expect(run.stderr).not.toContain('profile-unknown');
    expect(run.code).toBeLessThan(2);
    const json = await runIep(['check', MAYA, '--profile', 'ca', '--templates', join(tmp, 'states'), '--json']);
    expect(JSON.parse(json.stdout).profile).toBe('ca');
  });

  it('iep --help lists the bundled profiles and says how to add one', async () => {
    const run = await runIep(['--help']);
    expect(run.stdout).toContain('Profiles: ny, federal, ma are bundled');
    expect(run.stdout).toContain('--templates <dir>');
    expect(run.stdout).toContain('iepkit.config.json');
    const check = await runIep(['check', '--help']);
    for (const option of ['--profile', '--templates', '--locales', '--config']) expect(check.stdout).toContain(option);
  });
});

describe('--templates and --locales', () => {
  it('a folder that does not exist is a usage error naming it', async () => {
    const run = await runIep(['render', MAYA, '--format', 'html', '--out', join(tmp, 'never'), '--templates', 'no-such-folder']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--templates no-such-folder: there is no such folder');
    const locales = await runIep(['check', MAYA, '--locales', join(tmp, 'labels') + ',' + join(tmp, 'missing')]);
    expect(locales.code).toBe(2);
    expect(locales.stderr).toContain(`--locales ${join(tmp, 'missing')}: there is no such folder`);
  });

  it('render uses the overlay section and label, and the rest of the bundled form', async () => {
    const out = join(tmp, 'out-overlay');
    const run = await runIep(['render', MAYA, '--layout', 'official', '--lang', 'en', '--format', 'html', '--out', out, '--templates', join(tmp, 'overlay'), '--locales', join(tmp, 'labels')]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.html'))!), 'utf8');
    expect(html).toContain('OVERLAY-SECTION Type of transportation');
    expect(html).toContain('Getting to school');
    expect(html).not.toContain('Special Transportation');
    expect(html).toContain('Present Levels of Performance and Individual Needs');
  });
});

describe('iepkit.config.json', () => {
  it('is read from the current folder: its profile and folders are used', async () => {
    const dir = join(tmp, 'project');
    write('project/iepkit.config.json', JSON.stringify({ profile: 'ca', templates: ['../states'] }, null, 2));
    const run = await runIep(['check', MAYA, '--json'], {}, dir);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).profile).toBe('ca');
  });

  it('the command line overrides it', async () => {
    const dir = join(tmp, 'project');
    const run = await runIep(['check', MAYA, '--json', '--profile', 'federal'], {}, dir);
    expect(JSON.parse(run.stdout).profile).toBe('federal');
    // --templates given: the config file's folders are not used, so its profile ca is not found.
    const without = await runIep(['check', MAYA, '--templates', join(tmp, 'overlay')], {}, dir);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('there is no profile "ca"');
    // Reported where the config file names it.
    expect(without.stderr).toContain(join(dir, 'iepkit.config.json'));
    expect(without.stderr).toMatch(/\n {2}2:14 +error +there is no profile "ca"/);
  });

  it('its mistakes are config-error diagnostics with file, line and column (exit 2), for --config too', async () => {
    const file = write('bad/settings.json', '{\n  "profile": "ny",\n  "template": ["../overlay"]\n}\n');
    const run = await runIep(['render', MAYA, '--format', 'html', '--out', join(tmp, 'never'), '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toMatch(/\n {2}3:3 +error +unknown key "template".*config-error/);
    expect(run.stderr).toContain('hint: did you mean `templates`?');
    write('bad-json/iepkit.config.json', '{\n  "profile": "ny",\n}\n');
    const json = await runIep(['lint', MAYA], {}, join(tmp, 'bad-json'));
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/\n {2}3:1 +error +the config file is not valid JSON/);
    const missing = await runIep(['check', MAYA, '--config', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the config file could not be read: there is no such file');
    expect(readdirSync(tmp)).not.toContain('never');
  });
});
