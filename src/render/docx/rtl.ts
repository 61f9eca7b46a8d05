/**
 * Right-to-left documents (Arabic, Urdu): the parts of a fully right-to-left Word document that the docx library
 * cannot write, added to its output here, in one place.
 *
 * Paragraph `w:bidi`, run `w:rtl`, table `w:bidiVisual`, complex-script fonts and sizes (`w:rFonts w:cs`, `w:szCs`,
 * `w:bCs`) are written by the handlers through the library's options. Word also reads three things the library has
 * no option for, and without them a document opens with left-to-right pages, styles and theme fonts:
 *
 * - `<w:bidi/>` in the section properties (word/document.xml): the page is right-to-left (columns, gutter, the
 *   order of header and footer tabs, the direction Word gives new paragraphs);
 * - `<w:bidi/>` in the default paragraph properties and every paragraph style (word/styles.xml), so that text a
 *   reader types in any style, and any paragraph without direct formatting, is right-to-left;
 * - `<w:themeFontLang w:bidi="ar-SA"/>` (or ur-PK) in word/settings.xml: the complex-script language of the theme.
 */
import type { Language } from '../../model/languages.js';
import { wordLanguage } from './language.js';
import { editElements, insertChild } from './xml-edit.js';

/** Children of w:sectPr that come after w:bidi (ECMA-376 CT_SectPr). */
const AFTER_BIDI_IN_SECTION = ['<w:rtlGutter', '<w:docGrid', '<w:printerSettings', '<w:sectPrChange'];

/** Children of w:pPr that come after w:bidi (ECMA-376 CT_PPrBase, then CT_PPr's rPr, sectPr, pPrChange). */
const AFTER_BIDI_IN_PARAGRAPH = [
  '<w:adjustRightInd',
  '<w:snapToGrid',
  '<w:spacing',
  '<w:ind',
  '<w:contextualSpacing',
  '<w:mirrorIndents',
  '<w:suppressOverlap',
  '<w:jc',
  '<w:textDirection',
  '<w:textAlignment',
  '<w:textboxTightWrap',
  '<w:outlineLvl',
  '<w:divId',
  '<w:cnfStyle',
  '<w:rPr',
  '<w:sectPr',
  '<w:pPrChange',
];

/** Children of w:style that come after w:pPr (ECMA-376 CT_Style). */
const AFTER_PPR_IN_STYLE = ['<w:rPr', '<w:tblPr', '<w:trPr', '<w:tcPr', '<w:tblStylePr'];

/** Children of w:settings that come after w:themeFontLang (ECMA-376 CT_Settings). */
const AFTER_THEME_FONT_LANG = [
  '<w:clrSchemeMapping',
  '<w:doNotIncludeSubdocsInStats',
  '<w:doNotAutoCompressPictures',
  '<w:forceUpgrade',
  '<w:captions',
  '<w:readModeInkLockDown',
  '<w:smartTagType',
  '<w:schemaLibrary',
  '<w:shapeDefaults',
  '<w:doNotEmbedSmartTags',
  '<w:decimalSymbol',
  '<w:listSeparator',
];

const BIDI = '<w:bidi/>';

function withBidi(pPr: string): string {
  return /<w:bidi[\s/>]/.test(pPr) ? pPr : insertChild(pPr, BIDI, AFTER_BIDI_IN_PARAGRAPH);
}

/** Section properties: the page is right-to-left. */
export function rtlDocument(xml: string): string {
  return editElements(xml, 'w:sectPr', (content) =>
    /<w:bidi[\s/>]/.test(content) ? content : insertChild(content, BIDI, AFTER_BIDI_IN_SECTION),
  );
}

/** The default paragraph properties and every paragraph style are right-to-left. */
export function rtlStyles(xml: string): string {
  let out = editElements(xml, 'w:pPrDefault', (content) =>
    content.includes('<w:pPr') ? editElements(content, 'w:pPr', withBidi) : `<w:pPr>${BIDI}</w:pPr>`,
  );
  out = out.replace(/<w:style\s[^>]*w:type="paragraph"[^>]*>[\s\S]*?<\/w:style>/g, (style) => {
    if (style.includes('<w:pPr')) return editElements(style, 'w:pPr', withBidi);
    const open = style.indexOf('>') + 1;
    const close = style.lastIndexOf('</w:style>');
    return style.slice(0, open) + insertChild(style.slice(open, close), `<w:pPr>${BIDI}</w:pPr>`, AFTER_PPR_IN_STYLE) + style.slice(close);
  });
  return out;
}

/** The theme's complex-script language. */
export function rtlSettings(xml: string, lang: Language): string {
  const { value, eastAsia, bidirectional } = wordLanguage(lang);
  const element = `<w:themeFontLang w:val="${value}" w:eastAsia="${eastAsia}" w:bidi="${bidirectional}"/>`;
  const without = xml.replace(/<w:themeFontLang\b[^>]*\/>/g, '');
  return editElements(without, 'w:settings', (content) => insertChild(content, element, AFTER_THEME_FONT_LANG));
}
