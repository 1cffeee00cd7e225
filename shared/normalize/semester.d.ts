import { type Normalized, type RawValue } from './result.js';
/**
 * 学期 → "YYYY-YYYY-1" (autumn, first term of the school year) or "YYYY-YYYY-2" (spring).
 * "2026年秋季" is the autumn of 2026-2027; "2027年春季" the spring of the same school year.
 * A malformed term is reported as date.invalid: a term is a period of time, and the message names
 * the accepted forms.
 */
export declare function normalizeSemester(raw: RawValue): Normalized<string>;
/** The calendar year a term starts in: autumn of Y-(Y+1) starts in Y, its spring in Y+1. */
export declare function semesterStartYear(semester: string): number;
