/**
 * The paper size: a layout's front matter decides it unless the caller asks for another. (The pipeline once applied
 * Letter as a default, which silently overrode a layout written for A4.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../src/model/paths.js';
import { renderIep } from '../../src/pipeline/render-iep.js';
import { loadExample } from '../e2e/helpers.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'iepkit-page-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const templates = path.join(dir, 'templates');
cpSync(TEMPLATES_DIR, templates, { recursive: true });
const layoutFile = path.join(templates, 'common', 'student', 'layout.md');
writeFileSync(layoutFile, readFileSync(layoutFile, 'utf8').replace(/size: letter/, 'size: a4'));

describe('the paper size', () => {
  const iep = loadExample('maya-thompson');

  it("is the layout's own when the caller does not ask for one", async () => {
    const result = await renderIep(iep, { layout: 'student', formats: ['docx'], templatesDir: templates });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.document?.meta.page.size).toBe('a4');
  });

  it('is the one asked for, over the layout', async () => {
    const result = await renderIep(iep, { layout: 'student', formats: ['docx'], templatesDir: templates, pageSize: 'letter' });
    expect(result.document?.meta.page.size).toBe('letter');
  });
});
