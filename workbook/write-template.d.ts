/** The sheet that holds the dropdown lists; very hidden, so the reader skips it and clerks never see it. */
export declare const LISTS_SHEET = "_lists";
/**
 * Rows below the header that carry the dropdowns. Bounded on purpose: a whole-column range makes
 * every exceljs-based reader expand a million cells per column (a school's ledger is far shorter).
 */
export declare const TEMPLATE_DATA_ROWS = 10000;
export declare function writeTemplate(): Promise<Uint8Array>;
