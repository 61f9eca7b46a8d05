/**
 * docx's XmlComponent.prepForXml, the step every element of the document goes through before it is written, builds
 * its children with `flatMap` and then `filter`: two arrays per element (and a closure each), about a tenth of the
 * garbage of a ten-page DOCX. The same children are gathered here in one array in one pass: each child component's
 * prepared form (each of its `writtenAs` parts when it has them), any other child as it is, an array result spread
 * one level as flatMap does, undefined left out as filter does; an element whose only child is an attribute object
 * takes that object, an element with none the library's EMPTY_OBJECT (IgnoreIfEmptyXmlComponent looks at it).
 * Subclasses reach it through `super.prepForXml`, as they reached the library's.
 * test/render/docx/one-pass-children.test.ts compares both on made-up trees and on whole documents.
 */
import { EMPTY_OBJECT, isXmlComponent, XmlComponent } from 'docx';

interface Context {
  stack: unknown[];
}

interface Prepared {
  prepForXml(context: Context): unknown;
  writtenAs?: Prepared[];
}

let installed = false;

/** Gathers every XmlComponent's children in one pass (once per process; the result is the library's own). */
export function prepareChildrenInOnePass(): void {
  if (installed) return;
  const prototype = XmlComponent.prototype as unknown as { prepForXml?: unknown };
  if (typeof prototype.prepForXml !== 'function') throw new Error('this version of the docx library has no XmlComponent.prepForXml');
  prototype.prepForXml = function prepForXml(this: { root: unknown[]; rootKey: string }, context: Context) {
    context.stack.push(this);
    const children: unknown[] = [];
    // The length read once, as flatMap reads it (a hole reads as undefined, which is left out either way).
    const { root } = this;
    const length = root.length;
    for (let i = 0; i < length; i++) {
      const child = root[i];
      if (!isXmlComponent(child)) {
        add(children, child);
        continue;
      }
      const { writtenAs } = child as unknown as Prepared;
      if (writtenAs) for (const part of writtenAs) add(children, part.prepForXml(context));
      else add(children, (child as unknown as Prepared).prepForXml(context));
    }
    context.stack.pop();
    const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
    return { [this.rootKey]: children.length === 0 ? EMPTY_OBJECT : only?._attr ? only : children };
  };
  installed = true;
}

/** One child as flatMap then filter take it: an array spread one level, undefined left out. */
function add(children: unknown[], value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== undefined) children.push(item);
  } else if (value !== undefined) children.push(value);
}
