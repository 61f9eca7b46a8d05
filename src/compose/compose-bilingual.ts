/**
 * The bilingual copy for interpreters: the official IEP of the profile in English beside the same IEP in another
 * language, part by part and table row by table row.
 *
 * Both sides are composed by the ordinary compose step from the same data and the same templates, once in English
 * and once in the other language, so their trees have the same shape: only the words differ. They are zipped block
 * by block into one tree. A heading, a paragraph or a list item becomes a `:::pair` of two `:::column`s, each with
 * its language and direction; a table keeps its columns and prints each English row followed by the same row
 * translated (`:language` cells), so an interpreter reads down one table and the form's columns stay where the form
 * has them. The layout's own note (templates/common/bilingual) is composed and paired the same way, before the form.
 *
 * Nothing is trusted to line up: the two trees are compared as they are zipped, and a difference is a
 * `bilingual-misaligned` diagnostic naming the section and the block, never a copy whose sides drift apart.
 */
import type { BlockContent, Heading, List, Root, RootContent, Table, TableRow } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { DEFAULT_LANGUAGE } from '../model/defaults.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { DocumentTree } from '../model/document.js';
import type { Iep } from '../model/iep.js';
import type { Language } from '../model/languages.js';
import type { LayoutName } from '../model/layouts.js';
import type { LayoutSource } from '../load/load-layout.js';
import { checkDocumentTree } from './check-document-tree.js';
import type { UntranslatedField } from './view-model.js';

/** What composing one layout in one language gives (composeDocument's result). */
export interface ComposedLayout {
  document?: DocumentTree;
  layout?: LayoutSource;
  untranslated: UntranslatedField[];
  diagnostics: Diagnostic[];
}

/** Composes one layout in one language: compose-document.ts passes its own, so this file needs no import of it. */
export type ComposeLayout = (layout: LayoutName, lang: Language) => ComposedLayout;

/**
 * The bilingual copy in `lang` (not English). `compose` composes a layout in a language with the caller's other
 * options (profile, page size, timestamp, templates and locales folders).
 */
export function composeBilingual(iep: Iep, lang: Language, compose: ComposeLayout): ComposedLayout {
  if (lang === DEFAULT_LANGUAGE) {
    return {
      untranslated: [],
      diagnostics: [
        {
          code: 'bilingual-language',
          severity: 'error',
          message: 'the bilingual copy prints English beside another language, and the language asked for is English',
          hint: 'give the other language, e.g. `--layout bilingual --lang ar`, or `--lang family` for the parents\' languages',
        },
      ],
    };
  }
  const parts = [compose('bilingual', DEFAULT_LANGUAGE), compose('official', DEFAULT_LANGUAGE), compose('bilingual', lang), compose('official', lang)];
  const diagnostics = parts.flatMap((p) => p.diagnostics);
  const [noteEn, formEn, noteXx, formXx] = parts;
  if (!noteEn!.document || !formEn!.document || !noteXx!.document || !formXx!.document) {
    return { untranslated: [], diagnostics: dedupe(diagnostics), layout: noteEn!.layout };
  }
  const en = [...noteEn!.document.body.children, ...formEn!.document.body.children];
  const xx = [...noteXx!.document.body.children, ...formXx!.document.body.children];
  const zipper = new Zipper(lang, formXx!.document.meta.dir);
  let children: RootContent[];
  try {
    children = zipper.blocks(en, xx);
  } catch (error) {
    if (!(error instanceof Misaligned)) throw error;
    return { untranslated: [], diagnostics: [...dedupe(diagnostics), misalignedDiagnostic(error, lang)], layout: noteEn!.layout };
  }
  const body: Root = { type: 'root', children };
  // The zipped tree holds only what the two checked trees held, in pairs and columns: checked again all the same,
  // so a mistake here is found before a renderer meets it.
  const [problem] = checkDocumentTree(body);
  if (problem) throw new Error(`the bilingual tree is not a valid document tree: ${problem.message}`);
  const meta = noteEn!.document.meta;
  return {
    document: { meta: { ...meta, pairedLang: lang }, body },
    layout: noteEn!.layout,
    // The fields printed untranslated are those of the translated side (the English side has them all).
    untranslated: formXx!.untranslated,
    diagnostics: dedupe(diagnostics),
  };
}

