/**
 * A TMX 1.4b file (LISA's Translation Memory eXchange, the format every CAT tool imports and exports) read and
 * written with fast-xml-parser in its order-preserving form, so that what another tool wrote (properties, notes,
 * comments, inline markup, its own attributes) comes back out as it was; iepkit only adds units and variants.
 *
 * Hostile input: a DOCTYPE with an internal subset and any entity but XML's five and character references are
 * refused (an entity can expand without end, or name a file to read); a bare `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, as
 * OmegaT writes, is kept and never fetched. The size is bounded and the parser limits nesting.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Diagnostic } from '../model/diagnostic.js';
import { lineColumnAt } from '../load/source-map.js';

/** Larger than any folder's memory of IEP sentences (a few MB for hundreds of students in 11 languages). */
export const MAX_TMX_BYTES = 32 * 1024 * 1024;

/** fast-xml-parser's order-preserving node: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** One `<tuv>` of a unit: its language and the text of its `<seg>` (undefined when the seg has inline markup). */
export interface TmxVariant {
  lang: string;
  text: string | undefined;
  node: XmlNode;
}

export interface TmxUnit {
  node: XmlNode;
  variants: TmxVariant[];
}

const TEXT = '#text';
const CDATA = '#cdata';
const COMMENT = '#comment';
const ATTRS = ':@';

const PARSE_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  commentPropName: COMMENT,
  cdataPropName: CDATA,
} as const;

const BUILD_OPTIONS = {
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  commentPropName: COMMENT,
  cdataPropName: CDATA,
  format: false,
  suppressEmptyNode: true,
  processEntities: true,
} as const;

/** Where a problem is, for a diagnostic: the file, line and column. */
type Problem = { message: string; offset?: number; line?: number; column?: number };

export class TmxDocument {
  private constructor(
    private readonly tree: XmlNode[],
    private readonly body: XmlNode[],
    /** A DOCTYPE naming the DTD only (no internal subset), kept as written. */
    private readonly doctype: string | undefined,
  ) {}

  /** An empty memory: English as the source language, sentences as the segments. */
  static create(toolVersion: string): TmxDocument {
    const text =
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<tmx version="1.4">\n' +
      `  <header creationtool="iepkit" creationtoolversion="${escapeAttribute(toolVersion)}" segtype="sentence" o-tmf="iepkit" adminlang="en" srclang="en" datatype="plaintext"/>\n` +
      '  <body>\n  </body>\n' +
      '</tmx>\n';
    const parsed = TmxDocument.parse(text, '<new memory>');
    if (!parsed.tmx) throw new Error('the empty translation memory does not parse');
    return parsed.tmx;
  }

