/** What the .xlsx writers derive from the contract about columns. */
import { type ColumnDef } from '../shared/contract/sheets.js';
/**
 * Columns whose cells must be text whatever they look like: an ID number or a phone number typed
 * into a General cell becomes a number and loses digits, a code loses its leading zeros.
 */
export declare function isTextColumn(col: ColumnDef): boolean;
/** Column keys that are text in every sheet that has them (a fix knows its column key, not its sheet's key). */
export declare const TEXT_COLUMN_KEYS: ReadonlySet<string>;