/** The two sides differ at `where` (under the heading `section`). */
class Misaligned extends Error {
  constructor(
    readonly where: string,
    readonly section: string,
    readonly english: string,
    readonly translated: string,
  ) {
    super(`${where}: ${english} in English, ${translated} in the translation`);
  }
}

function misalignedDiagnostic(error: Misaligned, lang: Language): Diagnostic {
  return {
    code: 'bilingual-misaligned',
    severity: 'error',
    path: error.where,
    message: `the English and ${lang} official IEPs do not line up ${error.section ? `in "${error.section}" ` : ''}at ${error.where}: ${error.english} in English, ${error.translated} in ${lang}`,
    hint: 'a template or a label gives the two languages a different structure; this is a bug in iepkit: please report it with this message',
  };
}

/** The loading warnings of one record, once: the four composes repeat them. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One node's shape in words, for a diagnostic: "a table of 3 rows", "a heading (level 2)". */
function describe(node: RootContent | undefined): string {
  if (!node) return 'nothing';
  switch (node.type) {
    case 'table':
      return `a table of ${node.children.length} rows and ${node.children[0]?.children.length ?? 0} columns`;
    case 'list':
      return `a list of ${node.children.length} items`;
    case 'heading':
      return `a heading (level ${node.depth})`;
    case 'containerDirective':
    case 'leafDirective':
      return `a :${node.name} directive`;
    default:
      return `a ${node.type}`;
  }
}

class Zipper {
  /** The heading the blocks being zipped stand under, for a diagnostic. */
  private section = '';

  constructor(
    private readonly lang: Language,
    private readonly dir: 'ltr' | 'rtl',
  ) {}

  /**
   * Two sequences of blocks, at `where` (a path like `body[12]`), as one. They are cut at their headings, which
   * only templates and labels write (data is escaped), so both have the same headings in the same order, or the
   * templates are wrong (`bilingual-misaligned`). Within one heading's part the blocks are paired one to one as far
   * as both have the same shape from the start and from the end; what lies between (a translation written in two
   * paragraphs where the English has one) is one pair of its own, whole on each side.
   */
  blocks(en: readonly RootContent[], xx: readonly RootContent[], where = 'body'): RootContent[] {
    const enParts = cutAtHeadings(en);
    const xxParts = cutAtHeadings(xx);
    if (enParts.length !== xxParts.length) this.firstDifference(en, xx, where);
    const out: RootContent[] = [];
    let offset = 0;
    enParts.forEach((part, i) => {
      const other = xxParts[i]!;
      const [a, b] = [part[0]!, other[0]!];
      if (a.type === 'heading' || b.type === 'heading') this.check(a, b, `${where}[${offset}]`);
      out.push(...this.part(part, other, where, offset));
      offset += part.length;
    });
    return out;
  }

  /** One heading's part: the common start and end paired block by block, a differing middle as one pair. */
  private part(en: readonly RootContent[], xx: readonly RootContent[], where: string, offset: number): RootContent[] {
    const shortest = Math.min(en.length, xx.length);
    let start = 0;
    while (start < shortest && sameShape(en[start]!, xx[start]!)) start++;
    let end = 0;
    while (end < shortest - start && sameShape(en[en.length - 1 - end]!, xx[xx.length - 1 - end]!)) end++;
    if (start === en.length && start === xx.length) return this.aligned(en, xx, where, offset);
    // Paragraphs always have the same shape, so where they start to differ is not where the texts do: the differing
    // middle takes the paragraphs (and the heading) around it, and the passage is read whole beside its translation.
    const loose = (node: RootContent) => node.type === 'paragraph' || node.type === 'heading';
    while (start > 0 && loose(en[start - 1]!)) start--;
    while (end > 0 && en[en.length - end]!.type === 'paragraph') end--;
    return [
      ...this.aligned(en.slice(0, start), xx.slice(0, start), where, offset),
      this.pair(en.slice(start, en.length - end), xx.slice(start, xx.length - end)),
      ...this.aligned(en.slice(en.length - end), xx.slice(xx.length - end), where, offset + en.length - end),
    ];
  }

