/**
 * Header and sheet-name text in the form they are compared in: NFKC (full-width → half-width),
 * no spaces, line breaks or invisible characters (a zero-width space copied in with the header),
 * lower case, and without the "required" markers templates add ("（必填）", "*", "※").
 */
import { withoutInvisible } from './text.js';

const WS = /\s+/g;
const TRAILING_MARKS = ['(必填)', '(必填项)', '*', '※'] as const;
const TRAILING_PAREN = /\([^()]*\)$/;

// Header texts repeat across every workbook: NFKC is the slow step, so results are kept.
const CACHE_LIMIT = 2000;
const cache = new Map<string, string>();

export function normalizeHeader(text: string): string {
  let n = cache.get(text);
  if (n === undefined) {
    n = stripRequiredMarks(withoutInvisible(text.normalize('NFKC')).replace(WS, '')).toLowerCase();
    if (cache.size < CACHE_LIMIT) cache.set(text, n);
  }
  return n;
}

/** Leading "*"/"※" and trailing markers off, by hand: a regex anchored at the end is quadratic on long cells. */
function stripRequiredMarks(s: string): string {
  let start = 0;
  while (start < s.length && (s[start] === '*' || s[start] === '※')) start++;
  let end = s.length;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const m of TRAILING_MARKS) {
      if (end - m.length >= start && s.startsWith(m, end - m.length)) {
        end -= m.length;
        stripped = true;
      }
    }
  }
  return s.slice(start, end);
}

/** The header without a trailing unit in parentheses: "学时(小时)" → "学时"; null if there is none. */
export function withoutTrailingUnit(normalized: string): string | null {
  const s = normalized.replace(TRAILING_PAREN, '');
  return s !== normalized && s !== '' ? s : null;
}
