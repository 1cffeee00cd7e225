/**
 * Marks the validator's findings on their cells, and takes the marks away again.
 *
 * Fill colours come from conditional formats driven by a very hidden grid of flags (1 error,
 * 2 warning) at the same addresses, not from per-cell formatting: writing one 2-D array and adding
 * two conditional formats per sheet is a single request whatever the number of findings, and the
 * clerk's own fills are never touched, so removing the formats restores the sheet exactly.
 * Per-cell fills would need the original fills read back first and ranges chunked under getRanges'
 * ~500 areas / 8 KB limit, i.e. round trips that grow with the findings.
 *
 * Messages go into notes (ExcelApi 1.18) or, on older hosts, comments, on at most
 * ANNOTATION_LIMIT cells and never on a cell that already has one of the clerk's.
 */
import type { Finding } from '../../shared/contract/codes.js';
import { type ExcelCaps } from './caps.js';
import { type WorkbookRead } from './read-workbook.js';
export declare const ANNOTATION_LIMIT = 300;
export declare const ERROR_FILL = "#FFC7CE";
export declare const ERROR_FONT = "#9C0006";
export declare const WARNING_FILL = "#FFEB9C";
export declare const WARNING_FONT = "#9C5700";
/** What the add-in added, kept in the document's settings so that a later session can remove it. */
export interface MarkRegistry {
    sheets: {
        sheet: string;
        marksSheet: string;
        range: string;
        formatIds: string[];
    }[];
}
export interface MarkResult {
    registry: MarkRegistry;
    marked: number;
    annotated: number;
    syncs: number;
}
export declare function markFindings(context: Excel.RequestContext, read: WorkbookRead, findings: readonly Finding[], caps: ExcelCaps): Promise<MarkResult>;
/**
 * Removes the marks of `registry` and every note the add-in wrote: 3 syncs (what exists, which
 * formats are still there, remove), so that a sheet renamed or deleted since is simply skipped.
 */
export declare function clearMarks(context: Excel.RequestContext, registry: MarkRegistry | null, caps: ExcelCaps): Promise<{
    removed: number;
    syncs: number;
}>;
