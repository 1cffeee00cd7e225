/**
 * Writing .xlsx: a copy of a clerk's workbook with the validator's fixes applied, and a plain
 * WorkbookGrid as a workbook (fixtures, tests, the demo). Bytes in, bytes out: the original bytes are
 * never touched, and nothing here knows about files.
 */
import ExcelJS from 'exceljs';
import type { Fix } from '../../shared/contract/codes.js';
import { isCellError, type CellValue, type WorkbookGrid } from '../../shared/grid.js';
import { TEXT_COLUMN_KEYS } from './columns.js';
import type { XlsxBytes } from './read.js';

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';

export type SkipReason = 'sheet.not_found' | 'cell.formula';

export interface ApplyFixesResult {
  bytes: Uint8Array;
  applied: number;
  /** Fixes left out, with why: a formula is the clerk's to change, not ours. */
  skipped: { fix: Fix; reason: SkipReason }[];
}

export async function applyFixes(original: XlsxBytes, fixes: readonly Fix[]): Promise<ApplyFixesResult> {
  const workbook = new ExcelJS.Workbook();
  // exceljs reads from a copy: the caller's buffer stays exactly as it was.
  await workbook.xlsx.load(copyBytes(original));
  const skipped: ApplyFixesResult['skipped'] = [];
  let applied = 0;
  for (const fix of fixes) {
    const ws = workbook.getWorksheet(fix.sheet);
    if (!ws) {
      skipped.push({ fix, reason: 'sheet.not_found' });
      continue;
    }
    const cell = ws.getCell(fix.cell);
    if (cell.type === ExcelJS.ValueType.Formula) {
      skipped.push({ fix, reason: 'cell.formula' });
      continue;
    }
    if (TEXT_COLUMN_KEYS.has(fix.column)) {
      cell.numFmt = TEXT_FORMAT;
      cell.value = fix.to === null ? null : String(fix.to);
    } else {
      cell.value = fix.to;
    }
    applied++;
  }
  return { bytes: await toBytes(workbook), applied, skipped };
}

/**
 * A grid as a workbook: text stays text (an ID in a string stays a text cell), a number stays a
 * number cell, a Date becomes a date cell (its UTC wall-clock time, as the reader returns it).
 */
export async function gridToXlsx(grid: WorkbookGrid): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) => {
      if (cells.length === 0) return;
      const row = ws.getRow(r + 1);
      cells.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = row.getCell(c + 1);
        cell.value = toExcel(v);
        if (v instanceof Date) cell.numFmt = DATE_FORMAT;
      });
    });
  }
  return toBytes(workbook);
}

function toExcel(v: Exclude<CellValue, null>): ExcelJS.CellValue {
  if (isCellError(v)) return { error: v.error as ExcelJS.CellErrorValue['error'] };
  return v;
}

function copyBytes(bytes: XlsxBytes): ArrayBuffer {
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  return view.slice().buffer as ArrayBuffer;
}

export async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out: unknown = await workbook.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
