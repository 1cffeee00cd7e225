import { type Normalized, type RawValue } from './result.js';
import type { FixCode } from '../contract/codes.js';
export declare function trimText(s: string): string;
export declare function toHalfWidth(s: string): string;
export interface PreparedText {
    text: string;
    fixes: readonly FixCode[];
}
/** Trim, then full-width → half-width: the two rewrites every text cell gets (fix.trim, fix.fullwidth). */
export declare function prepareText(s: string): PreparedText;
/** Whether a cell counts as empty: nothing, or only spaces the clerk cannot see. */
export declare function isBlank(v: RawValue | undefined): boolean;
/** The text of a non-text cell as the clerk sees it: numbers as digits, dates as YYYY-MM-DD. */
export declare function plainText(v: Exclude<RawValue, null>): string;
export interface TextOptions {
    minLength?: number;
    maxLength?: number;
}
/** Free text (培训项目, 学校名称, 备注 …): trimmed and half-width, length counted in characters. */
export declare function normalizeText(raw: RawValue, opts?: TextOptions): Normalized<string>;
/**
 * 姓名: CJK letters, the middle dot of minority and foreign names, or Latin letters and spaces,
 * 2–20 characters. Spaces typed to align two-character names ("张  三") and look-alike dots are
 * rewritten (fix.normalize) because the clerk sees the same name.
 */
export declare function normalizePersonName(raw: RawValue): Normalized<string>;
/** The form two names are compared in across sheets: spaces do not make a different person. */
export declare function nameKey(name: string): string;