  /** Reads a TMX file's text; refuses, with a located diagnostic, what is not well-formed TMX or is hostile. */
  static parse(text: string, file: string): { tmx?: TmxDocument; diagnostics: Diagnostic[] } {
    const fail = (problem: Problem) => {
      const at = problem.offset !== undefined ? lineColumnAt(text, problem.offset) : { line: problem.line ?? 1, column: problem.column ?? 1 };
      const diagnostic: Diagnostic = {
        code: 'memory-malformed',
        severity: 'error',
        file,
        ...at,
        message: `the translation memory cannot be read: ${problem.message}`,
        hint: 'restore the file from a backup, or move it away to start a new memory; it is not overwritten',
      };
      return { diagnostics: [diagnostic] };
    };
    if (text.length > MAX_TMX_BYTES) return fail({ message: `it is larger than ${MAX_TMX_BYTES / 1024 / 1024} MB` });
    const entity = /<!ENTITY/.exec(text);
    if (entity) return fail({ message: 'it declares an entity (<!ENTITY), which is refused', offset: entity.index });
    const doctype = /<!DOCTYPE[^>[]*(\[|>)/.exec(text);
    if (doctype?.[1] === '[') return fail({ message: 'its DOCTYPE has an internal subset ([...]), which is refused', offset: doctype.index });
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
      // Elements left open (the validator names them, at line 1): the file ends too soon; say so where it ends.
      const open = /^Invalid '\[(.*)\]' found\.$/s.exec(valid.err.msg);
      if (open) {
        const tags = [...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => `<${m[1]}>`);
        return fail({ message: `it is not well-formed XML: it ends before ${tags.join(', ')} ${tags.length === 1 ? 'is' : 'are'} closed (is it cut short?)`, offset: text.length });
      }
      return fail({ message: `it is not well-formed XML (${valid.err.msg})`, line: valid.err.line, column: valid.err.col });
    }

    const decoder = new XmlEntityDecoder();
    let tree: XmlNode[];
    try {
      tree = new XMLParser({ ...PARSE_OPTIONS, entityDecoder: decoder }).parse(text) as XmlNode[];
    } catch (error) {
      return fail({ message: error instanceof Error ? error.message : 'the XML parser failed' });
    }
    if (decoder.refused) return fail({ message: `it uses ${decoder.refused}, which is refused (TMX needs only &amp; &lt; &gt; &quot; &apos; and character references)`, offset: Math.max(0, text.indexOf(decoder.refused)) });
    const root = tree.find((node) => !(TEXT in node) && !(COMMENT in node) && !tagOf(node).startsWith('?'));
    if (!root || tagOf(root) !== 'tmx') return fail({ message: `its root element is <${root ? tagOf(root) : 'nothing'}>, not <tmx>` });
    const body = children(root).find((node) => tagOf(node) === 'body');
    if (!body) return fail({ message: 'it has no <body>', offset: Math.max(0, text.indexOf('<tmx')) });
    const bodyChildren = children(body);
    // `<body/>`: the parser gives no child list; make one so units can be added.
    body.body = bodyChildren;
    return { tmx: new TmxDocument(tree, bodyChildren, doctype ? doctype[0] : undefined), diagnostics: [] };
  }

  /** The units (`<tu>`) with their variants, in file order. */
  units(): TmxUnit[] {
    return this.body
      .filter((node) => tagOf(node) === 'tu')
      .map((tu) => ({
        node: tu,
        variants: children(tu)
          .filter((node) => tagOf(node) === 'tuv')
          .map((tuv) => ({ lang: tuv[ATTRS]?.['xml:lang'] ?? tuv[ATTRS]?.lang ?? '', text: segText(tuv), node: tuv })),
      }));
  }

  /** Adds a unit holding `variants` (language -> sentence), indented like the units written before it. */
  addUnit(variants: [string, string][], date: string): TmxUnit {
    const indent = indentBefore(this.body, (node) => tagOf(node) === 'tu') ?? '\n    ';
    const tu: XmlNode = { tu: [], [ATTRS]: { creationdate: date, creationtool: 'iepkit' } };
    const unit: TmxUnit = { node: tu, variants: [] };
    for (const [lang, text] of variants) this.addVariant(unit, lang, text, date, `${indent}  `);
    insertBeforeTrailingSpace(this.body, [{ [TEXT]: indent }, tu], indent.slice(0, -2));
    return unit;
  }

  /** Adds a `<tuv>` for `lang` to a unit. */
  addVariant(unit: TmxUnit, lang: string, text: string, date: string, indent?: string): void {
    const list = children(unit.node);
    unit.node.tu = list;
    const at = indent ?? indentBefore(list, (node) => tagOf(node) === 'tuv') ?? '\n      ';
    const tuv: XmlNode = { tuv: [{ seg: [{ [TEXT]: text }] }], [ATTRS]: { 'xml:lang': lang, creationdate: date } };
    insertBeforeTrailingSpace(list, [{ [TEXT]: at }, tuv], at.slice(0, -2));
    unit.variants.push({ lang, text, node: tuv });
  }

  /** Replaces a variant's sentence (a `<seg>` with inline markup is replaced whole). */
  setVariant(variant: TmxVariant, text: string, date: string): void {
    const list = children(variant.node);
    const seg = list.find((node) => tagOf(node) === 'seg');
    if (seg) seg.seg = [{ [TEXT]: text }];
    else list.push({ seg: [{ [TEXT]: text }] });
    variant.node.tuv = list;
    variant.node[ATTRS] = { ...variant.node[ATTRS], changedate: date };
    variant.text = text;
  }

  /** The file's text: the XML declaration, the DOCTYPE if there was one, the rest as parsed and changed. */
  toString(): string {
    // Written as UTF-8 whatever the file was read as (some tools write UTF-16): the declaration must say so.
    const built = (new XMLBuilder(BUILD_OPTIONS).build(this.tree) as string).replace(/^(<\?xml[^>]*encoding=")[^"]*"/, '$1UTF-8"');
    const declaration = /^<\?xml[^>]*\?>/.exec(built);
    const rest = declaration ? built.slice(declaration[0].length).replace(/^\s*/, '') : built;
    return `${declaration ? `${declaration[0]}\n` : ''}${this.doctype ? `${this.doctype}\n` : ''}${rest.endsWith('\n') ? rest : `${rest}\n`}`;
  }
}

/** The date form TMX uses (ISO 8601 basic, UTC): 20260904T153000Z. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const tagOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ATTRS) ?? '';

function children(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** A seg's plain text: its text and CDATA; undefined when it holds inline elements (tags iepkit cannot place). */
function segText(tuv: XmlNode): string | undefined {
  const seg = children(tuv).find((node) => tagOf(node) === 'seg');
  if (!seg) return undefined;
  let text = '';
  for (const part of children(seg)) {
    if (TEXT in part) text += String(part[TEXT]);
    else if (CDATA in part) text += children(part).map((c) => String(c[TEXT] ?? '')).join('');
    else if (!(COMMENT in part)) return undefined;
  }
  return text;
}

/** The whitespace written before the last element `is` picks, to indent a new one the same way. */
function indentBefore(list: XmlNode[], is: (node: XmlNode) => boolean): string | undefined {
  for (let i = list.length - 1; i > 0; i--) {
    if (is(list[i]!)) {
      const before = list[i - 1]!;
      return TEXT in before && /^\s+$/.test(String(before[TEXT])) ? String(before[TEXT]) : undefined;
    }
  }
  return undefined;
}

/** Inserts nodes before the whitespace that closes a list (the indent of its end tag), adding it when absent. */
function insertBeforeTrailingSpace(list: XmlNode[], nodes: XmlNode[], closingIndent: string): void {
  const last = list[list.length - 1];
  if (last && TEXT in last && /^\s+$/.test(String(last[TEXT]))) list.splice(list.length - 1, 0, ...nodes);
  else list.push(...nodes, { [TEXT]: closingIndent });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * XML's own references decoded in one pass (so `&amp;#233;` stays the text `&#233;`); any other entity is refused,
 * as is a character reference to a character XML 1.0 forbids.
 */
class XmlEntityDecoder {
  /** The first reference refused, as written. */
  refused: string | undefined;
  private static readonly NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

  decode(text: string): string {
    if (!text.includes('&')) return text;
    return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
        if (allowed) return String.fromCodePoint(code);
      } else if (Object.hasOwn(XmlEntityDecoder.NAMED, name)) return XmlEntityDecoder.NAMED[name]!;
      this.refused ??= whole;
      return whole;
    });
  }

  // The parser's other hooks: TMX files may declare no entities, so there is nothing to add or reset.
  setExternalEntities(): void {}
  addInputEntities(): void {}
  reset(): void {}
  setXmlVersion(): void {}
}
