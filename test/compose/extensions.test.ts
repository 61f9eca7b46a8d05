/**
 * A profile's own data in its templates: `{{extensions.<namespace>.<field>}}` escaped as every data value is,
 * `x-iep: text` fields localized and reported untranslated as core narrative fields are.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { printedFields } from '../../src/compose/printed-fields.js';
import { loadProfile } from '../../src/load/load-profile.js';
import { textFields } from '../../src/model/text-fields.js';
import { formatJsonPath } from '../../src/model/diagnostic.js';
import { renderHtml } from '../../src/render/html/render-html.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import type { Iep } from '../../src/model/iep.js';
import { examplePath, loadExample, validated, rawIep } from '../e2e/helpers.js';
import { extensionsProfileRoot } from '../helpers/extensions-profile.js';

const made = extensionsProfileRoot();
afterAll(() => made.remove());
const options = { layout: 'official' as const, profile: 'st', templates: [made.root] };

const htmlOf = (composed: ReturnType<typeof composeDocument>) => renderHtml(composed.document!, { css: composed.layout!.css });

const withExtensions = (st: Record<string, unknown>, others: Record<string, unknown> = {}): Iep =>
  validated({ ...rawIep(examplePath('maya-thompson')), extensions: { st, ...others } });

describe('a template prints the profile\'s extension fields', () => {
  const iep = withExtensions({
    districtCode: '<script>alert(1)</script> *bold* {{x}}',
    visits: 3,
    interpreter: true,
    vision: { en: 'I want to read <b>chapter</b> books.', es: 'Quiero leer libros por capítulos.' },
    supports: [{ name: 'Bus aide', minutes: 30 }, { name: 'Nurse' }],
  }, { other: { secret: 'NOT PRINTED' } });

  const composed = composeDocument(iep, { ...options, lang: 'en' });

  it('composes without errors', () => {
    expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('strings are escaped data: <script> and Markdown in a value are inert text, in the HTML too', () => {
    const html = renderHtml(composed.document!, { css: composed.layout!.css });
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> *bold* {{x}}');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<strong>bold</strong>');
    expect(html).toContain('I want to read &#x3C;b>chapter&#x3C;/b> books.');
    expect(composed.markdown).toContain('I want to read \\<b\\>chapter\\<\\/b\\> books\\.');
  });

  it('numbers, true/false and lists print; another namespace is not there to print', () => {
    const html = renderHtml(composed.document!, { css: composed.layout!.css });
    expect(html).toMatch(/ \/ 3 \/ Yes/);
    expect(html).toContain('Bus aide (30)');
    expect(html).toContain('Nurse ()');
    expect(html).not.toContain('NOT PRINTED');
  });

  it('translatable text is printed in the copy\'s language', () => {
    const spanish = composeDocument(iep, { ...options, lang: 'es' });
    expect(htmlOf(spanish)).toContain('Quiero leer libros por capítulos.');
    expect(spanish.untranslated.map((u) => u.path)).not.toContain('extensions.st.vision');
  });
});

describe('missing data and missing translations', () => {
  it('a declared field the record leaves out is null, not a strict-mode error; so is a record without extensions', () => {
    const sparse = composeDocument(withExtensions({ districtCode: 'D-1' }), { ...options, lang: 'en' });
    expect(sparse.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(htmlOf(sparse)).toMatch(/D-1 \/\s*<\/p>/);
    const none = composeDocument(loadExample('maya-thompson'), { ...options, lang: 'en' });
    expect(none.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('extension text without its Spanish is printed in English, marked and reported at its JSON path', () => {
    const iep = withExtensions({ districtCode: 'D-1', vision: 'I want to read chapter books.' });
    const spanish = composeDocument(iep, { ...options, lang: 'es' });
    expect(spanish.untranslated.map((u) => u.path)).toContain('extensions.st.vision');
    expect(spanish.markdown).toMatch(/:untranslated\[I want to read chapter books\\\.\]\{[^}]*path="extensions\.st\.vision"/);
    // The translation tools find it when they know the profile.
    const profile = loadProfile('st', { templates: [made.root] }).profile!;
    expect(textFields(iep, undefined, profile.extensions).map((f) => formatJsonPath(f.fieldPath))).toContain('extensions.st.vision');
    expect(printedFields(iep, 'official', options)).toContain('extensions.st.vision');
  });

  it('rendering stops at invalid extension data with a located error; another namespace is a warning', async () => {
    const bad = validated({ ...rawIep(examplePath('maya-thompson')), extensions: { st: { visits: 'two' } } });
    const result = await renderIep(bad, { ...options, lang: 'en', formats: ['html'] });
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.path]).sort()).toEqual([
      ['extension-invalid', 'extensions.st.districtCode'],
      ['extension-invalid', 'extensions.st.visits'],
    ].sort());
    const other = await renderIep(withExtensions({ districtCode: 'D-1' }, { ma: { visionHighSchool: 'x' } }), { ...options, lang: 'en', formats: ['html'] });
    expect(other.outputs).toHaveLength(1);
    expect(other.diagnostics).toMatchObject([{ code: 'extension-unknown', severity: 'warning', path: 'extensions.ma' }]);
  });
});
