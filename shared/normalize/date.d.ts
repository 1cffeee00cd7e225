import { type Normalized, type RawValue } from './result.js';
export interface DateOptions {
    /** A year-month is enough (参加工作时间, 出生年月): "2026-09", "2026年9月" … are accepted too. */
    yearMonth?: boolean;
}
/**
 * Every date shape of template.md → "YYYY-MM-DD" (or "YYYY-MM" for a year-month). A serial number
 * or a Date cell is a date as Excel stores it (no fix); any other written shape is a fix.normalize.
 * The range check (1950 … the year's 31 Dec) needs the submission year and is the validator's.
 */
export declare function normalizeDate(raw: RawValue, opts?: DateOptions): Normalized<string>;
/** A date or year-month's first day, for comparisons: "2026-09" → "2026-09-01". */
export declare function firstDayOf(isoDateOrYearMonth: string): string;
export declare const EARLIEST_DATE = "1950-01-01";
/** The last date a submission for `year` may hold: its 31 Dec. */
export declare function latestDate(year: number): string;
/** date.range: before 1950-01-01 or after `latest` (the submission year's 31 Dec). */
export declare function isDateInRange(iso: string, latest: string): boolean;
