/**
 * The resident ID number (公民身份号码, GB 11643-1999): reading a cell, the checks of template.md in
 * their order of precedence, and a generator of valid numbers for fixtures and property tests.
 * Messages never repeat the number; the masking for reports is the policy layer's maskId.
 */
import type { FixCode } from './contract/codes.js';
import { type RawValue } from './normalize/result.js';
export type IdFindingCode = 'id_number.scientific' | 'id_number.legacy' | 'id_number.format' | 'id_number.region' | 'id_number.birthdate' | 'id_number.checksum';
export type IdCheck = {
    ok: true;
    value: string;
    fixes: readonly FixCode[];
} | {
    ok: false;
    code: IdFindingCode;
};
/** The check character of the first 17 digits. */
export declare function idCheckChar(first17: string): string;
export declare function isProvinceCode(code: string): boolean;
/** Characters 7–14 as an ISO date, or null when they are not a real calendar date. */
export declare function idBirthDate(id: string): string | null;
/** 男 when the 17th digit is odd, 女 when even. */
export declare function idGender(id: string): '男' | '女';
/** The youngest birth date allowed for a submission year: a teacher is at least 18 by its end. */
export declare function latestBirthDate(year: number): string;
export declare const EARLIEST_BIRTH_DATE = "1940-01-01";
/**
 * Reads an ID cell. A number cell can never be trusted (Excel keeps 15 significant digits), so it
 * is always id_number.scientific; so is text that shows the damage ("3.20102E+17", or 18 digits
 * ending in 000 that fail the checksum: a number pasted back as text). Then, first that applies:
 * legacy (15 digits), format, region, birth date, checksum. Lower-case x and inner spaces are fixes.
 */
export declare function checkIdNumber(raw: RawValue, year: number): IdCheck;
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
export declare function makeIdNumber({ region, birthDate, seq, gender }: MakeIdOptions): string;
