/**
 * The directives of the document tree, declared once: what Markdown lacks (page break, keep-together, signature
 * lines, callouts, checkboxes, strengths and "builds on" notes, untranslated text). Syntax is remark-directive's:
 *   text       `:name[label]{attr="value"}` inside a paragraph
 *   leaf       `::name[label]{attr="value"}` on its own line
 *   container  `:::name{attr="value"}` ... `:::`
 *
 * Compose checks every directive of a composed tree against these declarations (checkDirective), so a template
 * mistake is a located template-error; the renderers read the attributes typed (directiveAttributes), one handler
 * per directive in each renderer, and a handler map that misses a directive does not compile.
 */
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';

export type DirectiveKind = 'text' | 'leaf' | 'container';

export interface AttributeSpec {
  /** The directive is wrong without it. */
  readonly required?: boolean;
  /** When given, a value must be non-empty. */
  readonly nonEmpty?: boolean;
  /** The only values allowed; any text when absent. */
  readonly values?: readonly string[];
  /** The value when the attribute is absent. */
  readonly default?: string;
  /** Written without a value (`{checked}`): present or not. */
  readonly flag?: boolean;
}

export interface DirectiveSpec {
  readonly kind: DirectiveKind;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  /** The container it belongs in (::signer in :::signatures): valid only directly inside it, which reads it. */
  readonly inside?: string;
  /** The only directive a container holds (:::signatures holds ::signer lines and nothing else, :::pair :::column). */
  readonly only?: string;
}

/** Any text, or absent. */
const freeText = {};
/** A localized label the template must give. */
const label = { required: true } as const;

export const DIRECTIVES = {
  /** `::pagebreak`: start a new page. */
  pagebreak: { kind: 'leaf', attributes: {} },
  /** `:::keep`: keep the content on one page when it fits (headings with what follows, short tables). */
  keep: { kind: 'container', attributes: {} },
  /**
   * `:::signatures{name role attended signature date yes no}` holding `::signer` lines: the team attendance and
   * signature block. The attributes are the localized column labels and the localized yes/no of the Attended column
   * (a ballot box when absent). The bilingual copy adds the same labels in a second language (`pairedLang`,
   * `pairedDir`, `pairedName`...), printed after each English one: one table for both languages.
   */
  signatures: {
    kind: 'container',
    attributes: {
      name: label,
      role: label,
      attended: label,
      signature: label,
      date: label,
      yes: freeText,
      no: freeText,
      pairedLang: freeText,
      pairedDir: { values: ['ltr', 'rtl'], default: 'ltr' },
      pairedName: freeText,
      pairedRole: freeText,
      pairedAttended: freeText,
      pairedSignature: freeText,
      pairedDate: freeText,
      pairedYes: freeText,
      pairedNo: freeText,
    },
    only: 'signer',
  },
  /**
   * `::signer{name="..." role="..." attended="yes|no"}`: one team member's row, only inside `:::signatures`;
   * `pairedRole` is the role in the container's `pairedLang`.
   */
  signer: {
    kind: 'leaf',
    attributes: { name: { required: true, nonEmpty: true }, role: freeText, pairedRole: freeText, attended: { values: ['yes', 'no'], default: 'no' } },
    inside: 'signatures',
  },
  /** `:checkbox[label]{checked}` (or without `checked`): a ballot box with its label, as on the NY form. */
  checkbox: { kind: 'text', attributes: { checked: { flag: true } } },
  /** `:::callout{kind="info|notice|important"}`: a shaded, bordered box (notices, "what this means"). */
  callout: { kind: 'container', attributes: { kind: { values: ['info', 'notice', 'important'], default: 'info' } } },
  /** `:strength[text]{id="..."}`: a strength goals can link to (HTML anchor / DOCX bookmark `strength-<id>`). */
  strength: { kind: 'text', attributes: { id: freeText } },
  /** `::buildson[label]{ref="id"}`: "Builds on: <strength>" under a goal, linking to it; an empty ref links nowhere. */
  buildson: { kind: 'leaf', attributes: { ref: freeText } },
  /**
   * `:untranslated[text]{lang="en" note="..." path="..."}`: text shown in another language where a translation is
   * missing, visibly marked with the note; `path` names the IEP field (compose reports what is printed untranslated).
   */
  untranslated: { kind: 'text', attributes: { lang: freeText, note: freeText, path: freeText } },
  /**
   * `:placeholder[text]`: a part of an incomplete draft still to be written ("[to be written: Legal first name]"),
   * visibly marked. Compose puts it in the tree only for a draft's preview (its `placeholders` option), never from a
   * template.
   */
  placeholder: { kind: 'text', attributes: {} },
  /**
   * `:::pair{stack}` holding two `:::column` containers: the same part of the document in two languages (the
   * bilingual copy, src/compose/compose-bilingual.ts), side by side, or one under the other with `stack` (wide
   * content). Reading order is the first column, then the second.
   */
  pair: { kind: 'container', attributes: { stack: { flag: true } }, only: 'column' },
  /** `:::column{lang="ar" dir="rtl"}`: one language's side of a `:::pair`, only inside it, which reads it. */
  column: { kind: 'container', attributes: { lang: { required: true, nonEmpty: true }, dir: { values: ['ltr', 'rtl'], default: 'ltr' } }, inside: 'pair' },
  /** `:language[text]{lang="ar" dir="rtl"}`: text in another language than the document's (a translated table row). */
  language: { kind: 'text', attributes: { lang: { required: true, nonEmpty: true }, dir: { values: ['ltr', 'rtl'], default: 'ltr' } } },
  /**
   * `::chart[caption]{alt="..." spec="..."}`: a progress chart (src/model/progress-chart.ts), drawn by the one SVG
   * builder: inline SVG in a figure in the HTML/PDF, the same SVG as a PNG in the DOCX. `alt` is its text
   * alternative (the trend in words), the label its visible caption.
   */
  chart: { kind: 'leaf', attributes: { alt: { required: true, nonEmpty: true }, spec: { required: true, nonEmpty: true } } },
  /**
   * `:inserted[text]{label="added:" author="..." date="2026-12-01"}` and `:deleted[...]` (the same attributes): a
   * change since the earlier version in a redline of the official IEP (src/compose/redline/). The HTML prints the
   * localized label visibly before the text (so a screen reader reading the PDF announces it) and underlines or
   * strikes the text through; the DOCX writes a Word tracked change (w:ins / w:del) by `author` on `date`.
   */
  inserted: { kind: 'text', attributes: { label: label, author: label, date: label } },
  deleted: { kind: 'text', attributes: { label: label, author: label, date: label } },
} as const satisfies Record<string, DirectiveSpec>;

