import { type Normalized, type RawValue } from './result.js';
/** "3.5", "３.５", "3.5学时", "3.5 小时", "12,000" and number cells → a number. */
export declare function normalizeNumber(raw: RawValue): Normalized<number>;
export interface NumberBounds {
    min?: number;
    minExclusive?: boolean;
    max?: number;
    step?: number;
    integer?: boolean;
}
/** number.range: outside the bounds, off the step (学时 in halves), or not whole where counts are. */
export declare function isNumberInRange(n: number, b: NumberBounds): boolean;
