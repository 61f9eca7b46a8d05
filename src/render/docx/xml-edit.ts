/**
 * Small, targeted edits of generated WordprocessingML, for what the docx library cannot write. The parts are the
 * library's own well-formed output, so string edits at known elements are safe; each edit keeps the schema's element
 * order (Word refuses files whose elements are out of order).
 */

/**
 * Insert `element` into the content of an element (between its start and end tag), before the first child that the
 * schema orders after it (`followers`, e.g. `<w:spacing`), or at the end.
 */
export function insertChild(content: string, element: string, followers: readonly string[]): string {
  let at = content.length;
  for (const follower of followers) {
    const index = indexOfTag(content, follower);
    if (index !== -1 && index < at) at = index;
  }
  return content.slice(0, at) + element + content.slice(at);
}

/** Index of `<w:name` as a whole tag name (not `<w:names`), or -1. */
function indexOfTag(content: string, tag: string): number {
  let from = 0;
  for (;;) {
    const index = content.indexOf(tag, from);
    if (index === -1) return -1;
    const next = content[index + tag.length];
    if (next === undefined || next === '>' || next === '/' || next === ' ') return index;
    from = index + tag.length;
  }
}

/**
 * Apply `edit` to the content of every `<tag ...>...</tag>` (not nested in itself) and return the new XML. Empty
 * elements (`<tag/>`) are given to `edit` as empty content and written out in full when the edit adds something.
 */
export function editElements(xml: string, tag: string, edit: (content: string, startTag: string) => string): string {
  const pattern = new RegExp(`<${tag}(\\s[^>]*?)?(/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  return xml.replace(pattern, (_whole, attributes: string | undefined, _rest, content: string | undefined) => {
    const startTag = `<${tag}${attributes ?? ''}>`;
    const edited = edit(content ?? '', startTag);
    return `${startTag}${edited}</${tag}>`;
  });
}