  /** Blocks of the same shapes, paired one by one. */
  private aligned(en: readonly RootContent[], xx: readonly RootContent[], where: string, offset: number): RootContent[] {
    const out: RootContent[] = [];
    for (let i = 0; i < en.length; i++) {
      // Headings go into one pair with the paragraph after them, so a heading is never left at the foot of a page
      // away from its text (each pair is a block of its own in both renderers).
      let end = i;
      while (en[end]?.type === 'heading') end++;
      if (end > i && en[end]?.type === 'paragraph') {
        this.section = toString(en[end - 1]!);
        out.push(this.pair(en.slice(i, end + 1), xx.slice(i, end + 1)));
        i = end;
        continue;
      }
      out.push(...this.block(en[i]!, xx[i]!, `${where}[${offset + i}]`));
    }
    return out;
  }

  /** Where two sequences of blocks with different headings part: the first block that differs, under its heading. */
  private firstDifference(en: readonly RootContent[], xx: readonly RootContent[], where: string): never {
    const headings = (blocks: readonly RootContent[]) => blocks.flatMap((node, i) => (node.type === 'heading' ? [i] : []));
    const [enAt, xxAt] = [headings(en), headings(xx)];
    let h = 0;
    while (h < enAt.length && h < xxAt.length && (en[enAt[h]!] as Heading).depth === (xx[xxAt[h]!] as Heading).depth) h++;
    const previous = h > 0 ? toString(en[enAt[h - 1]!]!) : this.section;
    throw new Misaligned(`${where}[${enAt[h] ?? en.length}]`, previous, `${describe(en[enAt[h]!])} (of ${enAt.length} headings)`, `${describe(xx[xxAt[h]!])} (of ${xxAt.length} headings)`);
  }

  /** Two headings that must be the same heading: the same level. */
  private check(a: RootContent, b: RootContent, where: string): void {
    if (a.type !== b.type || (a.type === 'heading' && (b as Heading).depth !== a.depth)) throw new Misaligned(where, this.section, describe(a), describe(b));
  }

  private block(a: RootContent, b: RootContent, where: string): RootContent[] {
    const differ = () => new Misaligned(where, this.section, describe(a), describe(b));
    if (a.type !== b.type) throw differ();
    switch (a.type) {
      case 'heading':
        if ((b as Heading).depth !== a.depth) throw differ();
        this.section = toString(a);
        return [this.pair([a], [b])];
      case 'table':
        return [this.table(a, b as Table, where, differ)];
      case 'list':
        return this.list(a, b as List, differ);
      case 'thematicBreak':
        return [a];
      case 'leafDirective':
      case 'containerDirective': {
        const other = b as typeof a;
        if (other.name !== a.name) throw differ();
        if (a.name === 'pagebreak') return [a];
        // One attendance table with its labels and roles in both languages: two tables, one under the other, asked
        // every member to sign twice.
        if (a.name === 'signatures') return [this.signatures(a as ContainerDirective, other as ContainerDirective, differ)];
        if (a.type === 'containerDirective') {
          // :::keep and :::callout hold blocks: their content is zipped, the container kept once.
          return [{ ...a, children: this.blocks(a.children, (other as ContainerDirective).children, `${where}.children`) as ContainerDirective['children'] }];
        }
        return [this.pair([a], [other])];
      }
      default:
        return [this.pair([a], [b])];
    }
  }

  /**
   * The attendance and signature table once: the English one, given the translated labels and roles as its paired
   * attributes (the renderers print "Name / الاسم", each part in its language). Both list the same members in order.
   */
  private signatures(a: ContainerDirective, b: ContainerDirective, differ: () => Misaligned): ContainerDirective {
    if (a.children.length !== b.children.length) throw differ();
    const given = (attributes: Record<string, string | null | undefined>) =>
      Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const xx = b.attributes ?? {};
    const paired = { pairedLang: this.lang, pairedDir: this.dir, pairedName: xx.name, pairedRole: xx.role, pairedAttended: xx.attended, pairedSignature: xx.signature, pairedDate: xx.date, pairedYes: xx.yes, pairedNo: xx.no };
    const children = a.children.map((signer, i) => {
      const other = b.children[i]!;
      if (signer.type !== 'leafDirective' || other.type !== 'leafDirective' || signer.attributes?.name !== other.attributes?.name) throw differ();
      return { ...signer, attributes: given({ ...signer.attributes, pairedRole: other.attributes?.role }) };
    });
    return { ...a, attributes: given({ ...a.attributes, ...paired }), children };
  }

