/**
 * Writing .xlsx: a copy of a clerk's workbook with the validator's fixes applied, and a plain
 * WorkbookGrid as a workbook (fixtures, tests, the demo). Bytes in, bytes out: the original bytes are
 * never touched, and nothing here knows about files.
 */
import type ExcelJS from 'exceljs';
import type { Fix } from '../shared/contract/codes.js';
import { type CellValue, isCellError, type WorkbookGrid } from '../shared/grid.js';
import { TEXT_COLUMN_KEYS } from './columns.js';

export type XlsxBytes = ArrayBuffer | Uint8Array;

/**
 * exceljs is loaded when a workbook is first written, never by importing this module: the CLI's
 * validate and the pane's first load do without its 900 KB.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

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
  const ExcelJS = await loadExcelJS();
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
  for (const ws of workbook.worksheets) compactValidations(ws);
  return { bytes: await toBytes(workbook), applied, skipped };
}

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;
type WithValidationModel = ExcelJS.Worksheet & { dataValidations: { model: ValidationModel } };

/**
 * exceljs expands every data-validation range into one entry per cell when it loads a workbook (a
 * whole-column dropdown, as Excel writes it, is a million entries) and then spends seconds per
 * column squeezing them back when it writes. The parser shares one rule object across its range,
 * so runs of cells with the same rule fold back into column ranges here, in one pass.
 */
export function compactValidations(ws: ExcelJS.Worksheet): void {
  const container = (ws as WithValidationModel).dataValidations;
  const byRule = new Map<ExcelJS.DataValidation, Map<string, number[]>>();
  for (const address in container.model) {
    const rule = container.model[address];
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!rule) continue;
    if (!m) return;
    let columns = byRule.get(rule);
    if (!columns) byRule.set(rule, (columns = new Map()));
    let rows = columns.get(m[1]!);
    if (!rows) columns.set(m[1]!, (rows = []));
    rows.push(Number(m[2]));
  }
  const compact: ValidationModel = {};
  for (const [rule, columns] of byRule) {
    for (const [col, rows] of columns) {
      rows.sort((a, b) => a - b);
      let start = rows[0]!;
      for (let i = 1; i <= rows.length; i++) {
        if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
        const end = rows[i - 1]!;
        compact[start === end ? `${col}${start}` : `${col}${start}:${col}${end}`] = rule;
        start = rows[i]!;
      }
    }
  }
  container.model = compact;
}

/**
 * A grid as a workbook: text stays text (an ID in a string stays a text cell), a number stays a
 * number cell, a Date becomes a date cell (its UTC wall-clock time, as the reader returns it).
 */
export async function gridToXlsx(grid: WorkbookGrid): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
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
  const view = ArrayBuffer.isView(bytes) ? bytes : new Uint8Array(bytes);
  return view.slice().buffer as ArrayBuffer;
}

export async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const out: unknown = await workbook.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
