/**
 * The theme: every colour, size, spacing, border, the watermark and the running header and footer, written once.
 * The print CSS reads these as custom properties (theme-css.ts: `--color-text`, `--size-h1`...) and the DOCX as
 * Word's units (docx-styles.ts), so the PDF and the DOCX of a copy cannot drift apart.
 *
 * Units: lengths in points, colours as CSS hex (`#rrggbb`), angles in degrees (negative = counter-clockwise, rising
 * left to right), opacity 0..1, line heights and counts unitless. Page size and margins are not here: they come
 * from each layout's front matter (meta.page).
 *
 * Calm and clear for a parent: deep blue headings with a rule under section headings, light blue-grey table lines
 * and header tints, soft tinted callouts and "builds on" notes. Every text colour has a contrast of at least 4.5:1
 * on white and on the tint it sits on (ratios below).
 */

export const THEME = {
  color: {
    text: '#1f2933', // 14.7:1
    heading: '#0b4f6c', // 8.9:1
    strong: '#102a43', // 14.9:1; also table header text (13.1:1 on its tint)
    muted: '#486581', // 6.1:1: running header and footer, quotes
    link: '#0b4f6c', // 8.9:1
    rule: '#9fb3c8', // lines: table borders, thin callout borders, rules
    tableHeaderFill: '#e3eef5',
    codeFill: '#f0f4f8',
    checkbox: '#243b53', // the box's outline
    checkmark: '#102a43',
  },

  /** Callout kinds: a tint behind the text, a thin border around and a thick one on the start side. */
  callout: {
    info: { fill: '#f0f6fa', accent: '#0b4f6c' },
    notice: { fill: '#f0f6fa', accent: '#486581' },
    important: { fill: '#fdf3ec', accent: '#b44d12' },
  },

  /** "Builds on: ..." notes under goals. */
  buildsOn: { accent: '#3f9142', fill: '#eef7ee', text: '#1e5b20' /* 7.1:1 on its tint */ },

  /** Text shown in English where a translation is missing: a light tint, a dotted underline, a small note. */
  untranslated: { fill: '#fff4d6', underline: '#8d6e00', note: '#6b5200' /* 6.9:1 */ },

  /**
   * A redline's changes (the official IEP with the changes since an earlier version): added text underlined in
   * green on a green tint, removed text struck through in red, each after a small bold label ("[added]"); the line
   * and the label say it without colour.
   */
  redline: {
    inserted: '#1e5b20', // 7.5:1 on its tint
    insertedFill: '#eef7ee',
    deleted: '#9b1c1c', // 7.2:1 on its tint
    deletedFill: '#fbeeee',
    label: '#486581', // 6.1:1 on white (the label sits before the tinted text)
  },

  /**
   * A part of a draft still to be written, in the live preview of an incomplete record: italic on a violet tint with
   * a dashed border, unlike any real data. Not a custom property of every document: placeholderCss() writes it only
   * into a page that shows placeholders.
   */
  placeholder: { fill: '#f1eafa', border: '#7b4fa6', text: '#4b2a72' /* 9.4:1 on its tint */ },

  /** Font sizes (pt). */
  size: {
    body: 10.5,
    table: 9.5,
    note: 9.5, // builds-on notes
    small: 8.5, // running header and footer
    tiny: 8, // the untranslated note
    h1: 19,
    h2: 13.5,
    h3: 11.5,
    h4: 10.5,
    checkbox: 8, // the drawn box (PDF)
    ballot: 13, // the ballot box ☐ ☒ in the signatures table's Attended column (DOCX)
    pageBreak: 1, // DOCX: the empty paragraph mark a page break leaves at the top of the next page
    tableSpacer: 6, // DOCX: the empty paragraph between two tables
  },

  /** Line heights: headings (CSS line-height; running text's comes from the language's font, src/render/fonts). */
  lineHeight: { heading: 1.2 },

  /**
   * Word's line spacing as multiples of a single line (Noto's single line is already about 1.36 em, so 1.1 reads
   * like the PDF's 1.45).
   */
  wordLine: { single: 1, body: 1.1, compact: 1.05, table: 1.05 },

  /**
   * A Nastaliq (Urdu) line in Word and LibreOffice, in ems of the text size, set exactly (src/render/docx/
   * line-spacing.ts). Measured (December 2026, LibreOffice, looked at at 150 dpi): at 1.75 ems the letters of Noto
   * Nastaliq Urdu clear the neighbouring lines and the four examples' one-page student summaries stay on one page; at
   * 1.9 or 2 ems three of the four ran to two pages, and with "at least" spacing (which both readers raise to the
   * font's own 2.5 ems) all four did.
   */
  wordStackedLineEms: 1.75,

  /** Spacing (pt): space before and after blocks, paddings and indents. */
  space: {
    paragraph: 6, // after a paragraph, a list, a note
    h1: { before: 0, after: 10 },
    h2: { before: 16, after: 6 },
    h3: { before: 12, after: 4 },
    h4: { before: 10, after: 3 },
    h5: { before: 8, after: 3 },
    headingRule: 3, // between a section heading and its rule
    listItem: 2,
    listIndent: 18, // each list level's text this much further in
    listHanging: 15, // DOCX: the marker this much before the text
    checkboxGap: 4, // PDF: between a checkbox and its label
    checkboxDrop: 1, // PDF: the box sits this much below the baseline's top, level with lowercase letters
    checkboxAfter: 8,
    table: { before: 4, after: 10 },
    cell: { top: 3.5, bottom: 2.5, inline: 5.5 },
    callout: { block: 6, inline: 9, before: 6, after: 10, radius: 3 },
    buildsOn: { before: 2, after: 6, block: 2, inline: 8, ruleGap: 6 },
    afterTable: 8, // DOCX: before the first paragraph after a table
    signingRow: 36, // a signature row's height, room to sign by hand (1/2 in)
    thematicBreak: { before: 6, after: 12, rule: 1 },
    quoteIndent: 18,
    quoteRule: 8,
  },

  /** Border widths (pt). */
  border: {
    table: 0.75,
    headingRule: 1.5,
    callout: 1,
    calloutAccent: 4,
    buildsOnAccent: 3,
    buildsOnEdge: 0.5, // DOCX: thin borders in the tint's colour that widen the tinted box
    untranslated: 1,
    checkbox: 1,
    thematicBreak: 0.75,
    quote: 2.25,
    headerRule: 0.5,
  },

  /**
   * The one-page student summary: denser (smaller text, tighter spacing) and in two columns under a full-width
   * title (the title and the paragraph under it span both columns).
   */
  compact: {
    size: { body: 9.5, note: 8.5, h1: 20, h2: 12.5, h3: 10, h4: 10 },
    space: {
      h1: { before: 0, after: 4 },
      h2: { before: 8, after: 4 },
      h3: { before: 6, after: 2 },
      h4: { before: 6, after: 2 },
      h5: { before: 5, after: 2 },
      firstH2: 2,
      list: 4,
      listItem: 1.5,
      orderedItem: 3,
      listIndent: 14,
      callout: { block: 4, inline: 7, before: 3, after: 6 },
      buildsOn: { before: 1, after: 3, block: 1, inline: 6 },
    },
    border: { headingRule: 1 },
    columns: { count: 2, gap: 16 },
  },

  /**
   * The bilingual copy: the space on each side of the thin rule between the English and the translated column (pt),
   * the rule, and the tint of a table's translated rows.
   */
  bilingual: { inset: 7, rule: 0.75, rowFill: '#f4f7fa' },

  /**
   * The DRAFT watermark: one word across the middle of every page, behind the text, rising left to right. A light
   * red: it reads as "not final" at a glance, and at this opacity body text over it keeps a contrast above 10:1,
   * headings above 6:1.
   */
  // maxWidth: the longest the word may be (pt): a longer translation (BORRADOR, BROUILLON, ЧЕРНОВИК) is set smaller
  // so it stays whole on the page instead of running off its edge.
  watermark: { color: '#c0392b', opacity: 0.2, angle: -40, size: 110, maxWidth: 430, bold: true, letterSpacing: 0.05 /* em */ },

  /**
   * Progress charts (src/render/chart): the student's measurements as a solid dark line with round markers, the
   * goal as a dashed orange line, the start as a hollow marker. Told apart by line style, marker and direct labels as
   * well as colour, so a grayscale copy reads the same (the line is near black in gray, the goal mid-gray and
   * dashed). Lengths in CSS px of the chart's own box (`width` x `height`); `printWidth` is how wide it is printed (pt).
   */
  chart: {
    width: 520,
    height: 200,
    printWidth: 390,
    margin: { top: 14, right: 14, bottom: 26, left: 40 },
    font: 11,
    line: '#0b4f6c', // 8.9:1 on white
    lineWidth: 2.5,
    point: 4.5,
    goal: '#b44d12', // 5.3:1 on white
    goalWidth: 2,
    goalDash: '7 4',
    start: '#486581',
    grid: '#d9e2ec',
    axis: '#9fb3c8',
    label: '#334e68', // 9.4:1 on white
  },

  /** The running header (student line, and the notice under it) and the footer's "Page X of Y". */
  header: { size: 8.5, color: '#486581', noticeBefore: 1, gap: 10 /* under the header's rule */, ruleGap: 4 },
  footer: { size: 8.5, color: '#486581' },
} as const;

export type Theme = typeof THEME;
export type CalloutKind = keyof Theme['callout'];

/** Noto Sans Bold: a capital's height and its average advance, in em ("DRAFT" is 3.21 em wide). */
export const CAP_HEIGHT = 0.714;
export const CAPITAL_ADVANCE = 0.64;

/**
 * The watermark's font size (pt) for this word: the theme's size, or smaller for a word that would be wider than
 * `maxWidth` at that size. The PDF and the DOCX both use it, so a long translated word is the same size in both.
 */
export function watermarkSize(text: string): number {
  const { size, maxWidth, letterSpacing } = THEME.watermark;
  const width = size * (CAPITAL_ADVANCE + letterSpacing) * Array.from(text).length;
  return width > maxWidth ? Math.floor((size * maxWidth) / width) : size;
}
