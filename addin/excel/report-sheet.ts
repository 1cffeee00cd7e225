/**
 * Writes a report sheet the add-in owns ("达标情况", "全区汇总", a school's teachers): a heading, a
 * few summary lines, then a table whose rows are coloured by a status column through conditional
 * formats, optionally a column chart of the table's first two columns. The sheet is replaced as a
 * whole each time. Two syncs: whether it exists, then everything else.
 *
 * Below ExcelApi 1.6 the rows are filled by status directly (the sheet is the add-in's, so there is
 * nothing of the clerk's to keep; a sort no longer moves the colours with the rows), below 1.7 the
 * header is not frozen and below 1.2 the columns keep Excel's default width.
 */
import { columnLetter } from '../../shared/grid.js';
import { type ExcelCaps, quoteSheet, suspendWhileWriting, widthInPoints } from './caps.js';
import { countSyncs, syncWithin } from './sync.js';

export type ReportCell = string | number;

export interface StatusStyle {
  text: string;
  fill: string;
  font: string;
}

export interface ReportSheetSpec {
  name: string;
  heading: string;
  summary: ReportCell[][];
  header: string[];
  rows: ReportCell[][];
  /** Column widths in Excel character units, one per header column. */
  widths: number[];
  statusColumn?: number;
  statusStyles?: StatusStyle[];
  percentColumns?: number[];
  /** A column chart of column 0 (categories) against column 1 (values), over the first `rows` rows. */
  chart?: { title: string; rows: number };
}

export interface ReportSheetOutcome {
  /** A1 range of the table, header included. */
  table: string;
  syncs: number;
}

export async function writeReportSheet(
  context: Excel.RequestContext,
  spec: ReportSheetSpec,
  caps: ExcelCaps,
): Promise<ReportSheetOutcome> {
  const syncs = countSyncs(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await syncWithin(context, `looking for ${spec.name}`);

  suspendWhileWriting(context, caps);
  worksheets.items.find((w) => w.name === spec.name)?.delete();
  const ws = context.workbook.worksheets.add(spec.name);
  const width = spec.header.length;
  const last = columnLetter(width - 1);
  const pad = (row: ReportCell[]) =>
    [...row, ...new Array<ReportCell>(Math.max(0, width - row.length)).fill('')].slice(0, width);

  ws.getRange('A1').values = [[spec.heading]];
  ws.getRange('A1').format.font.bold = true;
  ws.getRange('A1').format.font.size = 14;
  const summaryStart = 2;
  if (spec.summary.length > 0) {
    ws.getRange(`A${summaryStart}:${last}${summaryStart + spec.summary.length - 1}`).values = spec.summary.map(pad);
  }
  const headerRow = summaryStart + spec.summary.length + 1;
  const firstRow = headerRow + 1;
  const lastRow = headerRow + spec.rows.length;
  const header = ws.getRange(`A${headerRow}:${last}${headerRow}`);
  header.values = [spec.header];
  header.format.font.bold = true;
  header.format.fill.color = '#D9E1F2';
  if (spec.rows.length > 0) ws.getRange(`A${firstRow}:${last}${lastRow}`).values = spec.rows.map(pad);
  if (caps.columnWidths) {
    spec.widths.forEach((w, i) => {
      const letter = columnLetter(i);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(w);
    });
  }
  if (spec.rows.length > 0) {
    for (const col of spec.percentColumns ?? []) {
      const letter = columnLetter(col);
      ws.getRange(`${letter}${firstRow}:${letter}${lastRow}`).set({ numberFormat: '0.0%' as unknown as string[][] });
    }
    if (spec.statusColumn !== undefined) {
      const body = ws.getRange(`A${firstRow}:${last}${lastRow}`);
      const statusLetter = columnLetter(spec.statusColumn);
      if (caps.conditionalFormats) {
        for (const style of spec.statusStyles ?? []) {
          const format = body.conditionalFormats.add('Custom');
          format.custom.rule.formula = `=$${statusLetter}${firstRow}="${style.text.replace(/"/g, '""')}"`;
          format.custom.format.fill.color = style.fill;
          format.custom.format.font.color = style.font;
        }
      } else {
        fillByStatus(ws, spec, firstRow, last);
      }
    }
  }
  if (caps.freezePanes) ws.freezePanes.freezeRows(headerRow);
  if (spec.chart && spec.chart.rows > 0) {
    const source = ws.getRange(`A${headerRow}:B${headerRow + Math.min(spec.chart.rows, spec.rows.length)}`);
    const chart = ws.charts.add('ColumnClustered', source, 'Columns');
    chart.title.text = spec.chart.title;
    chart.legend.visible = false;
    chart.setPosition(`${columnLetter(width + 1)}${headerRow}`);
  }
  ws.activate();
  await syncWithin(context, `writing ${quoteSheet(spec.name)}`);
  return { table: `A${headerRow}:${last}${Math.max(lastRow, headerRow)}`, syncs: syncs() };
}

/** Fills each run of consecutive rows of one status with its style (no conditional formats). */
function fillByStatus(ws: Excel.Worksheet, spec: ReportSheetSpec, firstRow: number, last: string): void {
  const styles = new Map((spec.statusStyles ?? []).map((s) => [s.text, s]));
  const statusOf = (i: number) => String(spec.rows[i]?.[spec.statusColumn!] ?? '');
  let start = 0;
  for (let i = 1; i <= spec.rows.length; i++) {
    if (i < spec.rows.length && statusOf(i) === statusOf(start)) continue;
    const style = styles.get(statusOf(start));
    if (style) {
      const run = ws.getRange(`A${firstRow + start}:${last}${firstRow + i - 1}`).format;
      run.fill.color = style.fill;
      run.font.color = style.font;
    }
    start = i;
  }
}
