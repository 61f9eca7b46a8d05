import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templateFieldSamples } from '../../scripts/template-field-samples.js';
import { checkTemplateFields, walkTemplateFields } from '../../src/compose/template-fields-doc.js';
import { composeDocument } from '../../src/compose/compose-document.js';

describe('docs/template-fields.md', () => {
  const samples = templateFieldSamples();

  it('describes every field of the view model, names none it lacks, and gives each its kind', () => {
    // A new field of the view model needs its line in src/compose/template-fields.ts.
    expect(checkTemplateFields(walkTemplateFields(samples))).toEqual({ undescribed: [], unseen: [], wrongKind: [] });
  });

  const overlay = mkdtempSync(join(tmpdir(), 'iepkit-fields-'));
  afterAll(() => rmSync(overlay, { recursive: true, force: true }));
  const withWelcome = (source: string) => {
    mkdirSync(join(overlay, 'common/family/sections'), { recursive: true });
    writeFileSync(join(overlay, 'common/family/sections/welcome.md'), source);
    return composeDocument(samples.base, { layout: 'family', templates: [overlay] });
  };

  it('the guide\'s example section and the Handlebars features the reference names work in a template', () => {
    const composed = withWelcome(
      [
        '### {{t "family:doesWell" name=student.preferredName}}',
        '',
        '{{#each allStrengths}}',
        '- :strength[{{text}}]{id="{{id}}"} ({{@root.student.firstName}} {{@index}})',
        '{{/each}}',
        '{{#with student}}{{school}}{{/with}} {{count goals}} {{#if (and (gt student.ageYears 13) (not student.preschool))}}older{{/if}}',
      ].join('\n'),
    );
    expect(composed.diagnostics).toEqual([]);
    expect(composed.markdown).toContain('(Amira 0)');
    expect(composed.markdown).toContain('Shore Road High School for Health Professions 7 older');
  });

  it('a field the reference does not list is a template-error whose hint points at the reference', () => {
    const composed = withWelcome('{{student.selpa}}\n');
    expect(composed.diagnostics).toMatchObject([{ code: 'template-error', line: 1, hint: expect.stringContaining('docs/template-fields.md') }]);
  });
});
