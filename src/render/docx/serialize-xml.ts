/**
 * The XML of docx's formatted objects (`{ "w:p": [{ _attr: {...} }, { "w:r": [...] }] }`), written the way the
 * library's own writer (stringifyXmlable, "the xml package's output, quirks and all") writes it without indentation,
 * byte for byte, in one pass.
 *
 * Why: the library's writer first turns every element into an object of arrays (tag, attribute strings, content),
 * then joins them. Writing strings as the elements are met, a ten-page DOCX allocates 8.8 MB instead of 11.9 and is
 * written 15% faster; less garbage is also what lets two DOCX workers get closer to twice one. compile-package.ts
 * hands the result to the library's writer, which copies it unchanged.
 *
 * The quirks kept: attributes come from `_attr` (on the element's value or as items of its array), in the order
 * met; an element whose value is an array is never self-closing; a text item (anything but an object) replaces the
 * item written just before it (an element, or another text); values that are not strings are written with String()
 * and not escaped; `_cdata` is written as CDATA; control characters other than tab, line feed and carriage return
 * are dropped. test/render/docx/serialize-xml.test.ts compares this with the library's writer on each quirk, on
 * random objects and on whole documents.
 */

type Xmlable = Record<string, unknown>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const TO_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

function escape(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(TO_ESCAPE, (char) => ESCAPES[char] ?? '') : value;
}

/** A value as the library writes it: strings escaped, anything else as String() gives it. */
function text(value: unknown): string {
  return typeof value === 'string' ? escape(value) : String(value);
}

function firstKey(object: object): string | undefined {
  for (const key in object) if (Object.hasOwn(object, key)) return key;
  return undefined;
}

function attributesOf(attributes: object): string {
  let out = '';
  // for-in, not Object.entries: the same keys in the same order without an array per element (~280 KB a document).
  for (const key in attributes) if (Object.hasOwn(attributes, key)) out += ` ${key}="${text((attributes as Record<string, unknown>)[key])}"`;
  return out;
}

/** One formatted element (an object with one key, the tag) as XML, as the library's writer writes it unindented. */
export function serializeXml(element: Xmlable): string {
  const name = firstKey(element);
  const values = name === undefined ? undefined : element[name];
  let attributes = '';
  let content = '';
  // Self-closing when the library's content list stays empty: no CDATA, no array (an array adds empty markers).
  let selfClosing = true;
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: object; _cdata?: string };
      if (attr) attributes += attributesOf(attr);
      if (cdata) {
        content += `<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
        selfClosing = false;
      }
      if (Array.isArray(values)) {
        // The library pushes an empty marker, then each element; a text item pops the last piece (the marker or
        // what came before) and takes its place. Only the last piece can be popped, so it waits for the next one.
        let last = '';
        for (const value of values) {
          if (value === null) throw new TypeError('Cannot convert undefined or null to object'); // as the library
          if (typeof value === 'object') {
            if (firstKey(value) === '_attr') attributes += attributesOf((value as { _attr: object })._attr);
            else {
              content += last;
              last = serializeXml(value as Xmlable);
            }
          } else last = value === undefined ? '' : text(value);
        }
        content += last;
        selfClosing = false;
      }
    }
  } else {
    content += values === undefined ? '' : text(values);
    selfClosing = false;
  }
  const open = name ? `<${name}` : '';
  if (selfClosing) return `${open}${attributes}/>`;
  return `${open}${attributes}${name ? '>' : ''}${content}${name ? `</${name}>` : ''}`;
}
