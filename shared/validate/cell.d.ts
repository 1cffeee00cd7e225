/**
 * One checker per column, built once per validation: the normalizer of the column's type plus the
 * range checks that need the submission year or the column's bounds.
 */
import type { FindingCode, FixCode } from '../contract/codes.js';
import type { ColumnDef } from '../contract/sheets.js';
import { type NumberBounds } from '../normalize/number.js';
import type { RawValue } from '../normalize/result.js';
export type CheckResult = {
    ok: true;
    value: string | number;
    fixes: readonly FixCode[];
} | {
    ok: false;
    code: FindingCode;
    reason?: string;
    suggestion?: string;
    shown?: string;
};
export type Checker = (raw: Exclude<RawValue, null>) => CheckResult;
/** The bounds a number column is checked against (also shown in its number.range message). */
export declare function boundsOf(col: ColumnDef): NumberBounds | undefined;
/** The column's checker; results are shared between equal cells, so they are never mutated. */
export declare function makeChecker(col: ColumnDef, year: number): Checker;
