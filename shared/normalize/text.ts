import type { FixCode } from '../contract/codes.js';
import { isoDateOf } from './date-parts.js';
import { fail, NO_FIXES, type Normalized, ok, type RawValue, withFix } from './result.js';

// The full-width forms template.md names (digits, letters, parentheses, minus) plus the ones that
// show up in dates and times (．／：) and the ideographic space. Chinese punctuation such as ，。
// is left alone: it is correct in Chinese text.
const FULLWIDTH = /[\u3000\uFF08\uFF09\uFF0D\uFF0E\uFF0F\uFF1A\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/;
const FULLWIDTH_ALL = new RegExp(FULLWIDTH.source, 'g');

function halfWidthChar(ch: string): string {
  return ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/**
 * The spaces a clerk cannot see: ASCII spaces and controls, NBSP, the ideographic space (U+3000),
 * the Unicode spaces, the BOM and the zero-width space pasted in from web pages. Checked by hand,
 * not by regex: this runs for every cell, and a regex anchored at the end would be quadratic on a
 * long run of inner spaces.
 */
function isSpaceCode(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x85
  );
}

/**
 * The invisible characters template.md removes from inside a text (a fix.trim): zero-width spaces
 * U+200B–U+200D, U+FEFF, the bidirectional controls U+202A–U+202E and U+2066–U+2069, and the C0
 * controls other than the line breaks LF and CR (a tab too: it cannot be seen in a cell either).
 * They arrive with text copied from web pages and chat apps, and a bidi control can make a name or
 * a comment display reversed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters is the point.
const INVISIBLE_ALL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u200b-\u200d\u202a-\u202e\u2066-\u2069\ufeff]/g;

function isInvisibleCode(c: number): boolean {
  return (
    (c <= 0x1f && c !== 0x0a && c !== 0x0d) ||
    (c >= 0x200b && c <= 0x200d) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

function isFullwidthCode(c: number): boolean {
  return (
    c === 0x3000 ||
    c === 0xff08 ||
    c === 0xff09 ||
    (c >= 0xff0d && c <= 0xff1a) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

const HAS_INVISIBLE = 1;
const HAS_FULLWIDTH = 2;

/**
 * Which rewrites a text may need, in one pass by hand: most cells need none, and two regex tests
 * cost more than this loop on their short texts.
 */
function scan(s: string): number {
  let found = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3000) {
      if (isInvisibleCode(c)) found |= HAS_INVISIBLE;
    } else if (c === 0xfeff) found |= HAS_INVISIBLE;
    else if (isFullwidthCode(c)) found |= HAS_FULLWIDTH;
  }
  return found;
}

/** The text without the invisible characters above (header and totals-label matching use it too). */
export function withoutInvisible(s: string): string {
  return scan(s) & HAS_INVISIBLE ? s.replace(INVISIBLE_ALL, '') : s;
}

function hasEdgeSpace(s: string): boolean {
  return s.length > 0 && (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1)));
}

export function trimText(s: string): string {
  if (!hasEdgeSpace(s)) return s;
  let i = 0;
  let j = s.length;
  while (i < j && isSpaceCode(s.charCodeAt(i))) i++;
  while (j > i && isSpaceCode(s.charCodeAt(j - 1))) j--;
  return s.slice(i, j);
}

export function toHalfWidth(s: string): string {
  return FULLWIDTH.test(s) ? s.replace(FULLWIDTH_ALL, halfWidthChar) : s;
}

export interface PreparedText {
  text: string;
  fixes: readonly FixCode[];
}

const UNCHANGED_EMPTY: PreparedText = { text: '', fixes: NO_FIXES };

/**
 * The rewrites every text cell gets: invisible characters out and surrounding spaces trimmed (both
 * fix.trim), then full-width → half-width (fix.fullwidth).
 */
