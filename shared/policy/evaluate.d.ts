/**
 * Evaluates a resolved policy on validated records. Records are grouped by ID number once, so the
 * cost is linear in teachers + records (5,000 teachers and 60,000 records in a few tens of ms).
 */
import type { Records } from '../records.js';
import type { ResolvedPolicy } from './policy-file.js';
import type { ComplianceReport, EvaluateOptions, RuleStatus } from './types.js';
/** fail > warn > pass; no rule at all is a pass. */
export declare function worstStatus(results: readonly {
    status: RuleStatus;
}[]): RuleStatus;
/**
 * Compliance of every roster row and of the school for year Y as of `asOf`.
 * Throws PolicyError `policy.year_invalid`, `policy.as_of_invalid` or `policy.as_of_before_year`.
 */
export declare function evaluateCompliance(records: Records, policy: ResolvedPolicy, opts: EvaluateOptions): ComplianceReport;
