import { formatJsonPath } from '../model/diagnostic.js';
import { placeholderValue, type Placeholder } from '../model/placeholder.js';
import { findUnwritten } from '../model/unwritten.js';

export interface PlacedUnwritten {
  /** A copy of the record with each unwritten text replaced by its placeholder value. */
  data: Record<string, unknown>;
  /** The placeholders given, then one per unwritten text (placeholder value i stands for entry i). */
  placeholders: Placeholder[];
  /** The readable JSON path of each text replaced. */
  paths: string[];
}

/**
 * For the live preview: each text still holding the starter's "TO WRITE: ..." (src/model/unwritten.ts) becomes a
 * placeholder labelled with the words after the marker, numbered after the draft's own `placeholders`, so the
 * preview prints "[to be written: first name]" as it does for a missing part instead of the starter's words as if
 * they were the team's. Undefined when there is none (the record is then composed exactly as before).
 */
export function placeUnwritten(data: Record<string, unknown>, placeholders: readonly Placeholder[] = []): PlacedUnwritten | undefined {
  const found = findUnwritten(data);
  if (found.length === 0) return undefined;
  const copy = structuredClone(data);
  const all = [...placeholders];
  for (const { path, label } of found) {
    let parent = copy as Record<string | number, unknown>;
    for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = placeholderValue(all.length);
    all.push({ path: formatJsonPath(path), label });
  }
  return { data: copy, placeholders: all, paths: found.map((f) => formatJsonPath(f.path)) };
}
