/**
 * The clerk-facing message of every finding code, in Chinese (default) and English. Each message
 * says what is wrong and what to do, naming the value and the expected form. An ID number is
 * never repeated in a message ("该身份证号"): the finding's `value` carries it for the clerk's own
 * file, and reviewer-facing layers drop or mask that field.
 */
import type { FindingCode, FixCode, Lang } from './codes.js';
export interface MessageDetails {
    /** The sheet's standard name (sheet.missing, header.missing). */
    sheet?: string;
    /** The column's standard header. */
    header?: string;
    /** The cell's value as the clerk sees it (never an ID number). */
    value?: string;
    /** The normalizer's reason, e.g. "impossible", "year-like", "semester", "conditional". */
    reason?: string;
    suggestion?: string;
    allowed?: readonly string[];
    /** The expected value or range, already written out. */
    expected?: string;
    /** Another row's number (duplicates) or another value (the roster's name, the start date). */
    other?: string;
    /** For conditional requirements: the deciding column's header and values. */
    whenHeader?: string;
    whenValues?: readonly string[];
    whenNot?: boolean;
    year?: number;
    /** number.range: the column's bounds. */
    bounds?: {
        min?: number;
        minExclusive?: boolean;
        max?: number;
        step?: number;
        integer?: boolean;
    };
}
export declare function findingMessage(code: FindingCode, details: MessageDetails, lang?: Lang): string;
/** A short label for a fix, for reports that list fixes next to findings. */
export declare function fixLabel(code: FixCode, lang?: Lang): string;
