/**
 * What the host can do, decided once by the UI (Office.context.requirements) and passed to the
 * Excel functions, so that they stay plain functions the mock can drive.
 */
export interface ExcelCaps {
    /** Notes (ExcelApi 1.18), else threaded comments (1.10), else none. */
    annotations: 'notes' | 'comments' | 'none';
    /** application.suspendScreenUpdatingUntilNextSync / suspendApiCalculationUntilNextSync (1.9 / 1.8). */
    suspend: boolean;
}
export declare const NO_CAPS: ExcelCaps;
/** Sheets the add-in itself keeps in a workbook: never read as data, never shown. */
export declare const LISTS_SHEET = "_lists";
export declare const MARKS_SHEET_PREFIX = "_marks";
export declare function isInternalSheet(name: string): boolean;
/** Queued before a batch of writes: no repaint and no recalculation until the batch's sync. */
export declare function suspendWhileWriting(context: Excel.RequestContext, caps: ExcelCaps): void;
/** Quotes a sheet name for a formula or an address: 'My Sheet'!A1. */
export declare function quoteSheet(name: string): string;
