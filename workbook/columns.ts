/** What the .xlsx writers derive from the contract about columns. */
import { type ColumnDef, SHEET_LIST } from '../shared/contract/sheets.js';

/**
 * Columns whose cells must be text whatever they look like: an ID number or a phone number typed
 * into a General cell becomes a number and loses digits, a code loses its leading zeros.
 */
export function isTextColumn(col: ColumnDef): boolean {
  const k = col.type.kind;
  return k === 'idNumber' || k === 'phone' || k === 'text' || k === 'personName';
}

/** Column keys that are text in every sheet that has them (a fix knows its column key, not its sheet's key). */
export const TEXT_COLUMN_KEYS: ReadonlySet<string> = new Set(
  SHEET_LIST.flatMap((s) => s.columns)
    .filter(isTextColumn)
    .map((c) => c.key)
    .filter((key) => SHEET_LIST.every((s) => s.columns.every((c) => c.key !== key || isTextColumn(c)))),
);
