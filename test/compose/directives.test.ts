/**
 * Directives are declared once (src/model/directives.ts) and every directive of a composed tree is checked against
 * the declarations: an unknown directive or attribute, a value outside the allowed ones, a directive of the wrong
 * kind or a node a document does not hold is a `template-error` naming the template file (the partial, when the
 * mistake is in a partial) and the line it was written on. Never a crash in a renderer, never silently ignored.
 * composeDocument reads templates from TEMPLATES_DIR, so this file points it at a copy of templates/ and changes one
 * line at a time.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { composeDocument } from '../../src/compose/compose-document.js';
import { parseMarkdown } from '../../src/compose/parse-markdown.js';
import { checkDirective, directiveAttributes, type DirectiveNode } from '../../src/model/directives.js';
import { TEMPLATES_DIR } from '../../src/model/paths.js';
import { LAYOUT_CASES, loadExample, MINIMAL, rawIep, validated } from '../e2e/helpers.js';

vi.mock('../../src/model/paths.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/model/paths.js')>();
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'iepkit-directives-templates-'));
  fs.cpSync(original.TEMPLATES_DIR, copy, { recursive: true });
  return { ...original, TEMPLATES_DIR: copy + path.sep };
});

afterAll(() => {
  if (TEMPLATES_DIR.includes('iepkit-directives-templates-')) rmSync(TEMPLATES_DIR, { recursive: true, force: true });
});

const minimal = validated(rawIep(MINIMAL));

describe('directives in templates are checked after parsing', () => {
  const changed = new Map<string, string>();
  /** Replaces line `at` (1-based) of the template with `line`, or inserts it there; restored after the test. */
  function changeTemplate(relative: string, at: number, line: string, insert: boolean): string {
    const file = path.join(TEMPLATES_DIR, relative);
    const source = readFileSync(file, 'utf8');
    if (!changed.has(file)) changed.set(file, source);
    const lines = source.split('\n');
    lines.splice(at - 1, insert ? 0 : 1, line);
    writeFileSync(file, lines.join('\n'));
    return file;
  }
  afterEach(() => {
    for (const [file, source] of changed) writeFileSync(file, source);
    changed.clear();
  });

  it.each(LAYOUT_CASES)('finds nothing wrong with the real templates ($name copy of an example)', ({ layout, profile }) => {
    const composed = composeDocument(loadExample('maya-thompson'), { layout, profile });
    expect(composed.diagnostics.filter((d) => d.code === 'template-error')).toEqual([]);
    expect(composed.document).toBeDefined();
  });

  const cases = [
    { what: 'an unknown directive', layout: 'family', template: 'common/family/sections/welcome.md', line: 5, column: 1, text: ':::notice{kind="notice"}', message: /^"notice" is not a directive \(:::notice\); the directives are pagebreak, keep, /, },
    { what: 'an unknown attribute', layout: 'family', template: 'common/family/sections/welcome.md', line: 5, column: 1, text: ':::callout{kind="notice" colour="red"}', message: /^:::callout has no "colour" attribute \(it takes kind\)$/ },
    { what: 'a value outside the allowed ones', layout: 'family', template: 'common/family/sections/welcome.md', line: 5, column: 1, text: ':::callout{kind="loud"}', message: /^:::callout: kind="loud" is not one of info, notice, important$/ },
    { what: 'a directive of the wrong kind', layout: 'family', template: 'common/family/sections/welcome.md', line: 3, column: 49, text: '{{t "family:intro" name=student.preferredName}} :pagebreak', message: /^"pagebreak" is a leaf directive, not a text directive: write ::pagebreak$/ },
    { what: 'a flag given a value', layout: 'official', template: 'ny/official/sections/twelve-month.md', line: 7, column: 1, text: ':checkbox[{{t "ny-form:twelve-month.same-as-above"}}]{checked="yes"}', message: /^:checkbox's "checked" takes no value: write \{checked\}$/ },
    { what: 'a value from data outside the allowed ones, in a partial', layout: 'official', template: 'partials/attendance.md', line: 9, column: 1, text: '::signer{name="{{nameAttr}}" role="{{roleAttr}}" attended="{{#if attended}}present{{else}}absent{{/if}}"}', message: /^::signer: attended="(present|absent)" is not one of yes, no$/ },
    { what: 'an unknown attribute in a later section, inside a loop', layout: 'family', template: 'common/family/sections/goals.md', line: 6, column: 1, text: ':::keep{tight}', message: /^:::keep has no "tight" attribute \(it takes none\)$/ },
  ] as const;

  it.each(cases)('$what gives a template-error naming $template and its line', ({ layout, template, line, column, text, message }) => {
    const file = changeTemplate(template, line, text, false);
    let composed: ReturnType<typeof composeDocument> | undefined;
    expect(() => (composed = composeDocument(minimal, { layout })), 'composeDocument reports, it does not throw').not.toThrow();
    expect(composed!.document).toBeUndefined();
    const errors = composed!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toMatchObject({ code: 'template-error', file, line, column });
      expect(error.message).toMatch(message);
      // The hint names the directives reference the installed package has (it has no src/).
      expect(error.hint).toMatch(/docs\/template-fields\.md/);
    }
  });

  it('reports an indented code block, which no renderer draws, at its template line', () => {
    const file = changeTemplate('common/family/sections/welcome.md', 5, '    {{student.name}} in code', true);
    const composed = composeDocument(minimal, { layout: 'family' });
    expect(composed.document).toBeUndefined();
    expect(composed.diagnostics).toEqual([
      expect.objectContaining({ code: 'template-error', file, line: 5, column: 5, message: expect.stringMatching(/code block .*has no place in a document/) }),
    ]);
  });
});

describe('directive declarations', () => {
  const directive = (markdown: string) => {
    const paragraphOrLeaf = parseMarkdown(markdown).children[0]!;
    return (paragraphOrLeaf.type === 'paragraph' ? paragraphOrLeaf.children[0] : paragraphOrLeaf) as DirectiveNode;
  };

  it('give the attributes typed, with defaults and flags', () => {
    expect(directiveAttributes(directive(':::callout\nx\n:::\n') as DirectiveNode<'callout'>)).toEqual({ kind: 'info' });
    expect(directiveAttributes(directive(':checkbox[a]{checked}') as DirectiveNode<'checkbox'>)).toEqual({ checked: true });
    expect(directiveAttributes(directive(':checkbox[a]') as DirectiveNode<'checkbox'>)).toEqual({ checked: false });
    expect(directiveAttributes(directive('::signer{name="A"}') as DirectiveNode<'signer'>)).toEqual({ name: 'A', role: undefined, attended: 'no' });
  });

  it('reject a signer outside its container, a missing label and what does not belong in a container', () => {
    expect(checkDirective(directive('::signer{name="A"}')).map((p) => p.message)).toEqual(['::signer is only allowed inside its container :::signatures']);
    const signatures = directive(':::signatures{name="N" role="R" attended="A" signature="S"}\n::signer{name=""}\nText\n:::\n');
    expect(checkDirective(signatures).map((p) => [p.node.type, p.message])).toEqual([
      ['leafDirective', '::signer\'s "name" attribute is empty'],
      ['paragraph', 'only ::signer lines belong inside :::signatures'],
      ['containerDirective', ':::signatures needs a "date" attribute'],
    ]);
  });
});
