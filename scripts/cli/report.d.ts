/** The readable reports (without --json) and the JSON documents of cli.md. */
import type { Finding, Fix, Lang } from '../../shared/contract/codes.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import type { ValidationResult } from '../../shared/validate/types.js';
export declare function renderValidation(r: ValidationResult, file: string, lang: Lang): string;
export declare function renderCompliance(c: ComplianceReport, lang: Lang): string;
export declare function validateJson(r: ValidationResult): import("../../shared/index.js").ValidateJson;
/** `check --json`: validate's document plus the compliance of cli.md (pass it a result from maskIds). */
export declare function checkJson(r: ValidationResult, c: ComplianceReport): {
    policy: {
        id: string;
        year: number;
    };
    teachers: import("../../shared/index.js").TeacherCompliance[];
    school: import("../../shared/index.js").SchoolCompliance;
    ok: boolean;
    year: number;
    counts: import("../../shared/index.js").ValidationCounts;
    findings: Finding[];
    fixes: Fix[];
};
/** The full ID number never appears in check's output: findings and fixes show it masked. */
export declare function maskIds(r: ValidationResult): ValidationResult;
