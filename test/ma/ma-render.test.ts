/**
 * Massachusetts through the real pipeline: the example renders in the MA official layout to PDF and DOCX with no
 * error, in the form's order (Student and Parent Concerns, then the Student and Team Vision in the student's words,
 * then the Student Profile and present levels with strengths first); the profile's extension fields and disability
 * terms are printed; and `checkCompliance` with the `ma` profile runs its rule files: transition from the first IEP
 * in effect at 14, with its citation, quiet for a student still 13 at the annual review.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Iep } from '../../src/model/iep.js';
import { BrowserPool } from '../../src/render/pdf/browser-pool.js';
import { renderIep, type RenderResult } from '../../src/pipeline/render-iep.js';
import { checkCompliance } from '../../src/rules/check-compliance.js';
import { describeDiagnostics, docxParts, docxText, errorsOf, pdfPageText, pageCount, rawIep, removeTemporary, ROOT, squash, validated } from '../e2e/helpers.js';

const EXAMPLE = path.join(ROOT, 'examples', 'ma', 'jonas-desir.iep.yaml');
const example = (change: (iep: Record<string, any>) => void = () => {}): Iep => {
  const raw = rawIep(EXAMPLE);
  change(raw);
  return validated(raw);
};

let pool: BrowserPool;
let result: RenderResult;

beforeAll(async () => {
  pool = new BrowserPool();
  result = await renderIep(example(), { profile: 'ma', layout: 'official', lang: 'en', formats: ['pdf', 'docx'], browserPool: pool });
}, 120_000);

afterAll(async () => {
  await pool?.close();
  // The PDFs poppler read were written to a temporary folder: nothing of a render is left in /tmp.
  removeTemporary();
});

describe('the Massachusetts official layout', () => {
  it('renders PDF and DOCX without errors', () => {
    expect(errorsOf(result.diagnostics), describeDiagnostics(result.diagnostics)).toEqual([]);
    expect(result.outputs.map((o) => o.format).sort()).toEqual(['docx', 'pdf']);
  });

  it('prints the form in its order, concerns and vision before present levels, in the PDF and the DOCX', async () => {
    const pdf = result.outputs.find((o) => o.format === 'pdf')!.data as Buffer;
    const text = squash(Array.from({ length: pageCount(pdf) }, (_, i) => pdfPageText(pdf, i + 1)).join(' '));
    const docx = squash(docxText((await docxParts(result.outputs.find((o) => o.format === 'docx')!.data as Buffer)).get('word/document.xml')!));
    for (const doc of [text, docx]) {
      const order = ['Massachusetts DESE Individualized Education Program (IEP)', 'Student and Parent Concerns', 'Student and Team Vision', 'Student Profile', 'Present Levels of Academic Achievement and Functional Performance', 'Postsecondary Transition Planning', 'Measurable annual goals', 'Accommodations and Modifications', 'Special Education and Related Services', 'IEP meeting attendance and signatures'];
      const at = order.map((h) => doc.indexOf(h));
      expect(at.every((i) => i >= 0), order.filter((_, i) => at[i]! < 0).join(', ')).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // The student's own words from extensions.ma, under the form's first-person prompts.
      expect(doc).toContain('After I finish high school, my employment plans are:');
      expect(doc).toContain('I want to design and fix robots for a company.');
      // Strengths before needs inside a domain.
      expect(doc.indexOf('Jonas is excellent at math.')).toBeLessThan(doc.indexOf('Jonas is learning to break long assignments'));
    }
  });

  it("prints Massachusetts' term for the disability, in the copy's language", async () => {
    const copy = await renderIep(example((r) => (r.disability = { classification: 'speech-or-language-impairment' })), { profile: 'ma', layout: 'official', lang: 'ht', formats: ['html'] });
    const html = copy.outputs[0]!.data.toString();
    expect(html).toContain('Andikap nan kominikasyon');
    expect(html).toContain('Mwen vle desine ak ranje robo pou yon konpayi.');
  });
});

describe('Massachusetts compliance rules', () => {
  const codes = (iep: Iep) => checkCompliance(iep, { profile: 'ma' }).map((d) => d.code);

  it('the example passes', () => {
    expect(checkCompliance(example(), { profile: 'ma' }).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a 14-year-old without transition planning gets ma-transition-required, with its citation, and not the federal rule it replaces', () => {
    const found = checkCompliance(example((r) => delete r.transition), { profile: 'ma' });
    const finding = found.find((d) => d.code === 'ma-transition-required');
    expect(finding, describeDiagnostics(found)).toBeDefined();
    expect(JSON.stringify(finding)).toContain('M.G.L. c. 71B, § 2');
    expect(found.map((d) => d.code)).not.toContain('transition-required');
  });

  it('a student still 13 at the annual review does not', () => {
    expect(codes(example((r) => { delete r.transition; r.student.dateOfBirth = '2013-10-02'; }))).not.toContain('ma-transition-required');
  });
});
