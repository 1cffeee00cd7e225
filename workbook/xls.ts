/**
 * Excel 97–2003 (.xls, BIFF8; also Excel 5/95) and WPS (.et) workbooks through SheetJS
 * (@e965/xlsx, the republished current SheetJS; never the registry's stale `xlsx`). Loaded only
 * when such a file arrives: it is a large library, and most files are .xlsx.
 *
 * Cells come out as the .xlsx reader gives them (shared/files/sheet-xml.ts): numbers stay numbers,
 * a number whose format is a date becomes a Date by the same rule and conversion, errors become
 * {error}, merged cells other than the top-left are empty, very hidden sheets are left out.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { type FileLimits, fileFailure, type GridRead, isDateFormatCode, serialToDate } from '../shared/files/index.js';
import type { CellValue, SheetGrid } from '../shared/grid.js';

/** BIFF error codes ([MS-XLS] 2.5.30 BErr) as Excel shows them. */
const ERRORS: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

const VERY_HIDDEN = 2;

/**
 * The built-in formats East-Asian Excel and WPS use for 年月日 and 时分 (zh-CN forms). SheetJS's table
 * lacks them, so a cell with format 31 would carry no format string and read as a plain number;
 * loaded into its table once, they reach isDateFormatCode like any other format.
 */
const CJK_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export async function readXls(bytes: Uint8Array, limits: FileLimits): Promise<GridRead> {
  const XLSX = await import('@e965/xlsx');
  // Before every read: SheetJS resets its table whenever it reads a zip, and a workbook's own FORMAT
  // records, loaded during the read, still take precedence.
  for (const [id, code] of Object.entries(CJK_FORMATS)) XLSX.SSF.load(code, Number(id));
  let wb: WorkBook;
  try {
    // sheetRows bounds the work on a huge file: one row past the limit is enough to refuse it.
    wb = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      sheetRows: limits.maxRows + 1,
    });
  } catch {
    // Whatever SheetJS throws here is about the bytes (its messages are not for clerks).
    return fileFailure('file.corrupt', { reason: 'damaged' });
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const sheets: SheetGrid[] = [];
  let rows = 0;
  wb.SheetNames.forEach((name, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden === VERY_HIDDEN) return;
    const ws = wb.Sheets[name];
    if (!ws) return;
    const grid = sheetRows(ws, date1904);
    rows += grid.length;
    sheets.push({ name, rows: grid });
  });
  if (rows > limits.maxRows) {
    return fileFailure('file.too_large', { limit: 'rows', max: limits.maxRows, place: limits.place });
  }
  return { ok: true, grid: date1904 ? { sheets, date1904: true } : { sheets } };
}

function cellValue(cell: CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'b':
      return cell.v === true;
    case 'e':
      return { error: ERRORS[cell.v as number] ?? cell.w ?? '#N/A' };
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'n': {
      const v = cell.v as number;
      if (!Number.isFinite(v)) return null;
      return typeof cell.z === 'string' && isDateFormatCode(cell.z) ? serialToDate(v, date1904) : v;
    }
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null;
  }
}

function sheetRows(ws: WorkSheet, date1904: boolean): CellValue[][] {
  const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
  const rows: CellValue[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const cells: CellValue[] = [];
    if (src) for (let c = 0; c < src.length; c++) cells[c] = cellValue(src[c], date1904);
    rows.push(cells);
  }
  for (const m of ws['!merges'] ?? []) {
    for (let r = m.s.r; r <= Math.min(m.e.r, rows.length - 1); r++) {
      const row = rows[r]!;
      for (let c = r === m.s.r ? m.s.c + 1 : m.s.c; c <= Math.min(m.e.c, row.length - 1); c++) row[c] = null;
    }
  }
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    let end = row.length;
    while (end > 0 && row[end - 1] === null) end--;
    row.length = end;
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}
