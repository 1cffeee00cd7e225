/**
 * Name and header lookups, compiled once per module load: normalized sheet name or alias → sheet
 * key, and per sheet normalized header or alias → column key.
 */
import { type ColumnDef, type SheetKey } from '../contract/sheets.js';
export interface HeaderLookup {
    /** Exact normalized header or alias → column key. */
    exact: Map<string, string>;
    /** Header or alias without its trailing parenthesis ("年度公用经费预算") → key, when unambiguous. */
    bare: Map<string, string>;
    byKey: Map<string, ColumnDef>;
    /** Keys of the columns whose requirement is 'yes': they decide which row is the header row. */
    requiredKeys: readonly string[];
}
export declare const HEADER_LOOKUPS: ReadonlyMap<SheetKey, HeaderLookup>;
/** The column key a header cell's text stands for, or undefined. */
export declare function matchHeader(text: string, lookup: HeaderLookup): string | undefined;
export declare function matchSheetName(name: string): SheetKey | undefined;
