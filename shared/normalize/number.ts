import { fail, NO_FIXES, ok, withFix, type Normalized, type RawValue } from './result.js';
import { prepareText } from './text.js';

const PLAIN = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
// Units a clerk types after hours, money and counts. Units that change the magnitude (万元, 天,
// 分钟) are deliberately absent: "3天" is not 3 hours, so it stays number.invalid.
const WITH_UNIT = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*(?:个?学时|小时|课时|h|hr|hrs|元|节|节课|次|个|项|篇)$/i;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** "3.5", "３.５", "3.5学时", "3.5 小时", "12,000" and number cells → a number. */
export function normalizeNumber(raw: RawValue): Normalized<number> {
  if (raw === null) return fail('required');
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw, NO_FIXES) : fail('number.invalid');
  if (typeof raw !== 'string') return fail('number.invalid');
  const p = prepareText(raw);
  const t = p.text;
  if (PLAIN.test(t)) return ok(Number(t), p.fixes);
  const u = WITH_UNIT.exec(t);
  if (u) return ok(Number(u[1]), withFix(p.fixes, 'fix.unit'));
  if (THOUSANDS.test(t)) return ok(Number(t.replace(/,/g, '')), withFix(p.fixes, 'fix.normalize'));
  return fail('number.invalid');
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
