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

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31);
}

/** A real calendar date "YYYY-MM-DD" (a year-month is not accepted here). */
export function isIsoDate(s: string): boolean {
  const match = ISO.exec(s);
  if (!match || match[3] === undefined) return false;
  const m = Number(match[2]);
  const d = Number(match[3]);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(match[1]), m);
}

export function parseIso(s: string): Ymd {
  const match = ISO.exec(s);
  if (!match) throw new RangeError(`not an ISO date: ${s}`);
  return { y: Number(match[1]), m: Number(match[2]), d: match[3] === undefined ? 1 : Number(match[3]) };
}

export function formatIso({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "YYYY-MM" → "YYYY-MM-01"; a full date is returned as is, so plain string comparison orders dates. */
export function toDay(s: string): string {
  return s.length === 7 ? `${s}-01` : s;
}

export function yearOf(s: string): number {
  return Number(s.slice(0, 4));
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Months since year 0 of the month of a date or year-month of parseIso's shape: 2026-09-01 →
 * 2026 × 12 + 8. NaN for any other text (where parseIso throws). Read by hand: rules ask it for
 * every teacher.
 */
export function monthIndex(s: string): number {
  const n = s.length;
  if ((n !== 7 && n !== 10) || s[4] !== '-' || (n === 10 && (s[7] !== '-' || Number.isNaN(digits(s, 8, 10))))) {
    return Number.NaN;
  }
  return digits(s, 0, 4) * 12 + digits(s, 5, 7) - 1;
}

/** Same day n months later; a day the target month lacks becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(s: string, n: number): string {
  const { y, m, d } = parseIso(s);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return formatIso({ y: ty, m: tm, d: Math.min(d, daysInMonth(ty, tm)) });
}

export function addYears(s: string, n: number): string {
  return addMonths(s, 12 * n);
}

/** Whole years from `from` to `to` (an anniversary counts on its day). */
export function fullYearsBetween(from: string, to: string): number {
  const a = parseIso(from);
  const b = parseIso(to);
  const years = b.y - a.y;
  return b.m < a.m || (b.m === a.m && b.d < a.d) ? years - 1 : years;
}

/** Months from the date's month through December, both counted: March → 10. */
export function monthsThroughDecember(s: string): number {
  return 13 - parseIso(s).m;
}

export function yearStart(y: number): string {
  return formatIso({ y, m: 1, d: 1 });
}

export function yearEnd(y: number): string {
  return formatIso({ y, m: 12, d: 31 });
}

/** "MM-DD" of year y as a date; 02-29 in a common year becomes 02-28. */
export function monthDayIn(y: number, monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number) as [number, number];
  return formatIso({ y, m, d: Math.min(d, daysInMonth(y, m)) });
}

export function addDays(s: string, n: number): string {
  const { y, m, d } = parseIso(s);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return formatIso({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}
