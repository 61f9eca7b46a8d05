/**
 * The handler maps are typed complete: every node type a document tree holds and every directive has a DOCX
 * handler, and every directive an HTML handler, or the code does not compile. `npm run typecheck` compiles this
 * file (tsconfig.json includes test/), so each `@ts-expect-error` below fails the build if the map it annotates
 * stops being an error, that is, if a handler could be left out. The runtime checks say the same of the objects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_NODE_TYPES, INLINE_NODE_TYPES } from '../../../src/model/document.js';
import { DIRECTIVES, type HandledDirectiveName } from '../../../src/model/directives.js';
import type { Handlers } from '../../../src/render/docx/context.js';
import { handlers } from '../../../src/render/docx/handlers.js';
import { renderDocx } from '../../../src/render/docx/render-docx.js';
import { tree } from './helpers.js';
import { DIRECTIVE_HANDLERS, type DirectiveHandlers } from '../../../src/render/html/directive-handlers.js';

const { heading: _heading, ...blockWithoutHeading } = handlers.block;
const { delete: _delete, ...inlineWithoutDelete } = handlers.inline;
const { callout: _callout, ...directiveWithoutCallout } = handlers.directive;
const { checkbox: _checkbox, ...htmlWithoutCheckbox } = DIRECTIVE_HANDLERS;

// @ts-expect-error a DOCX map without a heading handler does not compile
const missingBlock: Handlers = { ...handlers, block: blockWithoutHeading };
// @ts-expect-error a DOCX map without a strikethrough (delete) handler does not compile
const missingInline: Handlers = { ...handlers, inline: inlineWithoutDelete };
// @ts-expect-error a DOCX map without a callout handler does not compile
const missingDirective: Handlers = { ...handlers, directive: directiveWithoutCallout };
// @ts-expect-error an HTML directive map without a checkbox handler does not compile
const missingHtml: DirectiveHandlers = htmlWithoutCheckbox;
// @ts-expect-error a text directive's DOCX handler gives inlines, not blocks: the keep handler does not fit checkbox
const wrongKind: Handlers = { ...handlers, directive: { ...handlers.directive, checkbox: handlers.directive.keep } };

/** Directives a renderer dispatches: all but those read by their container (::signer). */
const handled = Object.entries(DIRECTIVES)
  .filter(([, spec]) => !('inside' in spec))
  .map(([name]) => name as HandledDirectiveName)
  .sort();

describe('the handler maps', () => {
  it('have a DOCX handler for every block and inline node type a document tree holds', () => {
    expect(Object.keys(handlers.block).sort()).toEqual([...BLOCK_NODE_TYPES].sort());
    expect(Object.keys(handlers.inline).sort()).toEqual([...INLINE_NODE_TYPES].sort());
  });

  it('have a DOCX and an HTML handler for every directive but ::signer, which :::signatures reads', () => {
    expect(handled).not.toContain('signer');
    expect(Object.keys(handlers.directive).sort()).toEqual(handled);
    expect(Object.keys(DIRECTIVE_HANDLERS).sort()).toEqual(handled);
  });

  it('miss the entry the type errors above are about', () => {
    expect([missingBlock.block, missingInline.inline, missingDirective.directive, missingHtml].map((map) => Object.keys(map).length)).toEqual([
      BLOCK_NODE_TYPES.length - 1,
      INLINE_NODE_TYPES.length - 1,
      handled.length - 1,
      handled.length - 1,
    ]);
    expect(wrongKind.directive.checkbox).toBe(handlers.directive.keep);
  });
});

describe('the DOCX handler files', () => {
  // They imported the map to recurse into children and the map imported them: 14 files in one import cycle.
  it('recurse through the context and never import the handler map (only render-docx.ts does)', () => {
    const dir = path.join(import.meta.dirname, '../../../src/render/docx');
    const importers = readdirSync(dir).filter((file) => /from '\.\/handlers\.js'/.test(readFileSync(path.join(dir, file), 'utf8')));
    expect(importers).toEqual(['render-docx.ts']);
  });
});

describe('DOCX dispatch of a tree compose did not check', () => {
  it('rejects a directive its declaration rejects, at the node, instead of reading a bad value as a default', async () => {
    const signatures = ':::signatures{name="N" role="R" attended="A" signature="S" date="D"}\n::signer{name="A" attended="maybe"}\n:::\n';
    await expect(renderDocx(tree(signatures))).rejects.toThrow(
      'cannot render leafDirective:signer at 2:1 in DOCX: ::signer: attended="maybe" is not one of yes, no',
    );
    await expect(renderDocx(tree('A :strength[reads well]{id="s1" class="x"} b.\n'))).rejects.toThrow(
      'cannot render textDirective:strength at 1:3 in DOCX: :strength has no "class" attribute (it takes id)',
    );
  });
});
