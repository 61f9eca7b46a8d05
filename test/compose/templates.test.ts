/**
 * Templates are strict and data is inert.
 *
 * Strict: a template that uses an unknown helper, a field the view model lacks, an unknown label or broken
 * Handlebars syntax gives a `template-error` diagnostic naming the template file (the partial, when the mistake is
 * in a partial) and the line, never a blank, a thrown error or a half document. This file copies templates/ to a
 * temporary folder, gives composeDocument that folder (`templatesDir`) and breaks one file at a time in the copy,
 * so the real templates are never touched.
 *
 * Inert: hostile text (HTML, Markdown images and links, Handlebars, directives, headings, table rows, URLs) in
 * the narrative fields of test/fixtures/minimal.iep.yaml becomes text and nothing else: the tree has exactly the
 * structure it has for plain words in the same fields, no HTML, image or link nodes, no directive a template did
 * not write, and every hostile string reads verbatim in the document text.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { createTemplateEnvironment, expandTemplate, TemplateError } from '../../src/compose/expand-template.js';
import { createTranslator } from '../../src/i18n/translator.js';
import type { Language } from '../../src/model/languages.js';
import { DIRECTIVES } from '../../src/model/directives.js';
import { TEMPLATES_DIR } from '../../src/model/paths.js';
import { allNodes, LAYOUT_CASES, MINIMAL, rawIep, squash, treeText, validated, type TreeNode } from '../e2e/helpers.js';

const TEMPLATES = mkdtempSync(path.join(os.tmpdir(), 'iepkit-e2e-templates-')) + path.sep;
cpSync(TEMPLATES_DIR, TEMPLATES, { recursive: true });

afterAll(() => {
  rmSync(TEMPLATES, { recursive: true, force: true });
});

const minimal = validated(rawIep(MINIMAL));

describe('templates are strict', () => {
  const changed = new Map<string, string>();
  /** Inserts `line` so that it becomes line `at` (1-based) of the template; restored after the test. */
  function breakTemplate(relative: string, at: number, line: string): string {
    const file = path.join(TEMPLATES, relative);
    const source = readFileSync(file, 'utf8');
    if (!changed.has(file)) changed.set(file, source);
    const lines = source.split('\n');
    lines.splice(at - 1, 0, line);
    writeFileSync(file, lines.join('\n'));
    return file;
  }
  afterEach(() => {
    for (const [file, source] of changed) writeFileSync(file, source);
    changed.clear();
  });

  it('composes from the copied templates when nothing is broken (the copy is what composeDocument reads)', () => {
    expect(TEMPLATES).toContain('iepkit-e2e-templates-');
    const composed = composeDocument(minimal, { layout: 'family', templatesDir: TEMPLATES });
    expect(composed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(composed.layout?.dir.startsWith(TEMPLATES)).toBe(true);
  });

  const cases = [
    { what: 'an unknown helper', layout: 'family', template: 'common/family/sections/welcome.md', line: 3, text: '{{shout student.name}}', message: /unknown helper shout/ },
    { what: 'a missing field', layout: 'family', template: 'common/family/sections/welcome.md', line: 5, text: '{{student.nickname}}', message: /"nickname" not defined/ },
    { what: 'a missing field inside a loop', layout: 'family', template: 'common/family/sections/goals.md', line: 7, text: '{{goalTitle}}', message: /"goalTitle" not defined/ },
    { what: 'an unknown label', layout: 'student', template: 'common/student/sections/my-team.md', line: 2, text: '{{t "student:noSuchLabel"}}', message: /unknown label "student:noSuchLabel"/ },
    { what: 'a Handlebars syntax error', layout: 'official', template: 'ny/official/sections/identifying.md', line: 2, text: '{{#if student.name}}', message: /parse error/ },
    { what: 'a missing field in a partial', layout: 'official', template: 'partials/attendance.md', line: 2, text: '{{nickname}}', message: /"nickname" not defined/ },
    { what: 'an unknown helper in a partial', layout: 'official', template: 'partials/attendance.md', line: 2, text: '{{shout heading}}', message: /unknown helper shout/ },
    { what: 'a syntax error in a partial', layout: 'family', template: 'partials/placement.md', line: 2, text: '{{#each goals}}', message: /parse error/ },
  ] as const;

  it.each(cases)('$what gives a template-error naming $template and its line', ({ layout, template, line, text, message }) => {
    const file = breakTemplate(template, line, text);
    let composed: ReturnType<typeof composeDocument> | undefined;
    expect(() => (composed = composeDocument(minimal, { layout, templatesDir: TEMPLATES })), 'composeDocument reports, it does not throw').not.toThrow();
    expect(composed!.document).toBeUndefined();
    const errors = composed!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'template-error', file });
    expect(errors[0]!.message).toMatch(message);
    // A parse error is reported where the parser gave up (the end of the unclosed block); anything else at its line.
    if (/parse/.test(String(message))) expect(errors[0]!.line).toBeGreaterThanOrEqual(line);
    else expect(errors[0]!.line).toBe(line);
    expect(errors[0]!.hint).toBeTruthy();
  });

  describe('expandTemplate on its own', () => {
    const tr = createTranslator('en');
    const env = createTemplateEnvironment();
    const view = { student: { name: 'Ana' }, goals: [{ area: 'Reading' }] };
    const expand = (source: string) => () => expandTemplate(env, 'my-template.md', source, view, tr);
    const thrown = (source: string): TemplateError => {
      try {
        expand(source)();
      } catch (error) {
        if (error instanceof TemplateError) return error;
        throw error;
      }
      throw new Error('no error');
    };

    it('expands fields, labels and loops', () => {
      expect(expandTemplate(env, 'ok.md', '# {{student.name}}\n{{#each goals}}- {{area}} ({{t "common:yes"}})\n{{/each}}', view, tr)).toBe('# Ana\n- Reading (Yes)\n');
    });

    it('names the file, line and column of an unknown helper', () => {
      const error = thrown('line one\n\n  {{upper student.name}}\n');
      expect(error).toMatchObject({ file: 'my-template.md', line: 3 });
      expect(error.message).toMatch(/unknown helper upper/);
    });

    it('names the file, line and column of a missing field instead of printing a blank', () => {
      const error = thrown('a\nb\nc {{student.grade}}\n');
      expect(error).toMatchObject({ file: 'my-template.md', line: 3, column: 5 });
      expect(error.message).toMatch(/"grade" not defined/);
    });

    it('refuses a missing field inside a loop with the loop line', () => {
      expect(thrown('{{#each goals}}\n{{area}}\n{{baseline}}\n{{/each}}')).toMatchObject({ file: 'my-template.md', line: 3 });
    });

    it('names the line and column of an unknown label, which a helper (not Handlebars) finds', () => {
      expect(thrown('x\ny {{t "common:noSuchLabel"}}')).toMatchObject({ file: 'my-template.md', line: 2, column: 3 });
    });

    it('names the line of a label that needs a value the template did not give', () => {
      expect(thrown('\n\n{{t "family:heading"}}').message).toMatch(/needs a value for name/);
      expect(thrown('\n\n{{t "family:heading"}}')).toMatchObject({ line: 3 });
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '![x](http://127.0.0.1/y)',
  '[click](javascript:alert(1))',
  '{{t "x"}}',
  ':::callout',
  '::pagebreak',
  '# heading',
  '| a | b |',
  'http://127.0.0.1/z',
  '<http://127.0.0.1/auto>',
  ':strength[x]{id="evil"}',
  '::buildson[x]{ref="retells-stories"}',
  '\\*not emphasis\\*',
  '    indented like code',
  '---',
  '- [ ] not a task',
  '"quoted" ]{x="y"} & &amp;',
] as const;

/** Where the hostile text goes: narrative fields of every kind (paragraphs, list items, table cells, headings, notes). */
const FIELDS: (string | number)[][] = [
  ['parentConcerns'],
  ['studentVoice'],
  ['student', 'school'],
  ['evaluations', 0, 'name'],
  ['evaluations', 0, 'results'],
  ['presentLevels', 'academic', 'description'],
  ['presentLevels', 'academic', 'strengths', 0, 'text'],
  ['presentLevels', 'academic', 'interests', 0, 'text'],
  ['presentLevels', 'academic', 'needs', 0],
  ['presentLevels', 'social', 'description'],
  ['presentLevels', 'management', 'description'],
  ['presentLevels', 'effectOnProgress'],
  ['goals', 0, 'focus'],
  ['goals', 0, 'baseline'],
  ['goals', 0, 'goal'],
  ['goals', 0, 'studentVersion'],
  ['goals', 0, 'criteria'],
  ['goals', 0, 'method'],
  ['goals', 0, 'schedule'],
  ['progressReporting', 'schedule'],
  ['progressReporting', 'method'],
  ['nondisabledParticipation', 'explanation'],
  ['placement', 'recommendation'],
  ['team', 2, 'title'],
];

function set(data: Record<string, any>, field: (string | number)[], value: string): void {
  let at: any = data;
  for (const key of field.slice(0, -1)) at = at[key];
  at[field.at(-1)!] = value;
}

/** The fixture with `texts` (joined as separate paragraphs) in every field of FIELDS. */
function withText(texts: readonly string[]) {
  const data = rawIep(MINIMAL);
  for (const field of FIELDS) set(data, field, texts.join('\n\n'));
  return validated(data);
}

const hostile = withText(HOSTILE);
// The same fields holding plain words, paragraph for paragraph: the structure the hostile copy must have too.
const plain = withText(HOSTILE.map((_, i) => `plain${i}`));

const TEMPLATE_DIRECTIVES = new Set(Object.keys(DIRECTIVES));
const FORBIDDEN = ['html', 'image', 'imageReference', 'linkReference', 'definition', 'footnoteReference', 'footnoteDefinition', 'code'];

/** The tree's shape: node types, heading depths, directive names and attribute keys, list and table layout; no text. */
function skeleton(node: TreeNode): unknown {
  const n = node as TreeNode & { ordered?: boolean; checked?: boolean | null; align?: unknown };
  return [
    n.type,
    n.depth ?? null,
    n.name ?? null,
    n.attributes ? Object.keys(n.attributes).sort() : null,
    n.ordered ?? null,
    n.checked ?? null,
    (n.children ?? []).map(skeleton),
  ];
}

const directiveList = (root: TreeNode) => allNodes(root).filter((n) => n.type.endsWith('Directive')).map((n) => `${n.type}:${n.name}`);

const CASES: { name: string; layout: (typeof LAYOUT_CASES)[number]['layout']; profile: 'ny' | 'federal'; lang: Language }[] = [
  ...LAYOUT_CASES.map((c) => ({ ...c, lang: 'en' as Language })),
  // In another language, English text sits inside an :untranslated[...]{...} directive label: another context to break out of.
  { name: 'family-es', layout: 'family', profile: 'ny', lang: 'es' },
  { name: 'official-ny-ar', layout: 'official', profile: 'ny', lang: 'ar' },
];

describe.each(CASES)('hostile data in the $name copy', ({ layout, profile, lang }) => {
  const compose = (iep: typeof hostile) => composeDocument(iep, { layout, profile, lang });
  const result = compose(hostile);
  const twin = compose(plain);
  const body = result.document?.body as TreeNode;
  const nodes = body ? allNodes(body) : [];

  it('composes without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(twin.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has exactly the structure the same fields give with plain words', () => {
    expect(skeleton(body)).toEqual(skeleton(twin.document!.body as TreeNode));
  });

  it('has no HTML, image, reference, definition or code nodes', () => {
    expect(nodes.filter((n) => FORBIDDEN.includes(n.type)).map((n) => n.type)).toEqual([]);
  });

  it('has no links other than in-document strength anchors', () => {
    expect(nodes.filter((n) => n.type === 'link' && !/^#strength-[a-z0-9-]+$/.test(n.url ?? '')).map((n) => n.url)).toEqual([]);
  });

  it('has only the directives its templates write', () => {
    const names = directiveList(body);
    expect(names.filter((d) => !TEMPLATE_DIRECTIVES.has(d.split(':')[1]!))).toEqual([]);
    expect(names).toEqual(directiveList(twin.document!.body as TreeNode));
    // Hostile strength/buildson look-alikes point nowhere: every strength id is one the data declared.
    const ids = nodes.filter((n) => n.name === 'strength').map((n) => n.attributes?.id);
    expect(ids).not.toContain('evil');
  });

  it('reads every hostile string verbatim in the document text', () => {
    const text = squash(treeText(body));
    for (const h of HOSTILE) expect(text, h).toContain(squash(h.replace(/^\s+/, '')));
  });

  it('keeps the Markdown it expanded escaped (no raw HTML tag or Handlebars from the data survives in it)', () => {
    // Directive attribute values (the signer lines) are quoted data a handler prints as text; checked below.
    const markdown = result.markdown!.replace(/^::signer\{.*\}$/gm, '');
    expect(markdown).not.toMatch(/(^|[^\\])<(script|img)\b/m);
    expect(markdown).not.toMatch(/(^|[^\\])\{\{/m);
    // Lines that start a directive or a heading are the templates' own: the same as with plain words.
    const starts = (md: string) => md.split('\n').filter((l) => /^(:{2,}[a-z]|#+ )/.test(l)).map((l) => l.replace(/plain\d+/g, ''));
    expect(starts(markdown).length).toBe(starts(twin.markdown!.replace(/^::signer\{.*\}$/gm, '')).length);
    expect(markdown).not.toMatch(/^(:::callout|# heading)$/m);
  });
});

describe('hostile text in attributes', () => {
  it('keeps a team member title with quotes and braces inside the signer attribute', () => {
    const data = rawIep(MINIMAL);
    data.team[0].name = 'Maria "} ::pagebreak {x="Lopez';
    data.team[1].title = '"]{role="x"} <b>bold</b>';
    const composed = composeDocument(validated(data), { layout: 'official' });
    const signers = allNodes(composed.document!.body as TreeNode).filter((n) => n.name === 'signer');
    expect(signers.map((s) => s.attributes?.name)).toContain('Maria "} ::pagebreak {x="Lopez');
    expect(signers.map((s) => s.attributes?.role)).toContain('"]{role="x"} <b>bold</b>');
    expect(allNodes(composed.document!.body as TreeNode).filter((n) => n.name === 'pagebreak')).toHaveLength(
      allNodes(composeDocument(minimal, { layout: 'official' }).document!.body as TreeNode).filter((n) => n.name === 'pagebreak').length,
    );
  });
});
