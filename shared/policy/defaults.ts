/**
 * The default policy: every rule of rules/* with its own defaults (policy.md). Kept apart from the
 * policy-file parser (policy-file.ts), which needs zod: evaluating with the defaults, as every
 * `cli check` without --policy does, then loads no schema library at all.
 */
import type { RecognitionMode } from '../recognition/types.js';
import { RULE_IDS, type RuleParams, ruleById } from './rules/index.js';

export interface ResolvedPolicy {
  id: string;
  /** archive.md §2: what recognised hours count toward annual_district_plus_hours and cycle_hours. */
  recognition: RecognitionMode;
  rules: RuleParams;
}

/** The policy parameter `recognition` when a file does not give it. */
export const DEFAULT_RECOGNITION: RecognitionMode = 'flag';

function defaultsOf(): RuleParams {
  const rules: Record<string, unknown> = {};
  for (const id of RULE_IDS) rules[id] = structuredClone(ruleById(id).defaults);
  return rules as RuleParams;
}

export const DEFAULT_POLICY: ResolvedPolicy = { id: 'default', recognition: DEFAULT_RECOGNITION, rules: defaultsOf() };