export type DirectiveName = keyof typeof DIRECTIVES;

/**
 * The directives a renderer dispatches to a handler of its own: all but those declared `inside` a container
 * (::signer), which their container reads.
 */
export type HandledDirectiveName = {
  [N in DirectiveName]: (typeof DIRECTIVES)[N] extends { inside: string } ? never : N;
}[DirectiveName];

type Spec<N extends DirectiveName> = (typeof DIRECTIVES)[N];

interface NodeOfKind {
  text: TextDirective;
  leaf: LeafDirective;
  container: ContainerDirective;
}

/** The mdast node of a directive: `DirectiveNode<'callout'>` is a ContainerDirective named callout. */
export type DirectiveNode<N extends DirectiveName = DirectiveName> = N extends DirectiveName
  ? NodeOfKind[Spec<N>['kind']] & { name: N }
  : never;

type AttributeValue<S> = S extends { flag: true } ? boolean : S extends { values: readonly (infer V)[] } ? V : string;
type Present<S> = S extends { required: true } ? true : S extends { default: string } ? true : S extends { flag: true } ? true : false;

/** The typed attributes of a directive: `{ kind: 'info' | 'notice' | 'important' }` for a callout. */
export type DirectiveAttributes<N extends DirectiveName> = {
  readonly [A in keyof Spec<N>['attributes']]: Present<Spec<N>['attributes'][A]> extends true
    ? AttributeValue<Spec<N>['attributes'][A]>
    : AttributeValue<Spec<N>['attributes'][A]> | undefined;
};

type AnyDirective = ContainerDirective | LeafDirective | TextDirective;

export function isDirectiveName(name: string): name is DirectiveName {
  return Object.prototype.hasOwnProperty.call(DIRECTIVES, name);
}

export function directiveKind(node: { type: string }): DirectiveKind {
  return node.type === 'textDirective' ? 'text' : node.type === 'leafDirective' ? 'leaf' : 'container';
}

