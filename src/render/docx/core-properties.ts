import type { DocumentMeta } from '../../model/document.js';
import { sanitizeText } from '../../model/sanitize-text.js';
import { wordLanguageTag } from './language.js';

/** XML text: the one sanitiser first (XML 1.0 forbids control characters), then the markup characters. */
const escape = (text: string) =>
  sanitizeText(text, { lines: 'join' }).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * docProps/core.xml, written whole rather than by the docx library, which stamps created and modified with the clock
 * and has no dc:language. Created and modified are meta.created (same input, same bytes), lastModifiedBy is the
 * creator, revision 1.
 */
export function corePropertiesXml(meta: DocumentMeta): string {
  const when = new Date(Math.floor(meta.created.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  const element = (name: string, value: string) => `<${name}>${escape(value)}</${name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', meta.title) +
    element('dc:subject', meta.subject) +
    element('dc:creator', meta.creator) +
    element('dc:description', meta.subject) +
    element('dc:language', wordLanguageTag(meta.lang)) +
    element('cp:lastModifiedBy', meta.creator) +
    element('cp:revision', '1') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
