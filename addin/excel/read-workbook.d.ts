/**
 * Reads every data sheet's used range into a WorkbookGrid with a fixed number of round trips:
 * 1. sheet names (and the existing notes or comments);
 * 2. each sheet's used-range bounds (and where those notes sit, and the previous marks' formats);
 * 3+. the values in blocks of at most BLOCK_ROWS rows, several blocks a sync up to CELLS_PER_SYNC
 *    cells, so that no response passes Excel on the web's 5 MB cap.
 * A 10,000-row roster is 4 syncs. Only `values` and `valueTypes` are loaded: the types tell an
 * error value (#N/A) from text that looks like one, and a number cell from digits typed as text.
 */
import type { WorkbookGrid } from '../../shared/grid.js';
import { type ExcelCaps } from './caps.js';
import type { MarkRegistry } from './mark-findings.js';
export declare const BLOCK_ROWS = 5000;
export declare const CELLS_PER_SYNC = 120000;
export type Annotation = Excel.Note | Excel.Comment;
/** Text that starts every note the add-in writes: how "Clear marks" tells ours from the clerk's. */
export declare const NOTE_PREFIX = "\u3010\u5E08\u8BAD\u53F0\u8D26\u3011";
export interface WorkbookRead {
    grid: WorkbookGrid;
    /** Every worksheet's name, the add-in's hidden ones included. */
    sheetNames: string[];
    /** "sheet!A1" of every cell that already has a note or comment the add-in did not write. */
    annotated: Set<string>;
    /** Notes or comments from an earlier validation, to be removed before marking again. */
    ownAnnotations: Annotation[];
    /** Conditional formats of an earlier validation (from its registry), to be removed likewise. */
    staleFormats: Excel.ConditionalFormat[];
    syncs: number;
}
export interface ReadOptions {
    caps: ExcelCaps;
    /** The registry of the marks currently in the workbook, if any. */
    marks?: MarkRegistry | null;
    /** Called after each block sync with cells read and cells in all. */
    onProgress?: (done: number, total: number) => void;
}
/** "'My sheet'!B7" or "Sheet1!B7" → "My sheet!B7" (the key used for annotated cells). */
export declare function cellKey(sheet: string, cell: string): string;
export declare function parseAddress(address: string): {
    sheet: string;
    cell: string;
};
export declare function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookRead>;
