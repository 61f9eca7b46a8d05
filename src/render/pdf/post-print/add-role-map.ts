/**
 * A RoleMap for the structure types Chromium takes from PDF 2.0 (`Strong`, `Em`, `Aside`, ...), which PDF/UA-1
 * (on PDF 1.7) does not know: each is mapped to the PDF 1.7 standard type closest in meaning (ISO 32000-1 §14.8.4).
 */
import { PdfDict, PdfName } from './pdf-objects.js';
import { walkElements, type StructTree } from './struct-tree.js';

/** ISO 32000-1 tables 333-340. */
export const STANDARD_TYPES = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody',
  'TFoot', 'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP',
  'Warichu', 'WT', 'WP', 'Figure', 'Formula', 'Form',
]);

/** PDF 2.0 (ISO 32000-2 §14.8.4) types and what they are in PDF 1.7. */
const PDF2_TO_PDF17: Record<string, string> = {
  DocumentFragment: 'Div',
  Aside: 'Sect',
  Title: 'P',
  FENote: 'Note',
  Sub: 'Span',
  Em: 'Span',
  Strong: 'Span',
  Artifact: 'Private',
};

/** Returns the types mapped. */
export function addRoleMap(tree: StructTree): string[] {
  const used = new Set<string>();
  for (const element of walkElements(tree)) if (element.type && !STANDARD_TYPES.has(element.type)) used.add(element.type);
  if (used.size === 0) return [];
  const existing = tree.root.get('RoleMap');
  const roleMap = existing instanceof PdfDict ? existing : new PdfDict();
  for (const type of [...used].sort()) if (!roleMap.has(type)) roleMap.set(type, PdfName.of(PDF2_TO_PDF17[type] ?? 'NonStruct'));
  tree.root.set('RoleMap', roleMap);
  return [...used].sort();
}
