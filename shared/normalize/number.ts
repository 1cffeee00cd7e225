import type { FixCode } from '../contract/codes.js';
import { HOUR_UNITS } from '../contract/sheets.js';
import { fail, NO_FIXES, type Normalized, ok, type RawValue, withFix } from './result.js';
import { prepareText } from './text.js';

const NUMBER = '[+-]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)';
const GROUPED = '[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?';
const PLAIN = new RegExp(`^${NUMBER}$`);
const THOUSANDS = new RegExp(`^${GROUPED}$`);
const COMMAS = /,/g;
// Units that would change the amount: "3天" is not 3 学时, "1.2万元" not 1.2 元. They are refused
// with their own message (convert, then enter the number) instead of being stripped.
const MAGNITUDE = new RegExp(`^(?:${GROUPED}|${NUMBER})\\s*(?:天|日|周|个月|分钟|分|秒|万元|千元|万|千)$`);

// One regex per unit list (a column's), built once: the validator reads hundreds of thousands of cells.
const withUnit = new Map<readonly string[], RegExp>();

function unitRegex(units: readonly string[]): RegExp {
  let re = withUnit.get(units);
  if (re === undefined) {
    // Case-insensitive for the Latin "h"/"H"; longest unit first so "节课" wins over "节".
    const alts = [...units].sort((a, b) => b.length - a.length).join('|');
    re = new RegExp(`^(${GROUPED}|${NUMBER})\\s*(?:${alts})$`, 'i');
    withUnit.set(units, re);
  }
  return re;
}

/**
 * "3.5", "３.５", "12,000", number cells, and a number followed by one of `units` (the column's own:
 * 学时 and its synonyms by default) → a number. Any other text is number.invalid, a unit that
 * changes the amount with reason "unit".
 */
export function normalizeNumber(raw: RawValue, units: readonly string[] = HOUR_UNITS): Normalized<number> {
  if (raw === null) return fail('required');
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw, NO_FIXES) : fail('number.invalid');
  if (typeof raw !== 'string') return fail('number.invalid');
  const p = prepareText(raw);
  const t = p.text;
  if (PLAIN.test(t)) return finite(Number(t), p.fixes);
  if (THOUSANDS.test(t)) return finite(Number(t.replace(COMMAS, '')), withFix(p.fixes, 'fix.normalize'));
  const u = units.length > 0 ? unitRegex(units).exec(t) : null;
  if (u) {
    const body = u[1]!;
    const fixes = body.includes(',') ? withFix(p.fixes, 'fix.normalize') : p.fixes;
    return finite(Number(body.replace(COMMAS, '')), withFix(fixes, 'fix.unit'));
  }
  return fail('number.invalid', MAGNITUDE.test(t) ? 'unit' : undefined);
}

/** 400 written digits make Infinity: a number, but out of every column's range. */
function finite(n: number, fixes: readonly FixCode[]): Normalized<number> {
  return Number.isFinite(n) ? ok(n, fixes) : fail('number.range');
}

export interface NumberBounds {
  min?: number;
  minExclusive?: boolean;
  max?: number;
  step?: number;
  integer?: boolean;
}

/** number.range: outside the bounds, off the step (学时 in halves), or not whole where counts are. */
export function isNumberInRange(n: number, b: NumberBounds): boolean {
  if (b.min !== undefined && (b.minExclusive ? n <= b.min : n < b.min)) return false;
  if (b.max !== undefined && n > b.max) return false;
  if (b.integer && !Number.isInteger(n)) return false;
  if (b.step !== undefined) {
    const k = n / b.step;
    if (Math.abs(k - Math.round(k)) > 1e-9) return false;
  }
  return true;
}
