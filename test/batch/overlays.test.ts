/**
 * A batch with overlay folders (--templates, --locales): the documents are rendered with them, and since they decide
 * the outputs as the profile does, a --resume with other overlays renders again instead of keeping files made with
 * the first ones (the manifest's options key holds the folders).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { copyExample, makeWorkspace, outputFiles } from './batch-helpers.js';

const ws = makeWorkspace('overlays');
afterAll(() => ws.cleanup());

/** An overlay replacing the transportation section of New York's official form with a line holding `marker`. */
function overlay(name: string, marker: string): string {
  const dir = path.join(ws.dir, name);
  mkdirSync(path.join(dir, 'ny', 'official', 'sections'), { recursive: true });
  writeFileSync(path.join(dir, 'ny', 'official', 'sections', 'transportation.md'), `## {{t "ny-form:transportation.heading"}}\n\n${marker}\n`);
  return dir;
}

describe('runBatch with --templates', () => {
  it('renders with the overlay, and a resume with another overlay renders again', async () => {
    const input = copyExample(ws, 'maya-thompson', '310000001');
    const options = { inputs: [input], outDir: ws.outDir, layouts: ['official'] as const, langs: ['en'] as const, formats: ['html'] as const, profile: 'ny' };
    const html = () => readFileSync(path.join(ws.outDir, outputFiles(ws.outDir)[0]!), 'utf8');

    const first = await runBatch({ ...options, templates: [overlay('a', 'OVERLAY-A')] });
    expect(first.entries.map((e) => e.status)).toEqual(['done']);
    expect(html()).toContain('OVERLAY-A');
    expect(JSON.parse(first.entries[0]!.optionsKey).templates).toEqual([path.join(ws.dir, 'a')]);

    // The same overlay again: nothing to do.
    const again = await runBatch({ ...options, templates: [path.join(ws.dir, 'a')], resume: true });
    expect(again.entries.map((e) => e.status)).toEqual(['skipped']);

    // Another overlay: the document is rendered again, with it.
    const other = await runBatch({ ...options, templates: [overlay('b', 'OVERLAY-B')], resume: true });
    expect(other.entries.map((e) => e.status)).toEqual(['done']);
    expect(html()).toContain('OVERLAY-B');
    expect(html()).not.toContain('OVERLAY-A');

    // No overlay at all: the bundled section again, and the options key of a run without overlays is as before.
    const none = await runBatch({ ...options, resume: true });
    expect(none.entries.map((e) => e.status)).toEqual(['done']);
    expect(html()).not.toContain('OVERLAY-B');
    expect(JSON.parse(none.entries[0]!.optionsKey)).toEqual({ formats: ['html'], pageSize: 'layout', profile: 'ny' });
  });
});
