/**
 * Reading a sheet as a table: the header row (the first of the first 10 rows that holds at least
 * half of the sheet's required headers), the column map, and the span of data rows without the
 * trailing blank and totals rows.
 */
import { type CellValue, isCellError, type SheetGrid } from '../grid.js';
import { isBlank, plainText, toHalfWidth, withoutInvisible } from '../normalize/text.js';
import { type HeaderLookup, matchHeader } from './lookup.js';

export const HEADER_SEARCH_ROWS = 10;

function headerKeys(row: readonly CellValue[] | undefined, lookup: HeaderLookup): Map<string, number> {
  const found = new Map<string, number>();
  if (!row) return found;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v !== 'string') continue;
    const key = matchHeader(v, lookup);
    if (key !== undefined && !found.has(key)) found.set(key, c);
  }
  return found;
}

/** Zero-based index of the header row, or null when none of the first 10 rows qualifies. */
export function findHeaderRow(sheet: SheetGrid, lookup: HeaderLookup): number | null {
  const required = new Set(lookup.requiredKeys);
  const n = Math.min(HEADER_SEARCH_ROWS, sheet.rows.length);
  for (let r = 0; r < n; r++) {
    let hits = 0;
    for (const key of headerKeys(sheet.rows[r], lookup).keys()) if (required.has(key)) hits++;
    if (hits > 0 && hits * 2 >= required.size) return r;
  }
  return null;
}

export interface HeaderColumn {
  index: number;
  text: string;
  /** The column key, or null for a column that is none of the sheet's (or a repeat of one). */
  key: string | null;
}

/** Every non-empty cell of the header row with the column it stands for; a repeated header is extra. */
export function readHeader(row: readonly CellValue[], lookup: HeaderLookup): HeaderColumn[] {
  const seen = new Set<string>();
  const out: HeaderColumn[] = [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || isCellError(v) || isBlank(v)) continue;
    const text = plainText(v);
    if (text === '') continue;
    let key = matchHeader(text, lookup) ?? null;
    if (key !== null && seen.has(key)) key = null;
    if (key !== null) seen.add(key);
    out.push({ index: c, text, key });
  }
  return out;
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' ? !isBlank(v) : true) return false;
  }
  return true;
}

const TOTALS = /^(?:合计|总计|小计)[:：]?$/;
const SPACES = /\s+/g;

/** Column of the 合计/总计/小计 label when it is the row's first non-empty cell, else -1. */
export function totalsLabelColumn(row: readonly CellValue[]): number {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === 'string' && isBlank(v))) continue;
    return typeof v === 'string' && TOTALS.test(withoutInvisible(toHalfWidth(v)).replace(SPACES, '')) ? c : -1;
  }
  return -1;
}

export interface DataSpan {
  /** Zero-based, inclusive start and exclusive end of the rows to read. */
  start: number;
  end: number;
  /** Trailing totals rows: [rowIndex, label column]. */
  totals: [number, number][];
}

/** The rows below the header up to the last non-blank one, trailing totals rows set apart. */
export function dataSpan(sheet: SheetGrid, headerRow: number): DataSpan {
  let end = sheet.rows.length;
  while (end > headerRow + 1 && isBlankRow(sheet.rows[end - 1])) end--;
  const totals: [number, number][] = [];
  while (end > headerRow + 1) {
    const row = sheet.rows[end - 1]!;
    const c = totalsLabelColumn(row);
    if (c < 0) break;
    // Collected bottom-up and reversed once: unshift would be quadratic on a sheet of totals rows.
    totals.push([end - 1, c]);
    end--;
    while (end > headerRow + 1 && isBlankRow(sheet.rows[end - 1])) end--;
  }
  return { start: headerRow + 1, end, totals: totals.reverse() };
}