  /** The two languages' versions of some blocks, side by side. */
  private pair(en: RootContent[], xx: RootContent[]): ContainerDirective {
    return {
      type: 'containerDirective',
      name: 'pair',
      attributes: {},
      children: [this.column(DEFAULT_LANGUAGE, 'ltr', en), this.column(this.lang, this.dir, xx)],
    };
  }

  private column(lang: string, dir: 'ltr' | 'rtl', children: RootContent[]): ContainerDirective {
    return { type: 'containerDirective', name: 'column', attributes: { lang, dir }, children: children as BlockContent[] };
  }

  /** One pair per item, so a long goal and its translation start on the same line; numbering is kept. */
  private list(a: List, b: List, differ: () => Misaligned): RootContent[] {
    if (a.children.length !== b.children.length || Boolean(a.ordered) !== Boolean(b.ordered)) throw differ();
    return a.children.map((item, i) => {
      const one = (list: List, child: (typeof list.children)[number]): List => ({
        ...list,
        ...(list.ordered ? { start: (list.start ?? 1) + i } : {}),
        children: [child],
      });
      return this.pair([one(a, item)], [one(b, b.children[i]!)]);
    });
  }

  /**
   * One table: each English row, then the same row translated, its cells marked with the language and direction.
   * A header row with nothing in it (a table of labels and values) stays one empty row; a header with column
   * names is followed by the translated names in bold.
   */
  private table(a: Table, b: Table, where: string, differ: () => Misaligned): Table {
    if (a.children.length !== b.children.length) throw differ();
    const rows: TableRow[] = [];
    a.children.forEach((row, r) => {
      const other = b.children[r]!;
      if (row.children.length !== other.children.length) throw new Misaligned(`${where}.children[${r}]`, this.section, `a row of ${row.children.length} cells`, `a row of ${other.children.length} cells`);
      rows.push(row);
      const empty = (tr: TableRow) => tr.children.every((cell) => toString(cell).trim() === '');
      if (r === 0 && empty(row) && empty(other)) return;
      rows.push({
        type: 'tableRow',
        children: other.children.map((cell) => ({
          type: 'tableCell',
          children: cell.children.length === 0 ? [] : [this.language(r === 0 ? [{ type: 'strong', children: cell.children }] : cell.children)],
        })),
      });
    });
    return { ...a, children: rows };
  }

  private language(children: TextDirective['children']): TextDirective {
    return { type: 'textDirective', name: 'language', attributes: { lang: this.lang, dir: this.dir }, children };
  }
}

/** Blocks cut before each heading: the blocks before the first heading, then each heading with what follows it. */
function cutAtHeadings(blocks: readonly RootContent[]): RootContent[][] {
  const parts: RootContent[][] = [[]];
  for (const block of blocks) {
    if (block.type === 'heading' && parts[parts.length - 1]!.length > 0) parts.push([]);
    parts[parts.length - 1]!.push(block);
  }
  return parts[0]!.length === 0 ? [] : parts;
}

/** Whether two blocks can be zipped part by part: the same kind, and the same rows, items and children inside. */
function sameShape(a: RootContent, b: RootContent): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'heading':
      return (b as Heading).depth === a.depth;
    case 'table':
      return a.children.length === (b as Table).children.length && a.children.every((row, r) => row.children.length === (b as Table).children[r]!.children.length);
    case 'list':
      return Boolean(a.ordered) === Boolean((b as List).ordered) && a.children.length === (b as List).children.length;
    case 'leafDirective':
      return a.name === (b as typeof a).name;
    case 'containerDirective': {
      const other = b as typeof a;
      return a.name === other.name && a.children.length === other.children.length && a.children.every((child, i) => sameShape(child, other.children[i]!));
    }
    default:
      return true;
  }
}
