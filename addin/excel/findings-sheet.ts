/**
 * The findings sheet (问题清单) of an Excel without notes or comments (below ExcelApi 1.10): one row
 * per finding, the workbook-level ones included, each with a HYPERLINK formula to its cell, which
 * every Excel follows. It is the add-in's own sheet: replaced at each validation, removed by
 * "Clear marks", and never read as data.
 */
import type { Finding, Lang } from '../../shared/contract/codes.js';
import { columnLetter } from '../../shared/grid.js';
import { FINDING_TITLES, SEVERITY_LABELS } from '../../shared/labels/index.js';
import { type ExcelCaps, FINDINGS_SHEET, quoteSheet, widthInPoints } from './caps.js';

const HEADER: Record<Lang, string[]> = {
  zh: ['级别', '问题', '工作表', '单元格', '说明'],
  en: ['Severity', 'Finding', 'Sheet', 'Cell', 'Details'],
};

/** Column widths in Excel character units. */
const WIDTHS = [8, 18, 16, 10, 80];
const LAST = columnLetter(WIDTHS.length - 1);

/** Text Excel would otherwise take for a formula gets the apostrophe that keeps it text. */
function asText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

function link(sheet: string, cell: string): string {
  const target = `#${quoteSheet(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${cell}")`;
}

/** The table below the header: severity, the finding's title, sheet, a link to the cell, the message. */
export function findingsSheetRows(findings: readonly Finding[], lang: Lang): string[][] {
  return findings.map((f) => [
    SEVERITY_LABELS[f.severity][lang],
    FINDING_TITLES[f.code][lang],
    asText(f.sheet ?? ''),
    f.sheet !== null && f.cell !== null ? link(f.sheet, f.cell) : '',
    asText(f.message),
  ]);
}

/** Queues the sheet's writes (the caller has queued the removal of an earlier one and syncs). */
export function writeFindingsSheet(
  context: Excel.RequestContext,
  rows: readonly string[][],
  lang: Lang,
  caps: ExcelCaps,
): void {
  const ws = context.workbook.worksheets.add(FINDINGS_SHEET);
  const header = ws.getRange(`A1:${LAST}1`);
  header.values = [HEADER[lang]];
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
