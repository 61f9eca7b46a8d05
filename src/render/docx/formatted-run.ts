/**
 * Runs of text whose properties are formatted once per formatting.
 *
 * A ten-page IEP has a few thousand runs and a handful of formattings (plain, bold, a label's style, untranslated
 * English...). docx's TextRun builds a RunProperties object graph for every run and formats it again every time
 * (about a tenth of a DOCX's time). A run here is formatted as docx formats a TextRun of the same options: its
 * properties (w:rPr) come from a TextRun made once for those options and formatted once; its text is docx's w:t with
 * xml:space="preserve", as docx's Text writes it for a string. The formatted properties are shared between runs and
 * documents: docx's serialiser only reads them. test/render/docx/formatted-run.test.ts compares both ways of writing
 * a run over every formatting the renderer makes; the golden DOCX parts compare the files.
 */
import { TextRun, XmlComponent, type IRunOptions } from 'docx';

type Formatted = ReturnType<TextRun['prepForXml']>;

/** The formatted children of a run of these options before its text (w:rPr, when there are properties). */
const properties = new Map<string, readonly unknown[]>();
const MAX_REMEMBERED = 1024;

const PRESERVE = { _attr: { 'xml:space': 'preserve' } };

class FormattedTextRun extends XmlComponent {
  constructor(
    private readonly before: readonly unknown[],
    private readonly text: string,
  ) {
    super('w:r');
  }

  override prepForXml(): Formatted {
    return { 'w:r': [...this.before, { 'w:t': [PRESERVE, this.text] }] } as Formatted;
  }
}

/**
 * A run of `text` written as `new TextRun({ ...options, text })` writes it. `options` are run properties only (no
 * text, children or break), the same object shape for the same formatting (they are remembered by their JSON).
 */
export function formattedTextRun(options: Omit<IRunOptions, 'text' | 'children' | 'break'>, text: string): TextRun {
  const key = JSON.stringify(options);
  let before = properties.get(key);
  if (before === undefined) {
    const formatted = new TextRun({ ...options, text: '' }).prepForXml({ stack: [] } as never) as { 'w:r': unknown[] } | undefined;
    const children = formatted?.['w:r'];
    const last = Array.isArray(children) ? (children.at(-1) as Record<string, unknown> | undefined) : undefined;
    if (!Array.isArray(children) || last === undefined || !('w:t' in last)) throw new Error('the docx library formatted a text run in a way this renderer does not know');
    before = children.slice(0, -1);
    if (properties.size >= MAX_REMEMBERED) properties.delete(properties.keys().next().value!);
    properties.set(key, before);
  }
  // Paragraphs and hyperlinks take any docx component as a child; the library's types name its own run classes only.
  return new FormattedTextRun(before, text) as unknown as TextRun;
}
