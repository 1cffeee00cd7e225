/**
 * Today's date in Beijing, whatever the machine's time zone: a Worker (UTC) at 07:00 Beijing time
 * and a clerk's laptop must agree on which day "today" is.
 */
export declare function todayInBeijing(now?: Date): string;
/**
 * The default asOf of policy.md: 31 Dec of a past year, today for the current year.
 * Throws PolicyError `policy.future_year` for a year after the current one and
 * `policy.year_invalid` for a year that is not an integer from 1950 to 9999.
 */
export declare function defaultAsOf(year: number, today?: Date): string;
