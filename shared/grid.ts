/**
 * The cell grid: what every reader of a roster produces (the Excel add-in from Office.js values,
 * the .xlsx reader from exceljs, the worker from a submitted payload), and the only input the
 * validator knows. Keeping it this small lets a 60,000-row sheet cross a Web Worker boundary or a
 * network request cheaply.
 */

/** An Excel error value such as #N/A or #REF!, kept apart from text that happens to look like one. */
export interface CellError {
  error: string;
}

/**
 * The raw value of one cell: text, a number (a number cell, including Excel date serials), a
 * boolean, a Date (readers that decode date cells), an Excel error, or null for an empty cell.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export interface SheetGrid {
  /** The sheet's name as it stands in the workbook. */
  name: string;
  /** rows[r][c] is the cell at sheet row r + 1, column c + 1; rows may be ragged or shorter. */
  rows: CellValue[][];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /**
   * The workbook counts date serials from 1904-01-01 (the 1904 date system of old Mac Excel, a
   * workbook option), not from 1900: the reader sets it from the file, absent means 1900.
   */
  date1904?: boolean;
}

/** One cell seen through the abstraction the spec describes. */
export interface Cell {
  value: string | number | boolean | Date | null;
  isNumber: boolean;
  error: string | null;
  address: string;
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string';
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Zero-based row and column to an A1 address: (6, 1) → "B7". */
export function a1(rowIndex: number, colIndex: number): string {
  return columnLetter(colIndex) + String(rowIndex + 1);
}

/** "B7" → { row: 6, col: 1 } (zero-based). */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^([A-Za-z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

export function cellAt(sheet: SheetGrid, rowIndex: number, colIndex: number): Cell {
  const raw = sheet.rows[rowIndex]?.[colIndex] ?? null;
  const address = a1(rowIndex, colIndex);
  if (isCellError(raw)) return { value: null, isNumber: false, error: raw.error, address };
  return { value: raw, isNumber: typeof raw === 'number', error: null, address };
}

/**
 * JSON form of a grid, for the submission payload and the Web Worker: plain JSON values stay as
 * they are, a Date becomes {"d": ISO string}, an error value {"e": "#N/A"}.
 */
export type EncodedCell = string | number | boolean | null | { d: string } | { e: string };
export interface EncodedSheet {
  name: string;
  rows: EncodedCell[][];
}
export interface EncodedWorkbook {
  sheets: EncodedSheet[];
  /** Sent only when true, as in WorkbookGrid. */
  date1904?: boolean;
}

export function encodeCell(v: CellValue): EncodedCell {
  if (v instanceof Date) return { d: v.toISOString() };
  if (isCellError(v)) return { e: v.error };
  return v;
}

export function decodeCell(v: EncodedCell): CellValue {
  if (v !== null && typeof v === 'object') {
    if ('d' in v) return new Date(v.d);
    return { error: v.e };
  }
  return v;
}

export function encodeWorkbook(wb: WorkbookGrid): EncodedWorkbook {
  const sheets = wb.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(encodeCell)) }));
  return wb.date1904 === true ? { sheets, date1904: true } : { sheets };
}

export function decodeWorkbook(wb: EncodedWorkbook): WorkbookGrid {
  const sheets = wb.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map(decodeCell)) }));
  return wb.date1904 === true ? { sheets, date1904: true } : { sheets };
}
