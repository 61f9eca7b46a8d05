/**
 * Tracked changes (w:ins, w:del) and bookmarks share one space of annotation ids (ECMA-376 Part 1, §17.13.1: an
 * annotation's w:id is unique in the document), but the docx library numbers bookmarks from 1 itself, and the
 * redline's runs were numbered from 1 as they were made (runs.ts). The changes are numbered again after the
 * highest bookmark id, in document order, so every id is unique and the same document gives the same bytes. Called
 * after reproducible.ts has numbered the bookmarks from 1: the library's own bookmark ids count across the process.
 */
export function renumberRevisions(xml: string): string {
  if (!/<w:(ins|del) /.test(xml)) return xml;
  let highest = 0;
  for (const match of xml.matchAll(/<w:bookmarkStart\b[^>]*\bw:id="(\d+)"/g)) highest = Math.max(highest, Number(match[1]));
  let next = highest;
  return xml.replace(/<w:(ins|del) w:id="\d+"/g, (_, tag: string) => `<w:${tag} w:id="${++next}"`);
}
