import { fail, type Normalized, ok, type RawValue, withFix } from './result.js';
import { prepareText } from './text.js';

const CANONICAL = /^(\d{4})-(\d{4})-([12])$/;
// Exactly the shapes template.md lists. The autumn of Y: Y年秋季, Y年秋季学期, Y年秋, Y秋季, Y秋;
// the spring of Y likewise with 春.
const SEASON = /^(\d{4})(?:年([秋春])(?:季(?:学期)?)?|([秋春])季?)$/;
// Y-(Y+1)学年第一学期 / 第1学期 (autumn), 第二学期 / 第2学期 (spring).
const SCHOOL_YEAR = /^(\d{4})-(\d{4})学年第([一二12])学期$/;
const INNER_SPACE = /\s+/g;

const pad4 = (y: number): string => String(y).padStart(4, '0');

/**
 * 学期 → "YYYY-YYYY-1" (autumn, first term of the school year) or "YYYY-YYYY-2" (spring).
 * "2026年秋季" is the autumn of 2026-2027; "2027年春季" the spring of the same school year.
 * Spaces between the parts are ignored ("2026 年秋季"). Any other shape, or a school year whose
 * second year is not the first plus one, is date.invalid: a term is a period of time, and the
 * message names the accepted forms.
 */
export function normalizeSemester(raw: RawValue): Normalized<string> {
  if (raw === null) return fail('required');
  if (typeof raw !== 'string') return fail('date.invalid', 'semester');
  const p = prepareText(raw);
  const t = p.text.replace(INNER_SPACE, '');
  const fixes = t === p.text ? p.fixes : withFix(p.fixes, 'fix.normalize');
  let m = CANONICAL.exec(t);
  if (m) {
    return Number(m[2]) === Number(m[1]) + 1 ? ok(t, fixes) : fail('date.invalid', 'semester');
  }
  m = SCHOOL_YEAR.exec(t);
  if (m) {
    const y1 = Number(m[1]),
      y2 = Number(m[2]);
    if (y2 !== y1 + 1) return fail('date.invalid', 'semester');
    const term = m[3] === '一' || m[3] === '1' ? 1 : 2;
    return ok(`${y1}-${y2}-${term}`, withFix(fixes, 'fix.normalize'));
  }
  m = SEASON.exec(t);
  if (m) {
    const y = Number(m[1]);
    const autumn = (m[2] ?? m[3]) === '秋';
    // The school year must stay two four-digit years: no spring of 0000, no autumn of 9999.
    if (autumn ? y === 9999 : y === 0) return fail('date.invalid', 'semester');
    return ok(autumn ? `${pad4(y)}-${pad4(y + 1)}-1` : `${pad4(y - 1)}-${pad4(y)}-2`, withFix(fixes, 'fix.normalize'));
  }
  return fail('date.invalid', 'semester');
}

/** The calendar year a term starts in: autumn of Y-(Y+1) starts in Y, its spring in Y+1. */
export function semesterStartYear(semester: string): number {
  const y1 = Number(semester.slice(0, 4));
  return semester.endsWith('-1') ? y1 : y1 + 1;
}
