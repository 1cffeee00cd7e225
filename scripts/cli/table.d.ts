/** Plain-text columns that line up in a terminal where a CJK character takes two cells. */
export declare function displayWidth(s: string): number;
export declare function pad(s: string, width: number): string;
/** Rows of cells → lines, each column as wide as its widest cell (the last column is not padded). */
export declare function formatTable(rows: readonly (readonly string[])[], indent?: string): string[];
