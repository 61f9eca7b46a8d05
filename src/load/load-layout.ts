import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { LayoutConfig } from '../model/layout-config.js';
import type { LayoutName } from '../model/layouts.js';
import type { Profile, ProfileDefinition } from '../model/profiles.js';
import { readLayoutConfig } from './read-layout-config.js';

export { BUNDLED_PROFILES, type Profile } from '../model/profiles.js';
export { LAYOUTS, type LayoutName } from '../model/layouts.js';
export type { LayoutConfig } from '../model/layout-config.js';

export interface LayoutSource {
  profile: Profile;
  layout: LayoutName;
  dir: string;
  config: LayoutConfig;
  /** Section name -> { file, source }. */
  sections: { name: string; file: string; source: string }[];
  /** Partial name -> { file, source }, from the partials/ folders (an overlay's first). */
  partials: { name: string; file: string; source: string }[];
  css: string;
}

export interface LoadedLayout {
  /** Absent when the layout has problems; the diagnostics say which. */
  layout?: LayoutSource;
  diagnostics: Diagnostic[];
}

/**
 * Where a layout's files may be, most wanted first: in each templates folder (overlays first), the profile's own
 * folder and those of the profiles it extends, then common/ (the layouts every state shares). An overlay folder may
 * so replace one section template of a bundled layout without copying the rest.
 */
export function layoutFolders(profile: Pick<ProfileDefinition, 'chain' | 'templateRoots'>, layout: string): string[] {
  return [...profile.chain, 'common'].flatMap((id) => profile.templateRoots.map((root) => join(root, id, layout)));
}

/** The templates a section name may be, most wanted first: the layout folders' sections/, then each partials/. */
export function sectionCandidates(profile: Pick<ProfileDefinition, 'chain' | 'templateRoots'>, layout: string, name: string): string[] {
  return [...layoutFolders(profile, layout).map((d) => join(d, 'sections', `${name}.md`)), ...profile.templateRoots.map((root) => join(root, 'partials', `${name}.md`))];
}

/**
 * Finds a layout of a profile (see layoutFolders for the order) and reads it. Never throws: a missing layout, front
 * matter that breaks LayoutConfigSchema and a listed section without a template are `layout-error` diagnostics, all
 * of them.
 */
export function loadLayout(profile: ProfileDefinition, layout: LayoutName): LoadedLayout {
  const folders = layoutFolders(profile, layout);
  const dir = folders.find((d) => existsSync(join(d, 'layout.md')));
  const file = join(dir ?? folders[0]!, 'layout.md');
  const problem = (message: string, hint: string, more: Partial<Diagnostic> = {}): LoadedLayout => ({ diagnostics: [{ code: 'layout-error', severity: 'error', file, message, hint, ...more }] });
  if (!dir) return problem(`no layout "${layout}" for profile "${profile.id}"`, `add ${join(profile.dir, layout, 'layout.md')}, or a layout.md in ${folders.slice(1).join(', ')}`);
  try {
    const read = readLayoutConfig(readFileSync(file, 'utf8'), file);
    const diagnostics = [...read.diagnostics];
    // Listed sections are looked for even when other keys are wrong, so one run reports every problem of the file.
    const listed = (read.data as { sections?: unknown } | undefined)?.sections;
    const sections = (Array.isArray(listed) ? listed : []).flatMap((name: unknown, i) => {
      if (typeof name !== 'string' || name === '') return [];
      const candidates = sectionCandidates(profile, layout, name);
      const found = candidates.find((c) => existsSync(c));
      if (found) return [{ name, file: found, source: readFileSync(found, 'utf8') }];
      diagnostics.push({
        code: 'layout-error',
        severity: 'error',
        file,
        path: `sections[${i}]`,
        ...read.locate(['sections', i]),
        message: `section "${name}" has no template (looked for ${candidates.join(', ')})`,
        hint: `add sections/${name}.md to the layout folder, or remove "${name}" from sections`,
      });
      return [];
    });
    if (!read.config || diagnostics.length > 0) return { diagnostics };
    // Partials by name, an overlay's before the bundled one of the same name.
    const partials = new Map<string, { name: string; file: string; source: string }>();
    for (const root of profile.templateRoots) {
      const partialsDir = join(root, 'partials');
      if (!existsSync(partialsDir)) continue;
      for (const f of listMarkdown(partialsDir)) {
        const name = f.replace(/\.md$/, '');
        if (!partials.has(name)) partials.set(name, { name, file: join(partialsDir, f), source: readFileSync(join(partialsDir, f), 'utf8') });
      }
    }
    const baseCss = profile.templateRoots.map((root) => join(root, 'base.css')).find((f) => existsSync(f));
    const printCss = folders.map((d) => join(d, 'print.css')).find((f) => existsSync(f));
    const css = [baseCss, printCss].flatMap((f) => (f ? [readFileSync(f, 'utf8')] : [])).join('\n');
    return { layout: { profile: profile.id, layout, dir, config: read.config, sections, partials: [...partials.values()], css }, diagnostics: [] };
  } catch (error) {
    // A file that exists but cannot be read (permissions, a folder where a file should be).
    return problem(`the layout could not be read: ${(error as Error).message}`, 'check that the templates folder and its files are readable');
  }
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
}
