/**
 * .xlsx bytes → WorkbookGrid. Runs in Node (CLI, tests, bench) and in the browser (the standalone
 * page), so it takes bytes only and never touches the file system.
 *
 * A cell keeps the kind it has in Excel: a number cell stays a number (that is how an ID number
 * that Excel turned into 3.20102E+17 is recognized), a date-formatted cell becomes a Date, an Excel
 * error becomes {error}. exceljs decodes a date serial as that wall-clock time in UTC, so a Date
 * from this reader must be read with the getUTC* methods.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid, WorkbookGrid } from '../../shared/grid.js';

export type XlsxBytes = ArrayBuffer | Uint8Array;

export type ReadXlsxResult = { ok: true; grid: WorkbookGrid } | { ok: false; code: 'xlsx.unreadable'; message: string };

/** The template's own machinery (the dropdown lists) lives in very hidden sheets; a clerk cannot see or edit them. */
const SKIPPED_STATE = 'veryHidden';

/**
 * Parts of a sheet the grid does not need. Data validations matter most: exceljs expands a range
 * such as B2:B1048576 (what Excel writes for a whole-column dropdown) into one entry per cell.
 */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'drawing',
  'picture',
  'legacyDrawing',
  'tableParts',
  'extLst',
];

export async function readXlsx(bytes: XlsxBytes): Promise<ReadXlsxResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(bytes), { ignoreNodes: IGNORED_NODES });
  } catch (e) {
    return { ok: false, code: 'xlsx.unreadable', message: e instanceof Error ? e.message : String(e) };
  }
  // Every workbook Excel writes has a sheet; a zip without one is some other document renamed .xlsx.
  if (workbook.worksheets.length === 0)
    return { ok: false, code: 'xlsx.unreadable', message: 'no worksheet in the file' };
  const sheets: SheetGrid[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state === SKIPPED_STATE) continue;
    sheets.push({ name: ws.name, rows: readRows(ws) });
  }
  return { ok: true, grid: { sheets } };
}

function toArrayBuffer(bytes: XlsxBytes): ArrayBuffer {
  // isView rather than instanceof: an ArrayBuffer from another realm (an iframe, a worker) is still one.
  if (!ArrayBuffer.isView(bytes)) return bytes;
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}

function readRows(ws: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellValue(cell);
      if (v !== null) cells[colNumber - 1] = v;
    });
    if (cells.length === 0) return;
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    while (rows.length < rowNumber - 1) rows.push([]);
    rows[rowNumber - 1] = cells;
  });
  return rows;
}

type RichText = { richText: { text: string }[] };

function flatten(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && Array.isArray((v as RichText).richText)) {
    return (v as RichText).richText.map((r) => r.text).join('');
  }
  return v === null || v === undefined ? '' : String(v);
}

/** A primitive as found in a cell or in a formula's cached result. */
function primitive(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object' && typeof (v as { error?: unknown }).error === 'string') {
    return { error: (v as { error: string }).error };
  }
  const text = flatten(v);
  return text === '' ? null : text;
}

function cellValue(cell: ExcelJS.Cell): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      // A merged range's value sits in its master cell only; the other cells read as empty.
      return null;
    case ExcelJS.ValueType.Formula:
      return primitive((cell.value as ExcelJS.CellFormulaValue).result);
    case ExcelJS.ValueType.Hyperlink: {
      const text = flatten((cell.value as ExcelJS.CellHyperlinkValue).text);
      return text === '' ? null : text;
    }
    case ExcelJS.ValueType.RichText: {
      const text = flatten(cell.value);
      return text === '' ? null : text;
    }
    case ExcelJS.ValueType.Error:
      return { error: (cell.value as ExcelJS.CellErrorValue).error };
    default:
      return primitive(cell.value);
  }
}
