import type { FixCode } from '../contract/codes.js';
import { fail, NO_FIXES, type Normalized, ok, type RawValue, withFix } from './result.js';
import { prepareText } from './text.js';

const MOBILE = /^1[3-9]\d{9}$/;
const SEPARATORS = /[\s\-()]/g;
const COUNTRY_PREFIX = /^(?:\+?86)(?=1\d{10}$)/;

/** MOBILE by hand: 1, then 3–9, then nine more digits. */
function isMobile(s: string): boolean {
  if (s.length !== 11 || s.charCodeAt(0) !== 49) return false;
  const second = s.charCodeAt(1);
  if (second < 51 || second > 57) return false;
  for (let i = 2; i < 11; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** 联系电话: an 11-digit mainland mobile; separators and a +86 prefix are dropped (fix.normalize). */
export function normalizePhone(raw: RawValue): Normalized<string> {
  if (raw === null) return fail('required');
  let text: string;
  let fixes: readonly FixCode[] = NO_FIXES;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) return fail('phone.invalid');
    text = String(raw);
  } else if (typeof raw === 'string') {
    const p = prepareText(raw);
    text = p.text;
    fixes = p.fixes;
  } else return fail('phone.invalid');
  // The written form of nearly every cell: nothing to take out, nothing to test by regex.
  if (isMobile(text)) return ok(text, fixes);
  const compact = text.replace(SEPARATORS, '').replace(COUNTRY_PREFIX, '');
  if (!MOBILE.test(compact)) return fail('phone.invalid');
  return ok(compact, compact === text ? fixes : withFix(fixes, 'fix.normalize'));
}
