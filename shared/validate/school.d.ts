import type { SheetGrid } from '../grid.js';
import type { DetectedSheet } from './types.js';
import { type RowContext, type RowValues } from './row-reader.js';
export interface SchoolRead {
    detected: DetectedSheet;
    values: RowValues;
    /** A cell had an error or a required field is absent: no SchoolRecord. */
    bad: boolean;
}
export declare function readSchool(sheet: SheetGrid, sheetIndex: number, ctx: RowContext): SchoolRead;
