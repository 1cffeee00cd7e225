/**
 * Calendar arithmetic on ISO date strings. Everything works on year/month/day integers, never on
 * local-time Date objects, so a roster evaluates the same in Beijing, in a Worker (UTC) and in CI.
 * A year-month ("2026-09") stands for the 1st of that month (policy.md, "Service start").
 */
export interface Ymd {
    y: number;
    m: number;
    d: number;
}
export declare function daysInMonth(y: number, m: number): number;
/** A real calendar date "YYYY-MM-DD" (a year-month is not accepted here). */
export declare function isIsoDate(s: string): boolean;
export declare function parseIso(s: string): Ymd;
export declare function formatIso({ y, m, d }: Ymd): string;
/** "YYYY-MM" → "YYYY-MM-01"; a full date is returned as is, so plain string comparison orders dates. */
export declare function toDay(s: string): string;
export declare function yearOf(s: string): number;
/** Same day n months later; a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export declare function addMonths(s: string, n: number): string;
export declare function addYears(s: string, n: number): string;
/** Whole years from `from` to `to` (an anniversary counts on its day). */
export declare function fullYearsBetween(from: string, to: string): number;
/** Months from the date's month through December, both counted: March → 10. */
export declare function monthsThroughDecember(s: string): number;
export declare function yearStart(y: number): string;
export declare function yearEnd(y: number): string;
/** "MM-DD" of year y as a date; 02-29 in a common year becomes 02-28. */
export declare function monthDayIn(y: number, monthDay: string): string;
export declare function addDays(s: string, n: number): string;
