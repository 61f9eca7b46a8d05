/**
 * docx's XmlComponent.prepForXml gathers its children in one pass (one-pass-children.ts): the same prepared objects
 * as the library's flatMap and filter, on made-up trees of every kind of child, and whole documents byte for byte.
 */
import { EMPTY_OBJECT, IgnoreIfEmptyXmlComponent, XmlComponent } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareChildrenInOnePass } from '../../../src/render/docx/one-pass-children.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { wholeDocuments } from './helpers.js';

type Prepare = (this: unknown, context: { stack: unknown[] }) => unknown;
const prototype = XmlComponent.prototype as unknown as { prepForXml: Prepare };
const library = prototype.prepForXml;
prepareChildrenInOnePass();
const onePass = prototype.prepForXml;

class Element extends XmlComponent {
  constructor(key: string, children: unknown[]) {
    super(key);
    (this.root as unknown[]).push(...children);
  }
}

class Optional extends IgnoreIfEmptyXmlComponent {
  constructor(key: string, children: unknown[]) {
    super(key);
    (this.root as unknown[]).push(...children);
  }
}

/** Both ways, with the context's stack as it was left. */
function prepareBoth(component: XmlComponent): { library: string; onePass: string } {
  const run = (prepare: Prepare) => {
    prototype.prepForXml = prepare;
    const context = { stack: ['outer'] };
    const result = component.prepForXml(context as never);
    return JSON.stringify({ result, stack: context.stack });
  };
  try {
    return { library: run(library), onePass: run(onePass) };
  } finally {
    prototype.prepForXml = onePass;
  }
}

/** Random trees (seeded) of every kind of child the library's loop treats apart. */
function randomTrees(count: number): XmlComponent[] {
  let seed = 20261205;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const child = (depth: number): unknown => {
    switch (pick(depth > 3 ? ['text', 'attributes', 'nothing'] : ['text', 'attributes', 'element', 'optional', 'parts', 'array', 'nothing', 'null', 'number'])) {
      case 'text':
        return pick(['a', '', ' two words ', '<&>']);
      case 'attributes': {
        const value = pick(['x', 1, true]);
        return { prepForXml: () => ({ _attr: { 'w:val': value } }) };
      }
      case 'element':
        return new Element(pick(['w:p', 'w:r', 'w:t']), children(depth + 1));
      case 'optional':
        return new Optional('w:rPr', children(depth + 1));
      case 'parts':
        // A component written as other components (a bookmark is written as its start and end).
        return { prepForXml: () => ({ never: 'used' }), writtenAs: [new Element('w:bookmarkStart', children(depth + 1)), { prepForXml: () => undefined }] };
      case 'array':
        return { prepForXml: () => [{ 'w:a': [] }, undefined, { 'w:b': 'text' }] };
      case 'null':
        return null;
      case 'number':
        return 0;
      default:
        return undefined;
    }
  };
  const children = (depth: number) => Array.from({ length: Math.floor(random() * 4) }, () => child(depth));
  return Array.from({ length: count }, () => new Element('w:body', children(0)));
}

describe('children gathered in one pass', () => {
  afterAll(() => {
    prototype.prepForXml = onePass;
  });

  it('replaced the library loop', () => {
    expect(onePass).not.toBe(library);
  });

  it('prepares every kind of child as the library does', () => {
    const holes = new Element('w:p', ['a']);
    (holes as unknown as { root: unknown[] }).root[3] = 'after a hole';
    const cases: XmlComponent[] = [
      new Element('w:p', []),
      new Element('w:p', [{ prepForXml: () => ({ _attr: { 'w:val': 'only' } }) }]),
      new Element('w:p', [{ prepForXml: () => ({ _attr: { 'w:val': 'first' } }) }, 'then text']),
      new Element('w:p', [null]),
      new Element('w:p', [new Optional('w:pPr', [])]),
      holes,
      ...randomTrees(300),
    ];
    for (const component of cases) {
      const both = prepareBoth(component);
      expect(both.onePass).toBe(both.library);
    }
  });

  it('gives an element with no children the library\'s EMPTY_OBJECT', () => {
    expect(new Element('w:br', []).prepForXml({ stack: [] } as never)).toEqual({ 'w:br': EMPTY_OBJECT });
    expect((new Element('w:br', []).prepForXml({ stack: [] } as never) as Record<string, unknown>)['w:br']).toBe(EMPTY_OBJECT);
  });

  it('gives whole documents the bytes the library loop gives them', async () => {
    for (const [i, document] of wholeDocuments().entries()) {
      prototype.prepForXml = library;
      const byLibrary = await renderDocx(document);
      prototype.prepForXml = onePass;
      expect((await renderDocx(document)).equals(byLibrary), `document ${i}`).toBe(true);
    }
  });
});
