/**
 * A label the copy's language lacks is printed in English and reported (`labels-untranslated`), as untranslated data
 * is: a locales folder from elsewhere, or one still being translated, never gives a copy silently half in English.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { LOCALES_DIR } from '../../src/model/paths.js';
import { loadExample, nodeText, type TreeNode } from '../e2e/helpers.js';

const mateo = loadExample('mateo-almonte');
const dir = mkdtempSync(join(tmpdir(), 'iepkit-locales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('labels missing in the copy\'s language', () => {
  it('are printed in English and named in one warning with where to add them', () => {
    const locales = join(dir, 'locales');
    cpSync(LOCALES_DIR, locales, { recursive: true });
    const file = join(locales, 'es', 'family.json');
    const family = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const english = JSON.parse(readFileSync(join(LOCALES_DIR, 'en', 'family.json'), 'utf8')) as Record<string, unknown>;
    // A label the family copy prints as it is (no {{placeholders}}): its note that the guide does not replace the IEP.
    const key = 'officialNote';
    expect(english[key]).not.toMatch(/\{\{/);
    delete family[key];
    writeFileSync(file, JSON.stringify(family, null, 2));

    const composed = composeDocument(mateo, { layout: 'family', lang: 'es', localesDir: locales });
    const warnings = composed.diagnostics.filter((d) => d.code === 'labels-untranslated');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning' });
    expect(warnings[0]!.message).toContain(`family:${key}`);
    expect(warnings[0]!.hint).toContain('es/family.json');
    // The English label is what the copy prints where the Spanish one is missing.
    const text = nodeText(composed.document!.body as TreeNode);
    expect(text).toContain(english[key] as string);
    expect(text).not.toContain(JSON.parse(readFileSync(join(LOCALES_DIR, 'es', 'family.json'), 'utf8')).officialNote);
  });

  it('are not reported for the bundled locales, nor for English', () => {
    for (const lang of ['es', 'en'] as const) {
      const composed = composeDocument(mateo, { layout: 'family', lang });
      expect(composed.diagnostics.filter((d) => d.code === 'labels-untranslated')).toEqual([]);
    }
  });
});
