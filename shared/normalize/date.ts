import { isoDate, isoDateOf, isoYearMonth, isRealDate, MAX_SERIAL, serialToIso } from './date-parts.js';
import { fail, NO_FIXES, type Normalized, ok, type RawValue, withFix } from './result.js';
import { prepareText } from './text.js';

export interface DateOptions {
  /** A year-month is enough (参加工作时间, 出生年月): "2026-09", "2026年9月" … are accepted too. */
  yearMonth?: boolean;
  /** Number cells are serials of the 1904 date system (the workbook's date1904 flag). */
  date1904?: boolean;
}

// One separator throughout: "2026-09/01" is no shape a clerk or a program writes.
const FULL_SEP = /^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})$/;
const FULL_CJK = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]$/;
const FULL_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// A time of day after a full date, as CSV exports and pasted cells carry it: "2026-09-01 00:00:00",
// "2026-09-01T00:00:00.000Z", "2026/9/1 0:00". An offset or Z is accepted and, like the time,
// dropped: the date is the calendar date as written.
const WITH_TIME = /^(.+?)(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const YM_SEP = /^(\d{4})[-/.](\d{1,2})$/;
const YM_CJK = /^(\d{4})年(\d{1,2})月$/;
const ISO_FULL = /^\d{4}-\d{2}-\d{2}$/;
const ISO_YM = /^\d{4}-\d{2}$/;

/** ISO_FULL by hand: ten characters, digits but for "-" at 4 and 7. */
function isIsoShape(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/** The year, month and day of a full-date shape (unchecked), or null when the text is none. */
function fullDateParts(t: string): [number, number, number] | null {
  const s = FULL_SEP.exec(t);
  // The separators compared here, not by a backreference: that would slow the regex on every cell.
  if (s) return s[2] === s[4] ? [Number(s[1]), Number(s[3]), Number(s[5])] : null;
  const m = FULL_CJK.exec(t) ?? FULL_COMPACT.exec(t);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** 0:00:00 to 23:59:59; "24:00" is no time a clerk's cell means. */
function isTimeOfDay(h: number, min: number, sec: number): boolean {
  return h <= 23 && min <= 59 && sec <= 59;
}

/**
 * Every date shape of template.md → "YYYY-MM-DD" (or "YYYY-MM" for a year-month). A serial number
 * or a Date cell is a date as Excel stores it (no fix); any other written shape is a fix.normalize,
 * and so is a valid time of day after a date, which is dropped. An impossible date or time is
 * date.invalid. The range check (1950 … the year's 31 Dec) needs the submission year and is the
 * validator's.
 */
export function normalizeDate(raw: RawValue, opts: DateOptions = {}): Normalized<string> {
  if (raw === null) return fail('required');
  if (raw instanceof Date) {
    const iso = isoDateOf(raw);
    return iso === null ? fail('date.invalid') : ok(iso);
  }
  if (typeof raw === 'number') return fromNumber(raw, opts.date1904 ?? false);
  if (typeof raw === 'boolean') return fail('date.invalid');
  // "YYYY-MM-DD" exactly, as most cells hold it: the shape told by hand, nothing to rewrite.
  if (isIsoShape(raw)) {
    return isRealDate(digits(raw, 0, 4), digits(raw, 5, 7), digits(raw, 8, 10))
      ? ok(raw)
      : fail('date.invalid', 'impossible');
  }
  const p = prepareText(raw);
  const t = p.text;
  // The standard form, which most cells hold: already the normalized value.
  if (ISO_FULL.test(t)) {
    return isRealDate(Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10)))
      ? ok(t, p.fixes)
      : fail('date.invalid', 'impossible');
  }
  let parts = fullDateParts(t);
  let timeOk = true;
  let datePart = t;
  if (parts === null) {
    const tm = WITH_TIME.exec(t);
    if (tm) {
      datePart = tm[1]!;
      parts = fullDateParts(datePart);
      timeOk = isTimeOfDay(Number(tm[2]), Number(tm[3]), tm[4] === undefined ? 0 : Number(tm[4]));
    }
  }
  if (parts !== null) {
    const [y, mo, d] = parts;
    if (!isRealDate(y, mo, d)) return fail('date.invalid', 'impossible');
    if (!timeOk) return fail('date.invalid', 'time');
    return ok(isoDate(y, mo, d), withFix(p.fixes, 'fix.normalize'));
  }
  if (opts.yearMonth) {
    const m = YM_SEP.exec(t) ?? YM_CJK.exec(t);
    if (m) {
      const y = Number(m[1]),
        mo = Number(m[2]);
      if (!isRealDate(y, mo, 1)) return fail('date.invalid', 'impossible');
      return ok(isoYearMonth(y, mo), ISO_YM.test(t) ? p.fixes : withFix(p.fixes, 'fix.normalize'));
    }
  }
  return fail('date.invalid', opts.yearMonth ? 'shape-ym' : 'shape');
}

function fromNumber(n: number, date1904: boolean): Normalized<string> {
  if (!Number.isFinite(n)) return fail('date.invalid');
  // 2026.09 typed into a cell becomes a number; read as a serial it would be a day in 1905, so it
  // is refused with a hint rather than silently turned into a wrong date.
  if (n >= 1900 && n <= 2100) return fail('date.invalid', 'year-like');
  if (Number.isInteger(n) && n > MAX_SERIAL) {
    const y = Math.floor(n / 10000),
      mo = Math.floor(n / 100) % 100,
      d = n % 100;
    if (y >= 1000 && y <= 9999 && isRealDate(y, mo, d)) return ok(isoDate(y, mo, d), ['fix.normalize']);
    return fail('date.invalid');
  }
  const iso = serialToIso(n, date1904);
  return iso === null ? fail('date.invalid', 'serial') : ok(iso, NO_FIXES);
}

/** A date or year-month's first day, for comparisons: "2026-09" → "2026-09-01". */
export function firstDayOf(isoDateOrYearMonth: string): string {
  return isoDateOrYearMonth.length === 7 ? `${isoDateOrYearMonth}-01` : isoDateOrYearMonth;
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
