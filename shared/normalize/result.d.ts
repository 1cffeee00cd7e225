import type { FindingCode, FixCode } from '../contract/codes.js';
/** A cell's raw value once error values are set apart (the validator reports those itself). */
export type RawValue = string | number | boolean | Date | null;
/**
 * What every normalizer returns: the normalized value with the fixes applied in order, or the
 * finding code that explains why the value cannot be read. Normalizers never throw, so a fuzzed
 * or hostile cell can only ever produce a finding.
 */
export type Normalized<T> = {
    ok: true;
    value: T;
    fixes: readonly FixCode[];
} | {
    ok: false;
    code: FindingCode;
    reason?: string;
    suggestion?: string;
};
export declare const NO_FIXES: readonly FixCode[];
export declare function ok<T>(value: T, fixes?: readonly FixCode[]): Normalized<T>;
export declare function fail(code: FindingCode, reason?: string, suggestion?: string): Normalized<never>;
/** Appends a fix code once, keeping the order in which the fixes were applied. */
export declare function withFix(fixes: readonly FixCode[], code: FixCode): readonly FixCode[];
