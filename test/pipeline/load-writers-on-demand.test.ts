/**
 * A cold `iep render` pays for the writers it uses only: the DOCX writer (the docx library, about 1 MB) is loaded
 * for the first DOCX, so a PDF- or HTML-only run never loads it. HTML here, so that no browser is needed.
 */
import { describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { renderDocument } from '../../src/pipeline/render-document.js';
import { loadIepFile } from '../../src/validate/load-iep.js';

const imported = vi.hoisted(() => ({ docxWriter: 0 }));
vi.mock('../../src/render/docx/render-docx.js', async (importOriginal) => {
  imported.docxWriter++;
  return importOriginal();
});

describe('renderDocument loads the DOCX writer on demand', () => {
  it('writes HTML without loading the DOCX writer, and loads it for the first DOCX', async () => {
    // Not through test/e2e/helpers.ts, which loads the DOCX writer for its own checks.
    const { iep } = await loadIepFile(fileURLToPath(new URL('../../examples/maya-thompson.iep.yaml', import.meta.url)));
    if (!iep) throw new Error('examples/maya-thompson.iep.yaml does not validate');
    const html = await renderDocument(iep, { layout: 'student', lang: 'en', formats: ['html'] });
    expect(html.outputs.map((o) => o.format)).toEqual(['html']);
    expect(imported.docxWriter).toBe(0);

    const docx = await renderDocument(iep, { layout: 'student', lang: 'en', formats: ['docx'] });
    expect(docx.outputs.map((o) => o.format)).toEqual(['docx']);
    expect(docx.outputs[0]!.data.subarray(0, 2).toString()).toBe('PK');
    expect(imported.docxWriter).toBe(1);
  });
});
