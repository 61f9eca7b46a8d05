import {
  AlignmentType,
  HeightRule,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { directiveAttributes, type DirectiveAttributes, type DirectiveNode } from '../../model/directives.js';
import { isLanguage } from '../../model/languages.js';
import type { Block, Inline, RenderContext } from './context.js';
import { SYMBOL_FONT } from './fonts.js';
import { keepFor } from './keep-mode.js';
import { paragraphOptions, tableEnded, tableStarts } from './paragraph-options.js';
import { run, textRuns } from './runs.js';
import { DOCX_SIZE, DOCX_SPACE } from '../theme/docx-styles.js';
import { STYLE } from './styles.js';
import { CELL_MARGINS, HEADER_ROW_LOOK, HEADER_SHADING, shareWidths, TABLE_BORDERS } from './table-layout.js';

/** Columns in order: the container attribute holding each localized label. */
const COLUMNS = [{ label: 'name' }, { label: 'role' }, { label: 'attended' }, { label: 'signature' }, { label: 'date' }] as const;

/**
 * Column widths: the Attended column as wide as its label needs (a bold character is about 120 twips at 11 pt, plus
 * the cell padding), between 10% and 18% of the table; the rest shared out name 26%, role 28%, signature 31%,
 * date 15%.
 */
function signatureWidths(width: number, attendedLabel: string): number[] {
  const longestWord = Math.max(...attendedLabel.split(/\s+/).map((word) => Array.from(word).length));
  const attended = Math.min(0.18, Math.max(0.1, (longestWord * 120 + 260) / width));
  const rest = 1 - attended;
  return shareWidths(width, [0.26 * rest, 0.28 * rest, attended, 0.31 * rest, 0.15 * rest]);
}

/** A cell's text: the label, and in the bilingual copy the same label in the paired language on a line of its own. */
interface CellText {
  runs: Inline[];
  paired?: { runs: Inline[]; ctx: RenderContext };
}

/**
 * A label and, in the bilingual copy, its paired label as a paragraph of its own in that language and direction
 * (w:lang, w:rtl and w:bidi, as `:language` cells are): within one English paragraph, an Arabic role's brackets and
 * numbers were placed by the English paragraph's direction.
 */
function labelText(en: string, paired: string | undefined, labels: DirectiveAttributes<'signatures'>, ctx: RenderContext): CellText {
  const lang = labels.pairedLang;
  if (!paired || paired === en || !lang || !isLanguage(lang)) return { runs: textRuns(en, ctx) };
  const pairedCtx: RenderContext = { ...ctx, lang, rtl: labels.pairedDir === 'rtl' };
  return { runs: textRuns(en, ctx), paired: { runs: textRuns(paired, pairedCtx), ctx: pairedCtx } };
}

/** Room to sign by hand: signature and date cells are at least this tall (twips; 0.5 in). */
const SIGNING_HEIGHT = DOCX_SPACE.signingRow;

/**
 * `:::signatures{name role attended signature date yes no}` with `::signer{name role attended}` lines: the
 * attendance and signature table. The container's attributes are the localized column labels and the localized
 * yes/no for the Attended column (a ballot box ☒/☐ when the template gives none). Signature and date cells are empty
 * and tall enough to sign. The header row repeats on every page; rows never split.
 */
export function signatures(node: DirectiveNode<'signatures'>, ctx: RenderContext): Block[] {
  const labels = directiveAttributes(node);
  // The declaration allows only ::signer lines inside (checked before any handler runs).
  const signers = node.children as DirectiveNode<'signer'>[];
  const widths = signatureWidths(ctx.width, `${labels.attended} ${labels.pairedAttended ?? ''}`);
  const pairedOf = { name: labels.pairedName, role: labels.pairedRole, attended: labels.pairedAttended, signature: labels.pairedSignature, date: labels.pairedDate };
  tableStarts(ctx);
  const cellCtx: RenderContext = { ...ctx, keep: 'none', indent: 0, paragraphStyle: STYLE.tableText };

  const cell = (index: number, text: CellText, style: string, options: { header?: boolean; center?: boolean } = {}) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      margins: CELL_MARGINS,
      verticalAlign: options.header ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
      ...(options.header ? { shading: HEADER_SHADING } : {}),
      children: [text, ...(text.paired ? [text.paired] : [])].map(
        (part) =>
          new Paragraph({
            ...paragraphOptions('ctx' in part ? part.ctx : cellCtx),
            style,
            ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
            children: part.runs,
          }),
      ),
    });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMNS.map((column, index) =>
      cell(index, labelText(labels[column.label], pairedOf[column.label], labels, cellCtx), STYLE.tableHeading, {
        header: true,
        center: column.label === 'attended',
      }),
    ),
  });
  const rows = signers.map((line, index) =>
    signer(line, cellCtx, cell, labels, keepFor(ctx.keep, index + 1, signers.length + 1) === 'all'),
  );

  tableEnded(ctx);
  return [
    new Table({
      rows: [header, ...rows],
      width: { size: ctx.width, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: TABLE_BORDERS,
      tableLook: HEADER_ROW_LOOK,
      ...(ctx.rtl ? { visuallyRightToLeft: true } : {}),
    }),
  ];
}

/** `::signer{name role attended}`: one team member's row. */
function signer(
  node: DirectiveNode<'signer'>,
  ctx: RenderContext,
  cell: (index: number, text: CellText, style: string, options?: { center?: boolean }) => TableCell,
  labels: DirectiveAttributes<'signatures'>,
  keepNext: boolean,
): TableRow {
  const { name, role, pairedRole, attended: answered } = directiveAttributes(node);
  const attended = answered === 'yes';
  const answer = attended ? labels.yes : labels.no;
  return new TableRow({
    cantSplit: true,
    height: { value: SIGNING_HEIGHT, rule: HeightRule.ATLEAST },
    ...(keepNext ? { keepNext } : {}),
    children: [
      cell(0, { runs: textRuns(name, ctx) }, STYLE.tableText),
      cell(1, labelText(role ?? '', pairedRole, labels, ctx), STYLE.tableText),
      cell(
        2,
        answer ? labelText(answer, attended ? labels.pairedYes : labels.pairedNo, labels, ctx) : { runs: [run(ctx, { text: attended ? '\u2612' : '\u2610', font: SYMBOL_FONT, size: DOCX_SIZE.ballot })] },
        STYLE.tableText,
        { center: true },
      ),
      cell(3, { runs: [] }, STYLE.tableText),
      cell(4, { runs: [] }, STYLE.tableText),
    ],
  });
}
