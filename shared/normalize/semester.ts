import { fail, ok, withFix, type Normalized, type RawValue } from './result.js';
import { prepareText } from './text.js';

const CANONICAL = /^(\d{4})-(\d{4})-([12])$/;
const SCHOOL_YEAR = /^(\d{4})\s*[-~—–至到]\s*(\d{4})\s*学?年?度?\s*(?:第\s*([一二12])\s*学期|([上下])\s*学期)$/;
const SEASON = /^(\d{4})\s*年?\s*(秋季?|春季?)(?:学期)?$/;

/**
 * 学期 → "YYYY-YYYY-1" (autumn, first term of the school year) or "YYYY-YYYY-2" (spring).
 * "2026年秋季" is the autumn of 2026-2027; "2027年春季" the spring of the same school year.
 * A malformed term is reported as date.invalid: a term is a period of time, and the message names
 * the accepted forms.
 */
export function normalizeSemester(raw: RawValue): Normalized<string> {
  if (raw === null) return fail('required');
  if (typeof raw !== 'string') return fail('date.invalid', 'semester');
  const p = prepareText(raw);
  const t = p.text;
  let m = CANONICAL.exec(t);
  if (m) {
    return Number(m[2]) === Number(m[1]) + 1 ? ok(t, p.fixes) : fail('date.invalid', 'semester');
  }
  m = SCHOOL_YEAR.exec(t);
  if (m) {
    const y1 = Number(m[1]), y2 = Number(m[2]);
    if (y2 !== y1 + 1) return fail('date.invalid', 'semester');
    const term = m[3] === '一' || m[3] === '1' || m[4] === '上' ? 1 : 2;
    return ok(`${y1}-${y2}-${term}`, withFix(p.fixes, 'fix.normalize'));
  }
  m = SEASON.exec(t);
  if (m) {
    const y = Number(m[1]);
    const autumn = m[2]!.startsWith('秋');
    return ok(autumn ? `${y}-${y + 1}-1` : `${y - 1}-${y}-2`, withFix(p.fixes, 'fix.normalize'));
  }
  return fail('date.invalid', 'semester');
}

/** The calendar year a term starts in: autumn of Y-(Y+1) starts in Y, its spring in Y+1. */
export function semesterStartYear(semester: string): number {
  const y1 = Number(semester.slice(0, 4));
  return semester.endsWith('-1') ? y1 : y1 + 1;
}
