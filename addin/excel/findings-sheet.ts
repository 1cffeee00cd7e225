/**
 * The findings sheet (问题清单) of an Excel without notes or comments (below ExcelApi 1.10): one row
 * per finding, the workbook-level ones included, each with a HYPERLINK formula to its cell, which
 * every Excel follows. It is the add-in's own sheet: replaced at each validation, removed by
 * "Clear marks", and never read as data.
 */
import type { Finding, Lang } from '../../shared/contract/codes.js';
import { columnLetter } from '../../shared/grid.js';
import {
  FINDING_TITLES,
  FINDINGS_LIST_COLUMNS,
  FINDINGS_LIST_HEADERS,
  FINDINGS_SHEET_NAME,
  SEVERITY_LABELS,
} from '../../shared/labels/index.js';
import { type ExcelCaps, quoteSheet, widthInPoints } from './caps.js';

/** Column widths in Excel character units, in the order of FINDINGS_LIST_COLUMNS. */
const WIDTHS = [8, 16, 10, 18, 80, 24];
const LAST = columnLetter(WIDTHS.length - 1);

/** Text Excel would otherwise take for a formula gets the apostrophe that keeps it text. */
function asText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

function link(sheet: string, cell: string): string {
  const target = `#${quoteSheet(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${cell}")`;
}

/** The table below the header: severity, sheet, a link to the cell, the finding's title, the message, the code. */
export function findingsSheetRows(findings: readonly Finding[], lang: Lang): string[][] {
  return findings.map((f) => [
    SEVERITY_LABELS[f.severity][lang],
    asText(f.sheet ?? ''),
    f.sheet !== null && f.cell !== null ? link(f.sheet, f.cell) : '',
    FINDING_TITLES[f.code][lang],
    asText(f.message),
    f.code,
  ]);
}

/** Queues the sheet's writes (the caller has queued the removal of an earlier one and syncs). */
export function writeFindingsSheet(
  context: Excel.RequestContext,
  rows: readonly string[][],
  lang: Lang,
  caps: ExcelCaps,
): void {
  const ws = context.workbook.worksheets.add(FINDINGS_SHEET_NAME);
  const header = ws.getRange(`A1:${LAST}1`);
  header.values = [FINDINGS_LIST_COLUMNS.map((c) => FINDINGS_LIST_HEADERS[c][lang])];
  header.format.font.bold = true;
  header.format.fill.color = '#D9E1F2';
  if (rows.length > 0) ws.getRange(`A2:${LAST}${rows.length + 1}`).formulas = rows.map((r) => [...r]);
  if (caps.columnWidths) {
    WIDTHS.forEach((w, i) => {
      const letter = columnLetter(i);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(w);
    });
  }
  if (caps.freezePanes) ws.freezePanes.freezeRows(1);
}
