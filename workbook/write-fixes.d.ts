/**
 * Writing .xlsx: a copy of a clerk's workbook with the validator's fixes applied, and a plain
 * WorkbookGrid as a workbook (fixtures, tests, the demo). Bytes in, bytes out: the original bytes are
 * never touched, and nothing here knows about files.
 */
import ExcelJS from 'exceljs';
import type { Fix } from '../shared/contract/codes.js';
import { type WorkbookGrid } from '../shared/grid.js';
import type { XlsxBytes } from './read.js';
export declare const TEXT_FORMAT = "@";
export declare const DATE_FORMAT = "yyyy-mm-dd";
export type SkipReason = 'sheet.not_found' | 'cell.formula';
export interface ApplyFixesResult {
    bytes: Uint8Array;
    applied: number;
    /** Fixes left out, with why: a formula is the clerk's to change, not ours. */
    skipped: {
        fix: Fix;
        reason: SkipReason;
    }[];
}
export declare function applyFixes(original: XlsxBytes, fixes: readonly Fix[]): Promise<ApplyFixesResult>;
/**
 * A grid as a workbook: text stays text (an ID in a string stays a text cell), a number stays a
 * number cell, a Date becomes a date cell (its UTC wall-clock time, as the reader returns it).
 */
export declare function gridToXlsx(grid: WorkbookGrid): Promise<Uint8Array>;
export declare function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array>;
