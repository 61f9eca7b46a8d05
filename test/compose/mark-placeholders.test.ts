import { describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { completeDraft } from '../../src/validate/complete-draft.js';
import { renderDocx } from '../../src/render/docx/render-docx.js';
import type { Iep } from '../../src/model/iep.js';
import { part, unzipParts } from '../render/docx/helpers.js';
import { allNodes, type TreeNode } from '../e2e/helpers.js';

const draft = () => {
  const { data, placeholders } = completeDraft({ student: { firstName: 'Ana' } });
  return { iep: data as unknown as Iep, placeholders };
};

describe('placeholders in the composed document', () => {
  it('become :placeholder directives with the localized "to be written" text; the header and title say it too', () => {
    const { iep, placeholders } = draft();
    const { document } = composeDocument(iep, { layout: 'official', lang: 'fr', placeholders });
    const marked = allNodes(document!.body as unknown as TreeNode).filter((n) => n.type === 'textDirective' && (n as { name?: string }).name === 'placeholder');
    expect(marked.length).toBeGreaterThan(10);
    expect(JSON.stringify(marked)).toContain('[à compléter : Legal last name]');
    expect(document!.meta.header).toContain('[à compléter : Legal last name]');
    expect(JSON.stringify(document)).not.toMatch(/[\uE100-\uE11F]/);
  });

  it('are left as they are without the placeholders option (only a preview marks them)', () => {
    const { iep } = draft();
    const { document } = composeDocument(iep, { layout: 'official' });
    expect(JSON.stringify(document!.body)).not.toContain('"name":"placeholder"');
  });

  it('print in the DOCX in the marked style, never as plain text', async () => {
    const { iep, placeholders } = draft();
    const { document } = composeDocument(iep, { layout: 'family', placeholders });
    const xml = part(await unzipParts(await renderDocx(document!)), 'word/document.xml');
    const run = xml.match(/<w:r>(?:(?!<\/w:r>).)*\[to be written: Legal last name\](?:(?!<\/w:r>).)*<\/w:r>/s)?.[0];
    expect(run).toContain('w:rStyle w:val="Untranslated"');
  });
});
