export { currentYear, defaultAsOf, todayInBeijing } from './as-of.js';
export { PolicyError, type PolicyErrorCode } from './errors.js';
export { evaluateCompliance, worstStatus } from './evaluate.js';
export { maskId, maskIdNumbersIn } from './mask.js';
export { DEFAULT_POLICY, DEFAULT_RECOGNITION, policyFileSchema, resolvePolicy, type PolicyFile, type ResolvedPolicy } from './policy-file.js';
export { RULE_IDS, ruleById, SCHOOL_RULE_IDS, TEACHER_RULE_IDS, type RuleParams } from './rules/index.js';
export type * from './types.js';