const SYNTAX: Record<DirectiveKind, string> = { text: ':', leaf: '::', container: ':::' };

/** How a directive is written: `:::callout`, `::signer`. */
export function directiveSyntax(name: string, kind: DirectiveKind): string {
  return `${SYNTAX[kind]}${name}`;
}

export interface DirectiveProblem {
  /** The node the problem is at: the directive, or a child that does not belong in it. */
  node: { type: string; position?: { start: { line: number; column: number } } | undefined };
  message: string;
}

/**
 * What is wrong with one directive node, in the words a template author needs: an unknown directive, the wrong
 * kind (`:pagebreak` for `::pagebreak`), a directive outside its container or a container holding what it should
 * not, an unknown or missing attribute, a value outside the allowed ones. `parent` is the node it sits in. A
 * container that holds only one directive (:::signatures) checks those too: they are read by it, not on their own.
 */
export function checkDirective(node: AnyDirective, parent?: { type: string; name?: string }): DirectiveProblem[] {
  const kind = directiveKind(node);
  const written = directiveSyntax(node.name, kind);
  const at = (message: string, where: DirectiveProblem['node'] = node) => ({ node: where, message });
  if (!isDirectiveName(node.name)) {
    return [at(`"${node.name}" is not a directive (${written}); the directives are ${Object.keys(DIRECTIVES).join(', ')}`)];
  }
  const spec: DirectiveSpec = DIRECTIVES[node.name];
  if (spec.kind !== kind) {
    return [at(`"${node.name}" is a ${spec.kind} directive, not a ${kind} directive: write ${directiveSyntax(node.name, spec.kind)}`)];
  }
  const problems: DirectiveProblem[] = [];
  const parentName = parent?.type.endsWith('Directive') ? parent.name : undefined;
  if (spec.inside && parentName !== spec.inside) {
    problems.push(at(`${written} is only allowed inside its container ${syntaxOf(spec.inside)}`));
  }
  if (spec.only && node.type === 'containerDirective') {
    for (const child of node.children) {
      if (!('name' in child) || child.name !== spec.only || directiveKind(child) !== (DIRECTIVES as Record<string, DirectiveSpec>)[spec.only]!.kind) {
        problems.push(at(`only ${syntaxOf(spec.only)} lines belong inside ${written}`, child));
      } else {
        problems.push(...checkDirective(child, node));
      }
    }
  }
  const attributes = node.attributes ?? {};
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = spec.attributes[name];
    if (!attribute) {
      const known = Object.keys(spec.attributes);
      problems.push(at(`${written} has no "${name}" attribute (${known.length ? `it takes ${known.join(', ')}` : 'it takes none'})`));
    } else if (attribute.flag) {
      if (value) problems.push(at(`${written}'s "${name}" takes no value: write {${name}}`));
    } else if (attribute.values && !attribute.values.includes(value ?? '')) {
      problems.push(at(`${written}: ${name}="${value ?? ''}" is not one of ${attribute.values.join(', ')}`));
    } else if (attribute.nonEmpty && !value) {
      problems.push(at(`${written}'s "${name}" attribute is empty`));
    }
  }
  for (const [name, attribute] of Object.entries(spec.attributes)) {
    if (attribute.required && typeof attributes[name] !== 'string') problems.push(at(`${written} needs a "${name}" attribute`));
  }
  return problems;
}

function syntaxOf(name: string): string {
  return directiveSyntax(name, (DIRECTIVES as Record<string, DirectiveSpec>)[name]!.kind);
}

/**
 * The attributes of a directive that checkDirective found nothing wrong with, typed, defaults applied. The
 * renderers read attributes only through this.
 */
export function directiveAttributes<N extends DirectiveName>(node: DirectiveNode<N>): DirectiveAttributes<N> {
  const spec: DirectiveSpec = DIRECTIVES[node.name as DirectiveName];
  const given = node.attributes ?? {};
  const out: Record<string, string | boolean | undefined> = {};
  for (const [name, attribute] of Object.entries(spec.attributes)) {
    const value = given[name];
    out[name] = attribute.flag ? typeof value === 'string' : typeof value === 'string' ? value : attribute.default;
  }
  return out as DirectiveAttributes<N>;
}
