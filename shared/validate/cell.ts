/**
 * One checker per column, built once per validation: the normalizer of the column's type plus the
 * range checks that need the submission year or the column's bounds.
 */
import type { FindingCode, FixCode } from '../contract/codes.js';
import { TITLES } from '../contract/enums.js';
import type { ColumnDef } from '../contract/sheets.js';
import { checkIdNumber } from '../id-number.js';
import { isDateInRange, latestDate, normalizeDate } from '../normalize/date.js';
import { normalizeEnum, normalizeTitle } from '../normalize/enum.js';
import { isNumberInRange, type NumberBounds, normalizeNumber } from '../normalize/number.js';
import { normalizePhone } from '../normalize/phone.js';
import type { RawValue } from '../normalize/result.js';
import { normalizeSemester, semesterStartYear } from '../normalize/semester.js';
import { normalizePersonName, normalizeText } from '../normalize/text.js';

export type CheckResult =
  | { ok: true; value: string | number; fixes: readonly FixCode[] }
  | { ok: false; code: FindingCode; reason?: string; suggestion?: string; shown?: string };

export type Checker = (raw: Exclude<RawValue, null>) => CheckResult;

const RANGE: CheckResult = { ok: false, code: 'number.range' };

/** The bounds a number column is checked against (also shown in its number.range message). */
export function boundsOf(col: ColumnDef): NumberBounds | undefined {
  const t = col.type;
  if (t.kind === 'number') return { min: t.min, minExclusive: t.minExclusive, max: t.max, step: t.step };
  if (t.kind === 'integer') return { min: t.min, max: t.max, integer: true };
  return undefined;
}

/** What a checker depends on besides its column: the same for every cell of one validation. */
export interface CheckContext {
  /** The submission year: bounds dates, terms and ID birth dates. */
  year: number;
  /** Number cells in date columns are 1904-system serials (the workbook's flag). */
  date1904: boolean;
}

/** Most cells repeat (dates, levels, hours, a teacher's ID on each training): check each value once. */
const MEMO_LIMIT = 50000;
/**
 * A column whose values mostly differ (certificate numbers, phones: 43,000 distinct in 62,000
 * trainings) gains nothing from the cache and pays for it: looked up, stored and kept alive for
 * every cell. After this many cells, a column with fewer than a quarter repeats is checked directly.
 */
const MEMO_TRIAL = 2048;

function memoize(check: Checker): Checker {
  let cache: Map<string | number | boolean, CheckResult> | null = new Map();
  let seen = 0;
  let hits = 0;
  // A teacher's trainings sit one under the other: the ID and name cells repeat the row above, and
  // comparing with it is cheaper than any lookup. Checkers are pure, so this holds for a Date too.
  let lastRaw: Exclude<RawValue, null> | undefined;
  let lastResult: CheckResult | undefined;
  return (raw) => {
    if (raw === lastRaw) return lastResult!;
    let r: CheckResult | undefined;
    if (cache === null || raw instanceof Date) r = check(raw);
    else {
      r = cache.get(raw);
      if (r === undefined) {
        r = check(raw);
        if (cache.size < MEMO_LIMIT) cache.set(raw, r);
      } else hits++;
      // Worked out on every cell, not only at the trial's end: code first run after the loop was
      // compiled would throw the compiled loop away.
      const repeating = hits * 4 >= ++seen;
      if (seen === MEMO_TRIAL && !repeating) cache = null;
    }
    lastRaw = raw;
    lastResult = r;
    return r;
  };
}

/** The column's checker; results are shared between equal cells, so they are never mutated. */
export function makeChecker(col: ColumnDef, ctx: CheckContext): Checker {
  return memoize(baseChecker(col, ctx));
}

function baseChecker(col: ColumnDef, { year, date1904 }: CheckContext): Checker {
  const t = col.type;
  const latest = latestDate(year);
  switch (t.kind) {
    case 'idNumber':
      return (raw) => checkIdNumber(raw, year);
    case 'personName':
      return normalizePersonName;
    case 'text': {
      const opts = { minLength: t.minLength, maxLength: t.maxLength };
      return (raw) => normalizeText(raw, opts);
    }
    case 'phone':
      return normalizePhone;
    case 'date':
    case 'yearMonth': {
      const opts = { yearMonth: t.kind === 'yearMonth', date1904 };
      return (raw) => {
        const r = normalizeDate(raw, opts);
        // The message shows the date as read ("2027-01-05"), not the serial number it came from.
        return r.ok && !isDateInRange(r.value, latest) ? { ok: false, code: 'date.range', shown: r.value } : r;
      };
    }
    case 'number':
    case 'integer': {
      const bounds = boundsOf(col)!;
      const units = t.units;
      return (raw) => {
        const r = normalizeNumber(raw, units);
        return r.ok && !isNumberInRange(r.value, bounds) ? RANGE : r;
      };
    }
    case 'enum': {
      if (t.def === TITLES) return normalizeTitle;
      const def = t.def;
      return (raw) => normalizeEnum(raw, def);
    }
    case 'semester':
      return (raw) => {
        const r = normalizeSemester(raw);
        if (!r.ok) return r;
        const start = semesterStartYear(r.value);
        return start > year || start < 1950 ? { ok: false, code: 'date.range', reason: 'semester', shown: r.value } : r;
      };
  }
}