export function prepareText(s: string): PreparedText {
  if (s === '') return UNCHANGED_EMPTY;
  let text = s;
  let fixes = NO_FIXES;
  const found = scan(s);
  if (found & HAS_INVISIBLE) {
    text = text.replace(INVISIBLE_ALL, '');
    fixes = withFix(fixes, 'fix.trim');
  }
  if (hasEdgeSpace(text)) {
    text = trimText(text);
    fixes = withFix(fixes, 'fix.trim');
  }
  // Tested again on the trimmed text: an ideographic space at an edge is a trim, not a fullwidth fix.
  if (found & HAS_FULLWIDTH && FULLWIDTH.test(text)) {
    text = text.replace(FULLWIDTH_ALL, halfWidthChar);
    fixes = withFix(fixes, 'fix.fullwidth');
  }
  return { text, fixes };
}

/** Whether a cell counts as empty: nothing, or only spaces and invisible characters. */
export function isBlank(v: RawValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (!isSpaceCode(c) && !isInvisibleCode(c)) return false;
  }
  return true;
}

/** The text of a non-text cell as the clerk sees it: numbers as digits, dates as YYYY-MM-DD. */
export function plainText(v: Exclude<RawValue, null>): string {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return isoDateOf(v) ?? '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export interface TextOptions {
  minLength?: number;
  maxLength?: number;
}

/** Free text (培训项目, 学校名称, 备注 …): trimmed and half-width, length counted in characters. */
export function normalizeText(raw: RawValue, opts: TextOptions = {}): Normalized<string> {
  if (raw === null) return fail('required');
  if (typeof raw !== 'string') return checkLength(plainText(raw), NO_FIXES, opts);
  const p = prepareText(raw);
  return checkLength(p.text, p.fixes, opts);
}

function checkLength(text: string, fixes: readonly FixCode[], opts: TextOptions): Normalized<string> {
  const len = codePointLength(text);
  if (opts.minLength !== undefined && len < opts.minLength) return fail('text.invalid', 'too-short');
  if (opts.maxLength !== undefined && len > opts.maxLength) return fail('text.invalid', 'too-long');
  return ok(text, fixes);
}

const NAME_RE = /^[\p{Script=Han}·A-Za-z ]{2,20}$/u;
const NAME_LETTER = /[\p{Script=Han}A-Za-z]/u;
const DOT_VARIANTS = /[•・‧∙]/g;
const HAS_DOT_VARIANT = /[•・‧∙]/;
const SPACES = /\s+/g;
const HAS_SPACE = /\s/;
const HAN_OR_DOT_ONLY = /^[\p{Script=Han}·\s]+$/u;

/**
 * 姓名: CJK letters, the middle dot of minority and foreign names, or Latin letters and spaces,
 * 2–20 characters. Spaces typed to align two-character names ("张  三") and look-alike dots are
 * rewritten (fix.normalize) because the clerk sees the same name.
 */
export function normalizePersonName(raw: RawValue): Normalized<string> {
  if (raw === null) return fail('required');
  if (typeof raw !== 'string') return fail('text.invalid', 'not-a-name');
  if (isPlainHanName(raw)) return ok(raw);
  const p = prepareText(raw);
  let text = p.text;
  let fixes = p.fixes;
  if (HAS_DOT_VARIANT.test(text)) {
    text = text.replace(DOT_VARIANTS, '·');
    fixes = withFix(fixes, 'fix.normalize');
  }
  if (HAS_SPACE.test(text)) {
    const squeezed = HAN_OR_DOT_ONLY.test(text) ? text.replace(SPACES, '') : text.replace(SPACES, ' ');
    if (squeezed !== text) {
      text = squeezed;
      fixes = withFix(fixes, 'fix.normalize');
    }
  }
  if (!NAME_RE.test(text) || !NAME_LETTER.test(text)) return fail('text.invalid', 'not-a-name');
  return ok(text, fixes);
}

/**
 * 2–20 characters of the original CJK block (U+4E00–U+9FA5, Han in every Unicode version an engine
 * may have) and nothing else: nearly every roster name. Such a name needs no rewrite and matches
 * NAME_RE, so the regexes are spared; told by hand, as this runs for every roster row.
 */
function isPlainHanName(s: string): boolean {
  if (s.length < 2 || s.length > 20) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fa5) return false;
  }
  return true;
}

/** The form two names are compared in across sheets: spaces do not make a different person. */
export function nameKey(name: string): string {
  return HAS_SPACE.test(name) ? name.replace(SPACES, '') : name;
}
