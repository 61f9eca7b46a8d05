import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLayout, type LayoutName, type LayoutSource, type LoadedLayout, type Profile } from '../load/load-layout.js';
import { TEMPLATES_DIR } from '../model/paths.js';

/** Layouts kept: every profile and layout of a templates folder or two. */
const KEPT = 64;

const loaded = new Map<string, { layout: LayoutSource; signature: string }>();

/**
 * loadLayout, read once per templates folder, profile and layout and reused while none of the files it read or
 * looked for has changed (their size and modification time, the partials folder's listing included): reading and
 * checking the front matter and every template was a twentieth of composing a document. Someone editing templates
 * gets the new ones at the next document.
 */
export function cachedLayout(profile: Profile, layout: LayoutName, root = TEMPLATES_DIR): LoadedLayout {
  const key = `${root}\0${profile}\0${layout}`;
  const hit = loaded.get(key);
  if (hit && hit.signature === signature(root, profile, layout, hit.layout)) return { layout: hit.layout, diagnostics: [] };
  const result = loadLayout(profile, layout, root);
  if (!result.layout) {
    loaded.delete(key);
    return result;
  }
  if (loaded.size >= KEPT) loaded.delete(loaded.keys().next().value!);
  loaded.set(key, { layout: result.layout, signature: signature(root, profile, layout, result.layout) });
  return result;
}

/** Every path loadLayout reads or looks for, with its size and modification time (or its absence). */
function signature(root: string, profile: Profile, layout: LayoutName, source: LayoutSource): string {
  const dirs = [join(root, profile, layout), join(root, 'common', layout)];
  const paths = [
    ...dirs.map((d) => join(d, 'layout.md')),
    ...source.sections.flatMap((s) => dirs.map((d) => join(d, 'sections', `${s.name}.md`)).concat(join(root, 'partials', `${s.name}.md`))),
    join(root, 'partials'),
    ...source.partials.map((p) => p.file),
    join(root, 'base.css'),
    ...dirs.map((d) => join(d, 'print.css')),
  ];
  return paths
    .map((path) => {
      const stat = statSync(path, { throwIfNoEntry: false, bigint: true });
      return stat ? `${stat.size}:${stat.mtimeNs}:${stat.ino}` : '-';
    })
    .join(' ');
}
