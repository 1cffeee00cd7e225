import type { EnumDef } from '../contract/enums.js';
import { type Normalized, type RawValue } from './result.js';
/**
 * An enumerated cell: the exact value, or an alias (→ fix.normalize). Anything else is
 * enum.invalid, with a suggestion when exactly one allowed value is close (see suggestEnumValue).
 */
export declare function normalizeEnum(raw: RawValue, def: EnumDef): Normalized<string>;
/**
 * The one allowed value the clerk most likely meant: the only value (or alias target) within one
 * edit, else the only allowed value the text contains. Ambiguous cases suggest nothing.
 */
export declare function suggestEnumValue(text: string, def: EnumDef): string | undefined;
/**
 * 职称: the 2015 ladder, with legacy and generic names normalized (template.md's table). The
 * affixes are tried off before the alias lookup, so "小学高级教师" becomes 一级教师 (the legacy
 * 小学高级), not 高级教师, which a plain "contains" suggestion would wrongly offer.
 */
export declare function normalizeTitle(raw: RawValue): Normalized<string>;
/** 是/否 with Y/N, √/×, 1/0 and TRUE/FALSE cells. */
export declare function normalizeYesNo(raw: RawValue): Normalized<string>;
/** 男/女 with 男性/女性 and M/F. */
export declare function normalizeGender(raw: RawValue): Normalized<string>;
