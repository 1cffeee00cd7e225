/**
 * The forms in which courses and codes are compared (archive.md §2): a clerk's "2026年 新教师
 * 入岗培训（第一期）" and the catalogue's "新教师入岗培训第一期" are the same training.
 */

/** Spaces, punctuation, symbols and invisible characters: none of them makes a different course. */
const NOISE = /[\p{Z}\p{P}\p{S}\p{C}\s]+/gu;
/** A year in front ("2026年", "2026年度"): ledgers repeat the year the catalogue is already for. */
const LEADING_YEAR = /^(?:19|20)\d{2}年度?/;

/**
 * A course as compared: NFKC (full width → half width), lower case, without spaces, punctuation,
 * symbols or a leading year. Callers that fold many records memoize by text; a course of the usual
 * characters (below) is folded in one pass without normalizing or regexes, to the same result.
 */
export function foldCourse(course: string): string {
  return foldPlain(course) ?? course.normalize('NFKC').toLowerCase().replace(NOISE, '').replace(LEADING_YEAR, '');
}

const DROP = -2;
const FULL_PATH = -1;

/**
 * What a character of the fast path folds to: itself (ideographs of the basic CJK block, ASCII lower
 * case and digits: NFKC leaves them alone and they are letters and numbers), ASCII lower case or a
 * digit (upper case, and full-width forms), DROP (ASCII and full-width spaces, punctuation, symbols
 * and controls, and a few CJK marks without compatibility forms), or FULL_PATH for any other
 * character.
 */
function plainFold(c: number): number {
  if ((c >= 0x4e00 && c <= 0x9fa5) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
  // Full width: NFKC gives the ASCII character 0xFEE0 below.
  const a = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  if (a < 0x80) {
    if ((a >= 0x61 && a <= 0x7a) || (a >= 0x30 && a <= 0x39)) return a;
    if (a >= 0x41 && a <= 0x5a) return a + 0x20;
    // Every other ASCII character is a space, punctuation, a symbol or a control: noise.
    return DROP;
  }
  // Ideographic space (NFKC: a space), 、。, the brackets 〈〉《》「」『』【】, · and —.
  if (c === 0x3000 || c === 0x3001 || c === 0x3002 || (c >= 0x3008 && c <= 0x3011) || c === 0xb7 || c === 0x2014)
    return DROP;
  return FULL_PATH;
}

/** The fold of a course of fast-path characters only; null when one needs the full path. */
function foldPlain(course: string): string | null {
  let same = true;
  for (let i = 0; i < course.length; i++) {
    const c = course.charCodeAt(i);
    const f = plainFold(c);
    if (f === FULL_PATH) return null;
    if (f !== c) same = false;
  }
  if (same) return withoutYear(course);
  let out = '';
  for (let i = 0; i < course.length; i++) {
    const f = plainFold(course.charCodeAt(i));
    if (f >= 0) out += String.fromCharCode(f);
  }
  return withoutYear(out);
}

/** LEADING_YEAR without the regex: 19xx or 20xx, 年, and an optional 度. */
function withoutYear(s: string): string {
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  if (!((c0 === 0x31 && c1 === 0x39) || (c0 === 0x32 && c1 === 0x30))) return s;
  if (!isDigit(s.charCodeAt(2)) || !isDigit(s.charCodeAt(3)) || s.charCodeAt(4) !== 0x5e74) return s;
  return s.slice(s.charCodeAt(5) === 0x5ea6 ? 6 : 5);
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** A 项目编号 as compared: NFKC, without spaces, upper case ("lx-2026-01 " = "LX-2026-01"). */
export function foldCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
