import { type Normalized, type RawValue } from './result.js';
/** 联系电话: an 11-digit mainland mobile; separators and a +86 prefix are dropped (fix.normalize). */
export declare function normalizePhone(raw: RawValue): Normalized<string>;
