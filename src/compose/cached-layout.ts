import { statSync } from 'node:fs';
import { join } from 'node:path';
import { layoutFolders, loadLayout, sectionCandidates, type LayoutName, type LayoutSource, type LoadedLayout } from '../load/load-layout.js';
import type { ProfileDefinition } from '../model/profiles.js';

/** Layouts kept: every profile and layout of a templates folder or two. */
const KEPT = 64;

const loaded = new Map<string, { layout: LayoutSource; signature: string }>();

/**
 * loadLayout, read once per profile (its templates folders included) and layout and reused while none of the files it
 * read or looked for has changed (their size and modification time, the partials folders' listings included):
 * reading and checking the front matter and every template was a twentieth of composing a document. Someone editing
 * templates gets the new ones at the next document.
 */
export function cachedLayout(profile: ProfileDefinition, layout: LayoutName): LoadedLayout {
  const key = `${profile.templateRoots.join('\0')}\0\0${profile.chain.join('\0')}\0\0${layout}`;
  const hit = loaded.get(key);
  if (hit && hit.signature === signature(profile, layout, hit.layout)) return { layout: hit.layout, diagnostics: [] };
  const result = loadLayout(profile, layout);
  if (!result.layout) {
    loaded.delete(key);
    return result;
  }
  if (loaded.size >= KEPT) loaded.delete(loaded.keys().next().value!);
  loaded.set(key, { layout: result.layout, signature: signature(profile, layout, result.layout) });
  return result;
}

/** Every path loadLayout reads or looks for, with its size and modification time (or its absence). */
function signature(profile: ProfileDefinition, layout: LayoutName, source: LayoutSource): string {
  const folders = layoutFolders(profile, layout);
  const paths = [
    ...folders.map((d) => join(d, 'layout.md')),
    ...source.sections.flatMap((s) => sectionCandidates(profile, layout, s.name)),
    ...profile.templateRoots.map((root) => join(root, 'partials')),
    ...source.partials.map((p) => p.file),
    ...profile.templateRoots.map((root) => join(root, 'base.css')),
    ...folders.map((d) => join(d, 'print.css')),
  ];
  return paths
    .map((path) => {
      const stat = statSync(path, { throwIfNoEntry: false, bigint: true });
      return stat ? `${stat.size}:${stat.mtimeNs}:${stat.ino}` : '-';
    })
    .join(' ');
}
