export { currentYear, defaultAsOf, todayInBeijing } from './as-of.js';
export { DEFAULT_POLICY, DEFAULT_RECOGNITION, type ResolvedPolicy } from './defaults.js';
export { PolicyError, type PolicyErrorCode } from './errors.js';
export { evaluateCompliance, worstStatus } from './evaluate.js';
export { maskId, maskIdNumbersIn } from './mask.js';
export { RULE_IDS, type RuleParams, ruleById, SCHOOL_RULE_IDS, TEACHER_RULE_IDS } from './rules/index.js';
export type * from './types.js';
