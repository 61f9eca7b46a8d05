/**
 * docx's NextAttributeComponent formats its attributes in one pass (linear-attributes.ts): the same objects as the
 * library's own formatting, key order included (the XML's attribute order follows it), and whole documents come out
 * byte for byte as with the library's.
 */
import { NextAttributeComponent } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { formatAttributesLinearly } from '../../../src/render/docx/linear-attributes.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { wholeDocuments } from './helpers.js';

type Format = (this: unknown, context: unknown) => unknown;
const prototype = NextAttributeComponent.prototype as unknown as { prepForXml: Format };
const library = prototype.prepForXml;
formatAttributesLinearly();
const linear = prototype.prepForXml;

describe('attributes formatted in one pass', () => {
  afterAll(() => {
    prototype.prepForXml = linear;
  });

  it('replaced the library formatting', () => {
    expect(linear).not.toBe(library);
  });

  it('formats every payload as the library does, order and overriding keys included', () => {
    type Payload = Record<string, { key: string; value: unknown }>;
    const payloads: Payload[] = [
      {},
      { val: { key: 'w:val', value: 'single' } },
      { val: { key: 'w:val', value: undefined } },
      { a: { key: 'w:before', value: 120 }, b: { key: 'w:after', value: 0 }, c: { key: 'w:line', value: 276 }, d: { key: 'w:lineRule', value: 'auto' } },
      { a: { key: 'w:val', value: 1 }, b: { key: 'w:color', value: undefined }, c: { key: 'w:val', value: 2 }, d: { key: 'w:sz', value: false } },
      { a: { key: '2', value: 'two' }, b: { key: '1', value: 'one' }, c: { key: 'w:x', value: 0 }, d: { key: 'w:y', value: null } },
      { a: { key: 'w:fill', value: 'FDF3EC' }, b: { key: 'w:color', value: 'auto' }, c: { key: 'w:val', value: 'clear' } },
    ];
    for (const root of payloads) {
      const component = { root };
      expect(JSON.stringify(linear.call(component, {})), JSON.stringify(root)).toBe(JSON.stringify(library.call(component, {})));
    }
  });

  it('gives whole documents the bytes the library formatting gives them', async () => {
    for (const [i, document] of wholeDocuments().entries()) {
      prototype.prepForXml = library;
      const byLibrary = await renderDocx(document);
      prototype.prepForXml = linear;
      expect((await renderDocx(document)).equals(byLibrary), `document ${i}`).toBe(true);
    }
  });
});
