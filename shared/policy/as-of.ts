import { formatIso } from './dates.js';
import { PolicyError } from './errors.js';

/** China Standard Time has no daylight saving: 8 hours ahead of UTC all year. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * Today's date in Beijing, whatever the machine's time zone: a Worker (UTC) at 07:00 Beijing time
 * and a clerk's laptop must agree on which day "today" is.
 */
export function todayInBeijing(now: Date = new Date()): string {
  const t = new Date(now.getTime() + BEIJING_OFFSET_MS);
  return formatIso({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/**
 * The current year in Beijing: the year a clerk means by default, everywhere (worker, pane,
 * dashboard, CLI). On 31 Dec at 17:00 UTC it is already next year in Beijing, and it is so for
 * every host, whatever its time zone.
 */
export function currentYear(now: Date = new Date()): number {
  return Number(todayInBeijing(now).slice(0, 4));
}

/**
 * The default asOf of policy.md: 31 Dec of a past year, today for the current year.
 * Throws PolicyError `policy.future_year` for a year after the current one and
 * `policy.year_invalid` for a year that is not an integer from 1950 to 9999.
 */
export function defaultAsOf(year: number, today: Date = new Date()): string {
  if (!Number.isInteger(year) || year < 1950 || year > 9999) {
    throw new PolicyError('policy.year_invalid', `year ${year} is not a calendar year from 1950`);
  }
  const now = todayInBeijing(today);
  const current = currentYear(today);
  if (year > current) {
    throw new PolicyError(
      'policy.future_year',
      `year ${year} is in the future (today is ${now}): it cannot be evaluated yet`,
    );
  }
  return year < current ? formatIso({ y: year, m: 12, d: 31 }) : now;
}
