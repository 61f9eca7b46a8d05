/**
 * resolveRenderOptions: the one place option defaults are applied (src/model/defaults.ts), for one document and
 * for a batch, the values a caller gives always winning.
 */
import { describe, expect, it } from 'vitest';
import { BATCH_DEFAULTS, DEFAULTS, resolveRenderOptions } from '../../src/model/defaults.js';

describe('resolveRenderOptions', () => {
  it('fills in the defaults of one document: the official IEP, English, NY, Letter, DOCX and PDF', () => {
    expect(resolveRenderOptions({})).toEqual({ layouts: ['official'], langs: ['en'], formats: ['docx', 'pdf'], profile: 'ny', concurrency: 2 });
  });

  it("fills in a batch's defaults: every layout, in English and each family's language", () => {
    expect(resolveRenderOptions({}, BATCH_DEFAULTS)).toMatchObject({ layouts: ['official', 'family', 'student'], langs: ['en', 'family'], formats: DEFAULTS.formats });
  });

  it('keeps what the caller gave, and the options it does not know', () => {
    const resolved = resolveRenderOptions({ layouts: ['student'], profile: 'federal', pageSize: 'a4', concurrency: 0, outDir: 'x' }, BATCH_DEFAULTS);
    expect(resolved).toMatchObject({ layouts: ['student'], langs: ['en', 'family'], profile: 'federal', pageSize: 'a4', outDir: 'x' });
    // At least one document at a time, or nothing would ever be rendered.
    expect(resolved.concurrency).toBe(1);
  });
});
