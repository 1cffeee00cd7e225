/**
 * The resident ID number (公民身份号码, GB 11643-1999): reading a cell, the checks of template.md in
 * their order of precedence, and a generator of valid numbers for fixtures and property tests.
 * Messages never repeat the number; the masking for reports is the policy layer's maskId.
 */
import type { FixCode } from './contract/codes.js';
import { isoDate, isRealDate } from './normalize/date-parts.js';
import { NO_FIXES, type RawValue, withFix } from './normalize/result.js';
import { prepareText } from './normalize/text.js';

export type IdFindingCode =
  | 'id_number.scientific'
  | 'id_number.legacy'
  | 'id_number.format'
  | 'id_number.region'
  | 'id_number.birthdate'
  | 'id_number.checksum';

export type IdCheck = { ok: true; value: string; fixes: readonly FixCode[] } | { ok: false; code: IdFindingCode };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** GB/T 2260's province-level codes: the first two digits of a region code. */
export const PROVINCE_CODES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '91',
];
const PROVINCES = new Set(PROVINCE_CODES);

const SCIENTIFIC = /^\d+(?:\.\d+)?e\+?\d+$/i;
const EIGHTEEN = /^\d{17}[\dX]$/;
const FIFTEEN = /^\d{15}$/;
const INNER_SPACE = /\s+/g;
const HAS_INNER_SPACE = /\s/;

/** The check character of the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function isProvinceCode(code: string): boolean {
  return PROVINCES.has(code);
}

/** Characters 7–14 as an ISO date, or null when they are not a real calendar date. */
export function idBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10)),
    m = Number(id.slice(10, 12)),
    d = Number(id.slice(12, 14));
  return isRealDate(y, m, d) ? isoDate(y, m, d) : null;
}

/** 男 when the 17th digit is odd, 女 when even. */
export function idGender(id: string): '男' | '女' {
  return (id.charCodeAt(16) - 48) % 2 === 1 ? '男' : '女';
}

/** The youngest birth date allowed for a submission year: a teacher is at least 18 by its end. */
export function latestBirthDate(year: number): string {
  return `${year - 18}-12-31`;
}
export const EARLIEST_BIRTH_DATE = '1940-01-01';

/**
 * Reads an ID cell. A number cell can never be trusted (Excel keeps 15 significant digits), so it
 * is always id_number.scientific; so is text that shows the damage ("3.20102E+17", or 18 digits
 * ending in 000 that fail the checksum: a number pasted back as text). Then, first that applies:
 * legacy (15 digits), format, region, birth date, checksum. Lower-case x and inner spaces are fixes.
 */
export function checkIdNumber(raw: RawValue, year: number): IdCheck {
  if (typeof raw === 'number') return { ok: false, code: 'id_number.scientific' };
  if (raw === null || typeof raw !== 'string') return { ok: false, code: 'id_number.format' };
  // Seventeen digits and a digit or X, as nearly every cell holds it: nothing to rewrite, and none
  // of the shape regexes below can tell it anything more.
  if (isPlainId(raw)) return checkDigits(raw, NO_FIXES, year);
  const p = prepareText(raw);
  let id = p.text;
  let fixes = p.fixes;
  if (HAS_INNER_SPACE.test(id)) {
    id = id.replace(INNER_SPACE, '');
    fixes = withFix(fixes, 'fix.normalize');
  }
  if (SCIENTIFIC.test(id)) return { ok: false, code: 'id_number.scientific' };
  if (id.length === 18 && id.charCodeAt(17) === 120 /* x */) {
    id = `${id.slice(0, 17)}X`;
    fixes = withFix(fixes, 'fix.normalize');
  }
  if (FIFTEEN.test(id)) return { ok: false, code: 'id_number.legacy' };
  if (!EIGHTEEN.test(id)) return { ok: false, code: 'id_number.format' };
  return checkDigits(id, fixes, year);
}

/** EIGHTEEN by hand: 17 ASCII digits, then a digit or an upper-case X. */
function isPlainId(s: string): boolean {
  if (s.length !== 18) return false;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const last = s.charCodeAt(17);
  return (last >= 48 && last <= 57) || last === 88;
}

/** The checks of an ID of the right shape (EIGHTEEN), in their order of precedence. */
function checkDigits(id: string, fixes: readonly FixCode[], year: number): IdCheck {
  const checksumOk = idCheckChar(id) === id[17];
  if (!checksumOk && id.endsWith('000')) return { ok: false, code: 'id_number.scientific' };
  if (!PROVINCES.has(id.slice(0, 2))) return { ok: false, code: 'id_number.region' };
  const birth = idBirthDate(id);
  if (birth === null || birth < EARLIEST_BIRTH_DATE || birth > latestBirthDate(year)) {
    return { ok: false, code: 'id_number.birthdate' };
  }
  if (!checksumOk) return { ok: false, code: 'id_number.checksum' };
  return { ok: true, value: id, fixes: fixes.length === 0 ? NO_FIXES : fixes };
}

export interface MakeIdOptions {
  /** Six-digit administrative division code, e.g. "320102" (Nanjing Xuanwu). */
  region: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** 0–499: the order code is seq × 2, plus 1 for 男, so the 17th digit carries the gender. */
  seq: number;
  gender: '男' | '女';
}

/** A valid 18-character ID for fixtures and property tests. */
export function makeIdNumber({ region, birthDate, seq, gender }: MakeIdOptions): string {
  const order = String((seq % 500) * 2 + (gender === '男' ? 1 : 0)).padStart(3, '0');
  const first17 = region + birthDate.replace(/-/g, '') + order;
  return first17 + idCheckChar(first17);
}
