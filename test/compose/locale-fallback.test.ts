/**
 * A language whose locale has not landed yet still renders: the labels fall back to English, the copy keeps its
 * language and direction, and the translation notice is still printed (in English). A locale that lacks one label
 * prints that label in English and the rest in its own language. Translators add locales while others render, so
 * the end-to-end language tests rely on this.
 *
 * Everything here reads a copy of locales/ without bn and ur, and with one Spanish label removed, given to the
 * library as its locales folder (`localesDir`), so the real locales are never touched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { availableLanguages } from '../../src/i18n/load-locales.js';
import { parityReport } from '../../src/i18n/parity-report.js';
import { LOCALES_DIR } from '../../src/model/paths.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { errorsOf, loadExample, ROOT, treeHeadings, type TreeNode } from '../e2e/helpers.js';

const LOCALES = mkdtempSync(path.join(os.tmpdir(), 'iepkit-e2e-locales-')) + path.sep;
cpSync(LOCALES_DIR, LOCALES, { recursive: true });
for (const lang of ['bn', 'ur']) rmSync(path.join(LOCALES, lang), { recursive: true, force: true });

afterAll(() => {
  rmSync(LOCALES, { recursive: true, force: true });
});

const english = (ns: string) => JSON.parse(readFileSync(path.join(ROOT, 'locales', 'en', `${ns}.json`), 'utf8')) as Record<string, string>;
const FAMILY = english('family');
const COMMON = english('common');
const maya = loadExample('maya-thompson');

it('reads locales from the copy, where bn and ur are missing', () => {
  expect(LOCALES).toContain('iepkit-e2e-locales-');
  expect(availableLanguages(LOCALES)).not.toContain('bn');
  expect(availableLanguages(LOCALES)).not.toContain('ur');
  expect(availableLanguages(LOCALES)).toContain('es');
});

describe.each([
  { lang: 'bn', dir: 'ltr' },
  { lang: 'ur', dir: 'rtl' },
] as const)('a copy in $lang without its locale', ({ lang, dir }) => {
  const composed = composeDocument(maya, { layout: 'family', lang, localesDir: LOCALES });

  it('composes without errors, in its language and direction', () => {
    expect(errorsOf(composed.diagnostics)).toEqual([]);
    expect(composed.document!.meta.lang).toBe(lang);
    expect(composed.document!.meta.dir).toBe(dir);
  });

  it('prints the labels and the translation notice in English', () => {
    const title = treeHeadings(composed.document!.body as TreeNode)[0]!.text;
    expect(title).toBe(FAMILY.heading!.replace('{{name}}', maya.student.preferredName ?? maya.student.firstName));
    expect(composed.document!.meta.notice).toBe(COMMON.translationNotice);
  });

  it('says in the parity report that no label is translated', () => {
    const report = parityReport(maya, lang, LOCALES);
    expect(report.labels.translated).toBe(0);
    expect(report.labels.missing.length).toBe(report.labels.total);
    expect(report.complete).toBe(false);
  });

  it('renders to DOCX', async () => {
    const result = await renderIep(maya, { layout: 'family', lang, formats: ['docx'], localesDir: LOCALES });
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.outputs.map((o) => o.fileName)).toEqual([`${maya.student.id}-family-${lang}-v1.docx`]);
  });
});

describe('a locale that lacks one label', () => {
  it('prints that label in English and the others in its language', () => {
    const file = path.join(LOCALES, 'es', 'family.json');
    const spanish = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    const { goalsHeading, ...rest } = spanish;
    expect(goalsHeading).toBeDefined();
    writeFileSync(file, JSON.stringify(rest));
    // Locales are read once per process: this test reads es for the first time after the change.
    const headings = treeHeadings(composeDocument(maya, { layout: 'family', lang: 'es', localesDir: LOCALES }).document!.body as TreeNode).map((h) => h.text);
    expect(headings).toContain(FAMILY.goalsHeading);
    expect(headings).toContain(spanish.contactHeading);
    expect(headings).not.toContain(FAMILY.contactHeading);
    // The label was removed from the copy only.
    expect(JSON.parse(readFileSync(path.join(LOCALES_DIR, 'es', 'family.json'), 'utf8'))).toHaveProperty('goalsHeading');
  });
});
