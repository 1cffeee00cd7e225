/**
 * Reads one table sheet (教师名册, 培训记录, 骨干履职, 青年教师考核): header row, column map, extra and
 * missing columns, totals rows, and every data row's cells. Checks across rows and sheets come
 * later (cross-checks.ts), once every sheet is read.
 */
import type { SheetDef } from '../contract/sheets.js';
import type { SheetGrid } from '../grid.js';
import type { DetectedSheet } from './types.js';
import { type ColumnPlan, type RowContext, type RowValues } from './row-reader.js';
import { type DataSpan } from './table.js';
export interface ParsedRow {
    /** Zero-based row index in the sheet. */
    index: number;
    values: RowValues;
    /** The row has at least one error: it makes no record. */
    bad: boolean;
    /** A later copy of a training (duplicate.training): a warning, but its hours must count once. */
    repeat: boolean;
}
export interface TableLayout {
    def: SheetDef;
    sheet: SheetGrid;
    detected: DetectedSheet;
    /** Zero-based header row, or null when none was found (then nothing else is read). */
    headerRow: number | null;
    span: DataSpan | null;
}
export interface ParsedTable extends TableLayout {
    plan: ReadonlyMap<string, ColumnPlan>;
    rows: ParsedRow[];
    /** A required column is absent: no row of this sheet can make a record. */
    incomplete: boolean;
}
/** Finds the header row and the data span; cheap, so the row total for progress is known up front. */
export declare function layoutTable(def: SheetDef, sheet: SheetGrid, index: number): TableLayout;
export type RowHook = (ctx: RowContext, plan: ReadonlyMap<string, ColumnPlan>, rowIndex: number, values: RowValues) => boolean;
export declare function readTable(layout: TableLayout, ctx: RowContext, hook: RowHook | undefined, tick: () => void): ParsedTable;
