/**
 * Overlay folders (issue 21 parts 1 and 5): a `--templates` folder holding one section template of a bundled profile
 * replaces that section only, a `--locales` folder holding one label replaces that label only, and a mistake in an
 * overlay's file is reported with that file and its line, not the bundled one's.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { LOCALES_DIR, TEMPLATES_DIR } from '../../src/model/paths.js';
import { loadExample, nodeText, type TreeNode } from '../e2e/helpers.js';

const maya = loadExample('maya-thompson');
const tmp = mkdtempSync(join(tmpdir(), 'iepkit-overlays-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const english = JSON.parse(readFileSync(join(LOCALES_DIR, 'en', 'ny-form.json'), 'utf8'));
const bundledSection = readFileSync(join(TEMPLATES_DIR, 'ny', 'official', 'sections', 'transportation.md'), 'utf8');

/** A new overlay folder with the files given (path relative to it -> text). */
function overlay(name: string, files: Record<string, string>): string {
  const root = join(tmp, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const text = (composed: ReturnType<typeof composeDocument>) => nodeText(composed.document!.body as TreeNode);

describe('a --templates overlay with one section template of a bundled profile', () => {
  it('renders with that section, and every other section from the bundle', () => {
    // The overlay's transportation section: the heading, then only the description of the bundled one.
    const dir = overlay('one-section', { 'ny/official/sections/transportation.md': '## {{t "ny-form:transportation.heading"}}\n\n{{t "ny-form:transportation.type"}}: {{transportation.transportationType}}\n' });
    const bundled = composeDocument(maya, { layout: 'official', lang: 'en' });
    const composed = composeDocument(maya, { layout: 'official', lang: 'en', templates: [dir] });
    expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The bundled section's check boxes are gone; the overlay's line is there.
    expect(bundledSection).toContain('transportation.not-needed');
    expect(text(bundled)).toContain(english.transportation['not-needed']);
    expect(text(composed)).not.toContain(english.transportation['not-needed']);
    expect(text(composed)).toContain(`${english.transportation.type}:`);
    // The rest of the form is the bundle's, unchanged: present levels, goals, the heading of transportation.
    for (const label of [english['present-levels'].heading, english.transportation.heading]) expect(text(composed)).toContain(label);
    expect(text(composed).replace(/Type of transportation:[^\n]*/, '')).toContain(text(bundled).slice(0, 2000));
  });

  it('an unknown field on line 3 of the overlay section is a template-error naming the overlay file and line 3', () => {
    const dir = overlay('unknown-field', { 'ny/official/sections/transportation.md': '## {{t "ny-form:transportation.heading"}}\n\n{{student.selpa}}\n' });
    const composed = composeDocument(maya, { layout: 'official', lang: 'en', templates: [dir] });
    const errors = composed.diagnostics.filter((d) => d.code === 'template-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: join(dir, 'ny/official/sections/transportation.md'), line: 3 });
    expect(errors[0]!.message).toContain('selpa');
  });

  it('a Handlebars syntax error in the overlay section names the overlay file and its line', () => {
    const dir = overlay('syntax', { 'ny/official/sections/transportation.md': '## {{t "ny-form:transportation.heading"}}\n\n{{#if transportation.needed}}\nneeded\n' });
    const composed = composeDocument(maya, { layout: 'official', lang: 'en', templates: [dir] });
    const errors = composed.diagnostics.filter((d) => d.code === 'template-error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toBe(join(dir, 'ny/official/sections/transportation.md'));
    expect(errors[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('a broken front matter in an overlay layout.md names that file', () => {
    const layout = readFileSync(join(TEMPLATES_DIR, 'ny', 'official', 'layout.md'), 'utf8');
    // A flow list left open on line 3 of the front matter.
    const broken = layout.replace('id: ny-official\n', 'id: ny-official\nsections: [unclosed\n');
    const dir = overlay('layout', { 'ny/official/layout.md': broken });
    const composed = composeDocument(maya, { layout: 'official', lang: 'en', templates: [dir] });
    const errors = composed.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((d) => d.file === join(dir, 'ny/official/layout.md'))).toBe(true);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
  });
});

describe('a --locales overlay', () => {
  it('with one key changes that one label and nothing else', () => {
    const dir = overlay('one-label', { 'en/ny-form.json': JSON.stringify({ transportation: { heading: 'Getting to school and home' } }) });
    const bundled = text(composeDocument(maya, { layout: 'official', lang: 'en' }));
    const composed = composeDocument(maya, { layout: 'official', lang: 'en', locales: [dir] });
    expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(bundled).toContain(english.transportation.heading);
    expect(text(composed)).not.toContain(english.transportation.heading);
    // Everything else is the same text: the one heading replaced, nothing more.
    expect(text(composed)).toBe(bundled.replaceAll(english.transportation.heading, 'Getting to school and home'));
  });

  it('a label the overlay adds in English only is reported as labels-untranslated in Spanish', () => {
    const templates = overlay('new-label-templates', { 'ny/official/sections/transportation.md': '## {{t "ny-form:transportation.heading"}}\n\n{{t "ny-form:transportation.district-note"}}\n' });
    const locales = overlay('new-label-locales', { 'en/ny-form.json': JSON.stringify({ transportation: { 'district-note': 'Ask the district transportation office about routes.' } }) });
    const es = composeDocument(maya, { layout: 'official', lang: 'es', templates: [templates], locales: [locales] });
    const warnings = es.diagnostics.filter((d) => d.code === 'labels-untranslated');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('ny-form:transportation.district-note');
    expect(text(es)).toContain('Ask the district transportation office about routes.');
    // In English it is the copy's own language: nothing to report.
    const en = composeDocument(maya, { layout: 'official', lang: 'en', templates: [templates], locales: [locales] });
    expect(en.diagnostics.filter((d) => d.code === 'labels-untranslated')).toEqual([]);
  });
});
