import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { LayoutConfig } from '../model/layout-config.js';
import type { LayoutName } from '../model/layouts.js';
import { TEMPLATES_DIR } from '../model/paths.js';
import type { Profile } from '../model/profiles.js';
import { readLayoutConfig } from './read-layout-config.js';

export { PROFILES, type Profile } from '../model/profiles.js';
export { LAYOUTS, type LayoutName } from '../model/layouts.js';
export type { LayoutConfig } from '../model/layout-config.js';

export interface LayoutSource {
  profile: Profile;
  layout: LayoutName;
  dir: string;
  config: LayoutConfig;
  /** Section name -> { file, source }. */
  sections: { name: string; file: string; source: string }[];
  /** Partial name -> { file, source }, from templates/partials/. */
  partials: { name: string; file: string; source: string }[];
  css: string;
}

export interface LoadedLayout {
  /** Absent when the layout has problems; the diagnostics say which. */
  layout?: LayoutSource;
  diagnostics: Diagnostic[];
}

/**
 * Finds a layout in the templates folder `root`: <root>/<profile>/<layout>/ first, then <root>/common/<layout>/
 * (the family and student copies are the same for every state). Never throws: a missing layout, front matter that
 * breaks LayoutConfigSchema and a listed section without a template are `layout-error` diagnostics, all of them.
 */
export function loadLayout(profile: Profile, layout: LayoutName, root = TEMPLATES_DIR): LoadedLayout {
  const dir = [join(root, profile, layout), join(root, 'common', layout)].find((d) => existsSync(join(d, 'layout.md')));
  const file = join(dir ?? join(root, profile, layout), 'layout.md');
  const problem = (message: string, hint: string, more: Partial<Diagnostic> = {}): LoadedLayout => ({ diagnostics: [{ code: 'layout-error', severity: 'error', file, message, hint, ...more }] });
  if (!dir) return problem(`no layout "${layout}" for profile "${profile}"`, `add ${join(root, profile, layout, 'layout.md')} or ${join(root, 'common', layout, 'layout.md')}`);
  try {
    const read = readLayoutConfig(readFileSync(file, 'utf8'), file);
    const diagnostics = [...read.diagnostics];
    // Listed sections are looked for even when other keys are wrong, so one run reports every problem of the file.
    const listed = (read.data as { sections?: unknown } | undefined)?.sections;
    const sections = (Array.isArray(listed) ? listed : []).flatMap((name: unknown, i) => {
      if (typeof name !== 'string' || name === '') return [];
      const candidates = [join(dir, 'sections', `${name}.md`), join(root, 'partials', `${name}.md`)];
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
    const partialsDir = join(root, 'partials');
    const partials = existsSync(partialsDir)
      ? listMarkdown(partialsDir).map((f) => ({ name: f.replace(/\.md$/, ''), file: join(partialsDir, f), source: readFileSync(join(partialsDir, f), 'utf8') }))
      : [];
    const cssFiles = [join(root, 'base.css'), join(dir, 'print.css')].filter((f) => existsSync(f));
    return { layout: { profile, layout, dir, config: read.config, sections, partials, css: cssFiles.map((f) => readFileSync(f, 'utf8')).join('\n') }, diagnostics: [] };
  } catch (error) {
    // A file that exists but cannot be read (permissions, a folder where a file should be).
    return problem(`the layout could not be read: ${(error as Error).message}`, 'check that the templates folder and its files are readable');
  }
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
}
