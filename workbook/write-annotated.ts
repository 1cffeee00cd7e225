/**
 * The annotated copy for clerks who work in WPS (or an Excel without the add-in): their own
 * workbook with every error and warning marked at its cell — the cell filled, and a comment holding
 * the finding's message — and a 问题清单 sheet listing every finding (info included) with a link
 * to its cell, so the clerk can fix the file where they work and open it here again.
 * Bytes in, bytes out; the clerk's bytes are never changed. A file exceljs cannot load (an .xls,
 * a CSV) is written from its grid first, so every file that opened can be annotated.
 */
import ExcelJS from 'exceljs';
import type { Finding, FindingCode, Lang, Severity } from '../shared/contract/codes.js';
import type { WorkbookGrid } from '../shared/grid.js';
import { FINDINGS_LIST_COLUMNS, FINDINGS_LIST_HEADERS, FINDINGS_SHEET_NAME } from '../shared/labels/findings-list.js';
import { compactValidations, gridToXlsx, toBytes } from './write-fixes.js';

/** The words the copy is written in, from the pane's messages and the label catalogue. */
export interface AnnotationText {
  /** The language of the list's headers (shared/labels/findings-list.ts). */
  lang: Lang;
  severity: Readonly<Record<Severity, string>>;
  title: Readonly<Record<FindingCode, string>>;
  /** The sheet column of a finding about the whole workbook. */
  workbookLevel: string;
}

/** Fills as the pane's badges: red for errors, amber for warnings (Excel's "bad" and "neutral"). */
const FILLS: Record<Exclude<Severity, 'info'>, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };
const HEADER_FILL = 'FFE2EFDA';
/** In the order of FINDINGS_LIST_COLUMNS. */
const WIDTHS = [8, 14, 10, 26, 70, 26];

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A string literal inside a formula: quotes doubled. */
function formulaText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** An in-workbook link target, as HYPERLINK takes it: #'Sheet name'!B7. */
export function cellLink(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export async function annotateWorkbook(
  source: { bytes: Uint8Array; grid: WorkbookGrid },
  findings: readonly Finding[],
  text: AnnotationText,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const xlsx = isZip(source.bytes) ? source.bytes : await gridToXlsx(source.grid);
  // exceljs reads from a copy: the caller's buffer stays exactly as it was.
  await workbook.xlsx.load(xlsx.slice().buffer as ArrayBuffer);
  // The sheet's name: a workbook read again skips it (see isInternalSheet in addin/excel/caps.ts).
  const old = workbook.getWorksheet(FINDINGS_SHEET_NAME);
  if (old) workbook.removeWorksheet(old.id);

  const notes = new Map<ExcelJS.Cell, string[]>();
  for (const f of findings) {
    if (f.severity === 'info' || !f.sheet || !f.cell) continue;
    const ws = workbook.getWorksheet(f.sheet);
    if (!ws) continue;
    const cell = ws.getCell(f.cell);
    // An error outranks a warning on the same cell: its fill stays.
    if (f.severity === 'error' || !notes.has(cell)) {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[f.severity] } };
    }
    const list = notes.get(cell) ?? [];
    list.push(`${text.title[f.code]}：${f.message}`);
    notes.set(cell, list);
  }
  for (const [cell, lines] of notes) cell.note = lines.join('\n');

  const list = workbook.addWorksheet(FINDINGS_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = FINDINGS_LIST_COLUMNS.map((c, i) => ({
    header: FINDINGS_LIST_HEADERS[c][text.lang],
    width: WIDTHS[i],
  }));
  const head = list.getRow(1);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  for (const f of findings) {
    const row = list.addRow([
      text.severity[f.severity],
      f.sheet ?? text.workbookLevel,
      f.cell ?? '',
      text.title[f.code],
      f.message,
      f.code,
    ]);
    if (f.sheet && f.cell && workbook.getWorksheet(f.sheet)) {
      const link = row.getCell(3);
      link.value = {
        formula: `HYPERLINK(${formulaText(cellLink(f.sheet, f.cell))},${formulaText(f.cell)})`,
        result: f.cell,
      };
      link.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  }
  list.autoFilter = { from: 'A1', to: `F${Math.max(1, findings.length + 1)}` };
  for (const ws of workbook.worksheets) compactValidations(ws);
  return toBytes(workbook);
}
