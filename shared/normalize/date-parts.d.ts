/**
 * Calendar arithmetic on plain integers. Dates travel as ISO strings (YYYY-MM-DD) everywhere, so
 * the validator never needs a Date object for a cell, and serials are converted without allocation.
 */
export declare function isLeapYear(y: number): boolean;
export declare function daysInMonth(y: number, m: number): number;
export declare function isRealDate(y: number, m: number, d: number): boolean;
export declare function isoDate(y: number, m: number, d: number): string;
export declare function isoYearMonth(y: number, m: number): string;
/** Days since 1970-01-01 → [y, m, d] (Howard Hinnant's civil_from_days). */
export declare function civilFromDays(days: number): [number, number, number];
export declare const MAX_SERIAL = 2958465;
/** An Excel 1900-system serial → ISO date, or null for 0, 60 (the phantom 29 Feb 1900) and out of range. */
export declare function serialToIso(serial: number): string | null;
/**
 * A Date from a reader → its ISO date. exceljs decodes date cells as UTC midnight, so the UTC
 * fields are the calendar date the clerk typed.
 */
export declare function isoDateOf(dt: Date): string | null;
