/**
 * Checks the cells of one row (or of one key/value sheet) against the columns found, reporting
 * findings and fixes as it goes, and returns the row's normalized values.
 */
import type { ColumnDef } from '../contract/sheets.js';
import { type CellValue, type SheetGrid } from '../grid.js';
import { type Checker } from './cell.js';
import { type Collector, type SheetPlace } from './collector.js';
export interface ColumnPlan {
    def: ColumnDef;
    /** Zero-based column index of the cell in the sheet. */
    index: number;
    check: Checker;
}
/** A cell's normalized value: undefined when it had an error, null when empty. */
export type RowValues = Record<string, string | number | null | undefined>;
export interface RowContext {
    collector: Collector;
    place: SheetPlace & {
        name: string;
    };
    sheet: SheetGrid;
    year: number;
}
export declare function planColumns(defs: readonly ColumnDef[], indexOf: (key: string) => number | undefined, year: number): ColumnPlan[];
/**
 * Reads one cell into `values`; returns true when the cell has an error (the row then makes no
 * record). Conditional requirements are checked afterwards by checkConditions.
 */
export declare function readCell(ctx: RowContext, p: ColumnPlan, raw: CellValue | undefined, rowIndex: number, values: RowValues): boolean;
/**
 * Conditional requirements (任现职时间 for 校长/副校长, 称号级别 for a 骨干称号): an empty cell is
 * `required`; when the column itself is absent the row is marked bad and the caller reports one
 * header.missing for the sheet. A condition on a value that had its own error is not evaluated.
 */
export declare function checkConditions(ctx: RowContext, conditional: readonly ColumnDef[], plan: ReadonlyMap<string, ColumnPlan>, byKey: ReadonlyMap<string, ColumnDef>, rowIndex: number, values: RowValues, absentNeeded: Set<string>): boolean;
