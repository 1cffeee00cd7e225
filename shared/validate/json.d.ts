import type { Finding, Fix } from '../contract/codes.js';
import type { ValidationCounts, ValidationResult } from './types.js';
/** The `validate --json` document of cli.md. */
export interface ValidateJson {
    ok: boolean;
    year: number;
    counts: ValidationCounts;
    findings: Finding[];
    fixes: Fix[];
}
/** Exactly cli.md's shape: records and detected sheets stay behind (they carry full ID numbers). */
export declare function toValidateJson(r: ValidationResult): ValidateJson;
