import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ProfileConfigSchema, ProfileSettingsSchema } from '../../src/model/profile-config.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const docs = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f));
const shipped = [...docs, 'README.md'];

/** The text outside fenced code blocks: a `## {{t ...}}` in an example is not a heading, a `[x](y)` there not a link. */
function prose(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** GitHub's anchor of a heading: lowercase, punctuation dropped, spaces to hyphens; repeats get -1, -2. */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = text!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    let anchor = slug;
    for (let n = 1; found.has(anchor); n++) anchor = `${slug}-${n}`;
    found.add(anchor);
  }
  return found;
}

/** Relative links `[text](target)` of a Markdown file's prose (not inline code, not absolute URLs). */
function relativeLinks(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z][a-z+.-]*:/i.test(t));
}

describe('links in the docs', () => {
  it.each(shipped)('every relative link of %s points at a file and heading that exist', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const broken = relativeLinks(text).flatMap((link) => {
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? join(root, file) : resolve(dirname(join(root, file)), decodeURI(path));
      if (!existsSync(target)) return [`${link}: no file ${path}`];
      if (anchor === undefined || !target.endsWith('.md')) return [];
      return anchors(readFileSync(target, 'utf8')).has(anchor) ? [] : [`${link}: no heading #${anchor} in ${path || file}`];
    });
    expect(broken).toEqual([]);
  });

  it('finds broken links and anchors (the check itself)', () => {
    const text = '# Top\n\n## A profile\'s own data: `extensions.<namespace>`\n\n```md\n## Not a heading\n```\n';
    expect([...anchors(text)]).toEqual(['top', 'a-profiles-own-data-extensionsnamespace']);
    expect(relativeLinks('[a](x.md#y) `[b](z.md)` [c](https://e.org) [d](#top)')).toEqual(['x.md#y', '#top']);
  });
});

describe('docs/templates.md works for the installed package', () => {
  const text = readFileSync(join(root, 'docs/templates.md'), 'utf8');

  it('names no file of src/ or test/ (absent from the package) outside its "For contributors" section', () => {
    const sections = text.split(/^(?=## )/m).filter((s) => !s.startsWith('## For contributors'));
    const lines = sections.join('').split('\n').filter((line) => /(^|[\s`(])(src|test)\//.test(line));
    expect(lines).toEqual([]);
  });

  it('lists every key of profile.yaml as ProfileConfigSchema declares it, and no other', () => {
    const table = text.slice(text.indexOf('### profile.yaml'), text.indexOf('### How a profile is found'));
    const documented = [...table.matchAll(/^\| `([a-zA-Z.]+)` \|/gm)].map((m) => m[1]);
    const nested = (key: string, schema: { properties?: Record<string, unknown> }) => Object.keys(schema.properties ?? {}).map((k) => `${key}.${k}`);
    const props = ProfileConfigSchema.properties as Record<string, { properties?: Record<string, unknown> }>;
    const settings = ProfileSettingsSchema.properties as Record<string, { properties?: Record<string, unknown> }>;
    const declared = Object.keys(props).flatMap((key) =>
      key === 'settings' ? Object.keys(settings).flatMap((s) => (settings[s]!.properties ? nested(`settings.${s}`, settings[s]!) : [`settings.${s}`])) : props[key]!.properties ? nested(key, props[key]!) : [key],
    );
    expect(documented.sort()).toEqual(declared.sort());
  });
});
