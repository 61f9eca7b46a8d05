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
  const widths = signatureWidths(ctx.width, labels.attended);
  tableStarts(ctx);
  const cellCtx: RenderContext = { ...ctx, keep: 'none', indent: 0, paragraphStyle: STYLE.tableText };

  const cell = (index: number, children: Inline[], style: string, options: { header?: boolean; center?: boolean } = {}) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      margins: CELL_MARGINS,
      verticalAlign: options.header ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
      ...(options.header ? { shading: HEADER_SHADING } : {}),
      children: [
        new Paragraph({
          ...paragraphOptions(cellCtx),
          style,
          ...(options.center ? { alignment: AlignmentType.CENTER } : {}),
          children,
        }),
      ],
    });

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: COLUMNS.map((column, index) =>
      cell(index, textRuns(labels[column.label], cellCtx), STYLE.tableHeading, {
        header: true,
        center: column.label === 'attended',
      }),
    ),
  });
  const rows = signers.map((line, index) =>
    signer(line, cellCtx, cell, { yes: labels.yes, no: labels.no }, keepFor(ctx.keep, index + 1, signers.length + 1) === 'all'),
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
  cell: (index: number, children: Inline[], style: string, options?: { center?: boolean }) => TableCell,
  answers: Pick<DirectiveAttributes<'signatures'>, 'yes' | 'no'>,
  keepNext: boolean,
): TableRow {
  const { name, role, attended: answered } = directiveAttributes(node);
  const attended = answered === 'yes';
  const answer = attended ? answers.yes : answers.no;
  return new TableRow({
    cantSplit: true,
    height: { value: SIGNING_HEIGHT, rule: HeightRule.ATLEAST },
    ...(keepNext ? { keepNext } : {}),
    children: [
      cell(0, textRuns(name, ctx), STYLE.tableText),
      cell(1, textRuns(role ?? '', ctx), STYLE.tableText),
      cell(
        2,
        answer ? textRuns(answer, ctx) : [run(ctx, { text: attended ? '\u2612' : '\u2610', font: SYMBOL_FONT, size: DOCX_SIZE.ballot })],
        STYLE.tableText,
        { center: true },
      ),
      cell(3, [], STYLE.tableText),
      cell(4, [], STYLE.tableText),
    ],
  });
}
