/**
 * Reading a sheet as a table: the header row (the first of the first 10 rows that holds at least
 * half of the sheet's required headers), the column map, and the span of data rows without the
 * trailing blank and totals rows.
 */
import { type CellValue, type SheetGrid } from '../grid.js';
import { type HeaderLookup } from './lookup.js';
export declare const HEADER_SEARCH_ROWS = 10;
/** Zero-based index of the header row, or null when none of the first 10 rows qualifies. */
export declare function findHeaderRow(sheet: SheetGrid, lookup: HeaderLookup): number | null;
export interface HeaderColumn {
    index: number;
    text: string;
    /** The column key, or null for a column that is none of the sheet's (or a repeat of one). */
    key: string | null;
}
/** Every non-empty cell of the header row with the column it stands for; a repeated header is extra. */
export declare function readHeader(row: readonly CellValue[], lookup: HeaderLookup): HeaderColumn[];
export declare function isBlankRow(row: readonly CellValue[] | undefined): boolean;
/** Column of the 合计/总计/小计 label when it is the row's first non-empty cell, else -1. */
export declare function totalsLabelColumn(row: readonly CellValue[]): number;
export interface DataSpan {
    /** Zero-based, inclusive start and exclusive end of the rows to read. */
    start: number;
    end: number;
    /** Trailing totals rows: [rowIndex, label column]. */
    totals: [number, number][];
}
/** The rows below the header up to the last non-blank one, trailing totals rows set apart. */
export declare function dataSpan(sheet: SheetGrid, headerRow: number): DataSpan;
