/**
 * The styles and theme parts are formatted once per language and layout and given again (remembered-parts.ts): a
 * document rendered from what was remembered, after documents of other languages and layouts, is byte for byte the
 * one rendered with nothing remembered.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { forgetStylesAndTheme } from '../../../src/render/docx/remembered-parts.js';
import { arabicMeta, testMeta, tree, unzipParts } from './helpers.js';

const ALL_FEATURES = readFileSync(new URL('../../fixtures/tree/all-features.md', import.meta.url), 'utf8');

describe('styles and theme formatted once', () => {
  it('give the bytes of a document rendered with nothing remembered, whatever was rendered before', async () => {
    const documents = [
      tree(ALL_FEATURES, testMeta()),
      tree(ALL_FEATURES, arabicMeta()),
      tree(ALL_FEATURES, testMeta({ layout: 'student' })),
      tree(ALL_FEATURES, testMeta({ lang: 'zh-Hans' })),
    ];
    const fresh: Buffer[] = [];
    for (const doc of documents) {
      forgetStylesAndTheme();
      fresh.push(await renderDocx(doc));
    }
    // Every order of the others before each one: each from what the others left remembered.
    forgetStylesAndTheme();
    for (const round of [1, 2]) {
      for (const [i, doc] of documents.entries()) expect((await renderDocx(doc)).equals(fresh[i]!), `document ${i}, round ${round}`).toBe(true);
      documents.reverse();
      fresh.reverse();
    }
  });

  it('keeps each language its own styles', async () => {
    forgetStylesAndTheme();
    const english = (await unzipParts(await renderDocx(tree('Text.\n', testMeta())))).get('word/styles.xml');
    const arabic = (await unzipParts(await renderDocx(tree('نص.\n', arabicMeta())))).get('word/styles.xml');
    expect(arabic).not.toBe(english);
    expect((await unzipParts(await renderDocx(tree('Text.\n', testMeta())))).get('word/styles.xml')).toBe(english);
  });
});
