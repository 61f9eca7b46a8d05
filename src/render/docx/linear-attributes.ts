/**
 * docx's NextAttributeComponent (the attributes of most elements its builder functions make: w:sz, w:spacing,
 * w:ind, w:shd, ...) formats its attributes by copying the whole object for every attribute (a `reduce` over object
 * spreads compiled to `defineProperty` calls): quadratic, and about 3% of a ten-page DOCX's time. The same object is
 * built here in one pass: the attributes whose value is not undefined, in the payload's order, a later key
 * overriding an earlier one in its place, as the spreads do. The keys are the library's own XML attribute names.
 * test/render/docx/linear-attributes.test.ts compares both on the library's own payloads; the golden DOCX parts
 * compare the files.
 */
import { NextAttributeComponent } from 'docx';

type Payload = Record<string, { key: string; value: unknown }>;

let installed = false;

/** Formats every NextAttributeComponent in one pass (once per process; the result is the library's own). */
export function formatAttributesLinearly(): void {
  if (installed) return;
  const prototype = NextAttributeComponent.prototype as unknown as { prepForXml?: unknown };
  if (typeof prototype.prepForXml !== 'function') throw new Error('this version of the docx library has no NextAttributeComponent.prepForXml');
  prototype.prepForXml = function prepForXml(this: { root: Payload }) {
    const attributes: Record<string, unknown> = {};
    for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
    return { _attr: attributes };
  };
  installed = true;
}
