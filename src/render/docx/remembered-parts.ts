/**
 * The styles and the theme of a DOCX are the same for every document of a language and layout, yet the docx library
 * formats them from its object model for each document (about a tenth of the writer's time for a ten-page IEP).
 * Each is formatted once per what it is made from and the formatted form is given again: a docx component formats
 * itself through its prepForXml, which is set on the document's own styles and theme objects here. The formatted form
 * is read, never changed, by the library's serialiser; the parts come out byte for byte as before (the golden DOCX
 * parts and test/render/docx/remembered-parts.test.ts compare them).
 */
import type { Document } from 'docx';

interface Formattable {
  prepForXml(context: unknown): unknown;
}

/** Formatted styles and themes by what they are made from; few (a language x layout variant each). */
const formatted = new Map<string, unknown>();
const MAX_REMEMBERED = 256;

/**
 * Makes `document`'s styles and theme format from what was remembered for `stylesKey` (everything the styles are
 * made from) and for the library's default theme.
 */
export function rememberStylesAndTheme(document: Document, stylesKey: string): void {
  const file = document as unknown as { Styles?: Formattable; Theme?: Formattable };
  if (typeof file.Styles?.prepForXml !== 'function' || typeof file.Theme?.prepForXml !== 'function') {
    throw new Error('this version of the docx library has no Document.Styles or Document.Theme to format');
  }
  remember(file.Styles, `styles\0${stylesKey}`);
  remember(file.Theme, 'theme');
}

function remember(component: Formattable, key: string): void {
  const own = component.prepForXml.bind(component);
  component.prepForXml = (context: unknown) => {
    let value = formatted.get(key);
    if (value === undefined) {
      value = own(context);
      if (formatted.size >= MAX_REMEMBERED) formatted.delete(formatted.keys().next().value!);
      formatted.set(key, value);
    }
    return value;
  };
}

/** Forgets every formatted part (tests format from nothing). */
export function forgetStylesAndTheme(): void {
  formatted.clear();
}
