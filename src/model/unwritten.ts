/**
 * Starter text still to be written. The starter (`iep init`, the editor's "new IEP") writes every text it cannot know
 * as the marker followed by what belongs there ("TO WRITE: first name"), so that it validates and renders as a
 * draft. Validation warns about each such text, `--final` refuses it, and the live preview shows it as a placeholder:
 * all of them read the marker from here, so the starter and the checks cannot drift apart.
 */
import type { JsonPath } from './diagnostic.js';

export const UNWRITTEN_MARKER = 'TO WRITE:';

/** A text of the record that still begins with the marker. */
export interface UnwrittenText {
  path: JsonPath;
  /** The words after the marker, what belongs there ("first name"), without a closing full stop. */
  label: string;
}

/** The words after the marker when `value` is starter text still to be written; undefined for anything else. */
export function unwrittenLabel(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trimStart();
  if (!text.startsWith(UNWRITTEN_MARKER)) return undefined;
  return text.slice(UNWRITTEN_MARKER.length).trim().replace(/\.$/, '') || '...';
}

/** Every string value of `data` (keys aside) that still begins with the marker, in the order written. */
export function findUnwritten(data: unknown): UnwrittenText[] {
  const found: UnwrittenText[] = [];
  const walk = (value: unknown, path: JsonPath) => {
    const label = unwrittenLabel(value);
    if (label !== undefined) found.push({ path, label });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(data, []);
  return found;
}
