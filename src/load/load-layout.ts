import matter from 'gray-matter';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageSize } from '../model/document.js';
import type { DomainPart, LayoutName } from '../model/layouts.js';
import { TEMPLATES_DIR } from '../model/paths.js';

import type { Profile } from '../model/profiles.js';
export { PROFILES, type Profile } from '../model/profiles.js';
export { LAYOUTS, type LayoutName } from '../model/layouts.js';

/** What a layout's front matter (templates/<profile>/<layout>/layout.md) declares. */
export interface LayoutConfig {
  id: string;
  /** Locale key of the document title; interpolated with the student's name. */
  title: string;
  /** Locale key of the subject metadata. */
  subject: string;
  description: string;
  page: { size: PageSize; margins: { top: number; right: number; bottom: number; left: number } };
  /** Order of the parts of each present-levels domain: the one place strength-first ordering is decided. */
  domainParts: DomainPart[];
  /** Section templates, in order; each is sections/<name>.md in the layout folder or templates/partials/. */
  sections: string[];
  /** For one-page layouts: how many items of each list fit; compose shortens and warns beyond these. */
  limits?: Record<string, number>;
  /** When a one-page layout still overflows: which list loses an item first, then next... */
  shrinkOrder?: string[];
}

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

/**
 * Finds a layout: templates/<profile>/<layout>/ first, then templates/common/<layout>/ (the family and student
 * copies are the same for every state). Throws LayoutError with the file when the front matter is wrong.
 */
export function loadLayout(profile: Profile, layout: LayoutName, root = TEMPLATES_DIR): LayoutSource {
  const dir = [join(root, profile, layout), join(root, 'common', layout)].find((d) => existsSync(join(d, 'layout.md')));
  if (!dir) throw new LayoutError(`no layout "${layout}" for profile "${profile}"`, join(root, profile, layout, 'layout.md'));
  const file = join(dir, 'layout.md');
  const { data } = matter(readFileSync(file, 'utf8'));
  const config = checkConfig(data, file);
  const sections = config.sections.map((name) => {
    const candidates = [join(dir, 'sections', `${name}.md`), join(root, 'partials', `${name}.md`)];
    const found = candidates.find((c) => existsSync(c));
    if (!found) throw new LayoutError(`section "${name}" listed in front matter has no template (looked for ${candidates.join(', ')})`, file);
    return { name, file: found, source: readFileSync(found, 'utf8') };
  });
  const partialsDir = join(root, 'partials');
  const partials = existsSync(partialsDir)
    ? listMarkdown(partialsDir).map((f) => ({ name: f.replace(/\.md$/, ''), file: join(partialsDir, f), source: readFileSync(join(partialsDir, f), 'utf8') }))
    : [];
  const cssFiles = [join(root, 'base.css'), join(dir, 'print.css')].filter((f) => existsSync(f));
  return { profile, layout, dir, config, sections, partials, css: cssFiles.map((f) => readFileSync(f, 'utf8')).join('\n') };
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
}

export class LayoutError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

const DOMAIN_PARTS: readonly DomainPart[] = ['description', 'strengths', 'interests', 'preferences', 'needs', 'parentConcerns'];

function checkConfig(data: Record<string, unknown>, file: string): LayoutConfig {
  const fail = (what: string) => {
    throw new LayoutError(`front matter: ${what}`, file);
  };
  for (const key of ['id', 'title', 'subject', 'description']) if (typeof data[key] !== 'string') fail(`"${key}" must be text`);
  const page = data.page as LayoutConfig['page'] | undefined;
  if (!page || (page.size !== 'letter' && page.size !== 'a4')) fail('"page.size" must be letter or a4');
  for (const side of ['top', 'right', 'bottom', 'left'] as const) if (typeof page?.margins?.[side] !== 'number') fail(`"page.margins.${side}" must be a number of millimetres`);
  const parts = data.domainParts as unknown;
  if (!Array.isArray(parts) || parts.some((p) => !DOMAIN_PARTS.includes(p as DomainPart))) fail(`"domainParts" must list some of: ${DOMAIN_PARTS.join(', ')}`);
  const sections = data.sections as unknown;
  if (!Array.isArray(sections) || sections.length === 0 || sections.some((s) => typeof s !== 'string')) fail('"sections" must be a list of section names');
  return data as unknown as LayoutConfig;
}
