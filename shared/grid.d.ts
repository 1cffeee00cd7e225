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
}
/** One cell seen through the abstraction the spec describes. */
export interface Cell {
    value: string | number | boolean | Date | null;
    isNumber: boolean;
    error: string | null;
    address: string;
}
export declare function isCellError(v: unknown): v is CellError;
/** 0 → "A", 25 → "Z", 26 → "AA". */
export declare function columnLetter(index: number): string;
/** "AA" → 26. */
export declare function columnIndex(letters: string): number;
/** Zero-based row and column to an A1 address: (6, 1) → "B7". */
export declare function a1(rowIndex: number, colIndex: number): string;
/** "B7" → { row: 6, col: 1 } (zero-based). */
export declare function parseA1(address: string): {
    row: number;
    col: number;
};
export declare function cellAt(sheet: SheetGrid, rowIndex: number, colIndex: number): Cell;
/**
 * JSON form of a grid, for the submission payload and the Web Worker: plain JSON values stay as
 * they are, a Date becomes {"d": ISO string}, an error value {"e": "#N/A"}.
 */
export type EncodedCell = string | number | boolean | null | {
    d: string;
} | {
    e: string;
};
export interface EncodedSheet {
    name: string;
    rows: EncodedCell[][];
}
export interface EncodedWorkbook {
    sheets: EncodedSheet[];
}
export declare function encodeCell(v: CellValue): EncodedCell;
export declare function decodeCell(v: EncodedCell): CellValue;
export declare function encodeWorkbook(wb: WorkbookGrid): EncodedWorkbook;
export declare function decodeWorkbook(wb: EncodedWorkbook): WorkbookGrid;
