import { fail, NO_FIXES, ok, withFix, type Normalized, type RawValue } from './result.js';
import { prepareText } from './text.js';
import { isoDate, isoDateOf, isoYearMonth, isRealDate, MAX_SERIAL, serialToIso } from './date-parts.js';

export interface DateOptions {
  /** A year-month is enough (参加工作时间, 出生年月): "2026-09", "2026年9月" … are accepted too. */
  yearMonth?: boolean;
}

const FULL_SEP = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const FULL_CJK = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const FULL_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YM_SEP = /^(\d{4})[-/.](\d{1,2})$/;
const YM_CJK = /^(\d{4})年(\d{1,2})月?$/;
const ISO_FULL = /^\d{4}-\d{2}-\d{2}$/;
const ISO_YM = /^\d{4}-\d{2}$/;

/**
 * Every date shape of template.md → "YYYY-MM-DD" (or "YYYY-MM" for a year-month). A serial number
 * or a Date cell is a date as Excel stores it (no fix); any other written shape is a fix.normalize.
 * The range check (1950 … the year's 31 Dec) needs the submission year and is the validator's.
 */
export function normalizeDate(raw: RawValue, opts: DateOptions = {}): Normalized<string> {
  if (raw === null) return fail('required');
  if (raw instanceof Date) {
    const iso = isoDateOf(raw);
    return iso === null ? fail('date.invalid') : ok(iso);
  }
  if (typeof raw === 'number') return fromNumber(raw);
  if (typeof raw === 'boolean') return fail('date.invalid');
  const p = prepareText(raw);
  const t = p.text;
  let m = FULL_SEP.exec(t) ?? FULL_CJK.exec(t) ?? FULL_COMPACT.exec(t);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    if (!isRealDate(y, mo, d)) return fail('date.invalid', 'impossible');
    return ok(isoDate(y, mo, d), ISO_FULL.test(t) ? p.fixes : withFix(p.fixes, 'fix.normalize'));
  }
  if (opts.yearMonth) {
    m = YM_SEP.exec(t) ?? YM_CJK.exec(t);
    if (m) {
      const y = Number(m[1]), mo = Number(m[2]);
      if (!isRealDate(y, mo, 1)) return fail('date.invalid', 'impossible');
      return ok(isoYearMonth(y, mo), ISO_YM.test(t) ? p.fixes : withFix(p.fixes, 'fix.normalize'));
    }
  }
  return fail('date.invalid', opts.yearMonth ? 'shape-ym' : 'shape');
}

function fromNumber(n: number): Normalized<string> {
  if (!Number.isFinite(n)) return fail('date.invalid');
  // 2026.09 typed into a cell becomes a number; read as a serial it would be a day in 1905, so it
  // is refused with a hint rather than silently turned into a wrong date.
  if (n >= 1900 && n <= 2100) return fail('date.invalid', 'year-like');
  if (Number.isInteger(n) && n > MAX_SERIAL) {
    const y = Math.floor(n / 10000), mo = Math.floor(n / 100) % 100, d = n % 100;
    if (y >= 1000 && y <= 9999 && isRealDate(y, mo, d)) return ok(isoDate(y, mo, d), ['fix.normalize']);
    return fail('date.invalid');
  }
  const iso = serialToIso(n);
  return iso === null ? fail('date.invalid', 'serial') : ok(iso, NO_FIXES);
}

/** A date or year-month's first day, for comparisons: "2026-09" → "2026-09-01". */
export function firstDayOf(isoDateOrYearMonth: string): string {
  return isoDateOrYearMonth.length === 7 ? isoDateOrYearMonth + '-01' : isoDateOrYearMonth;
}

export const EARLIEST_DATE = '1950-01-01';

/** The last date a submission for `year` may hold: its 31 Dec. */
export function latestDate(year: number): string {
  return `${year}-12-31`;
}

/** date.range: before 1950-01-01 or after `latest` (the submission year's 31 Dec). */
export function isDateInRange(iso: string, latest: string): boolean {
  const d = firstDayOf(iso);
  return d >= EARLIEST_DATE && d <= latest;
}
