/**
 * Every rule of policy.md, in the order reports list them. Adding a rule means adding its file and
 * one line here; the policy-file schema, the defaults and docs/POLICY.md follow.
 */
import type { z } from 'zod';
import type { RuleId, SchoolRuleId, TeacherRuleId } from '../types.js';
import { annualDistrictPlusHours } from './annual-district-plus-hours.js';
import { backboneDuties } from './backbone-duties.js';
import { backboneEligibility } from './backbone-eligibility.js';
import { cycleHours } from './cycle-hours.js';
import type { SchoolRule, TeacherRule, Zod } from './define.js';
import { ethicsTraining } from './ethics-training.js';
import { newTeacherInduction } from './new-teacher-induction.js';
import { principalQualification } from './principal-qualification.js';
import { schoolPlanSubmitted } from './school-plan-submitted.js';
import { trainingFundsShare } from './training-funds-share.js';
import { transferTraining } from './transfer-training.js';
import { youngTeacherMilestones } from './young-teacher-milestones.js';

const TEACHER_RULE_LIST = {
  annual_district_plus_hours: annualDistrictPlusHours,
  cycle_hours: cycleHours,
  ethics_training: ethicsTraining,
  new_teacher_induction: newTeacherInduction,
  young_teacher_milestones: youngTeacherMilestones,
  backbone_duties: backboneDuties,
  backbone_eligibility: backboneEligibility,
  principal_qualification: principalQualification,
  transfer_training: transferTraining,
} satisfies Record<TeacherRuleId, object>;

const SCHOOL_RULE_LIST = {
  training_funds_share: trainingFundsShare,
  school_plan_submitted: schoolPlanSubmitted,
} satisfies Record<SchoolRuleId, object>;

type ParamsOf<R> = R extends { params: (zod: Zod) => z.ZodType<infer P> } ? P : never;

/** The parameters of each rule, as a resolved policy holds them. */
export type RuleParams = {
  [K in TeacherRuleId]: ParamsOf<(typeof TEACHER_RULE_LIST)[K]>;
} & {
  [K in SchoolRuleId]: ParamsOf<(typeof SCHOOL_RULE_LIST)[K]>;
};

export const TEACHER_RULES: { [K in TeacherRuleId]: TeacherRule<RuleParams[K]> } = TEACHER_RULE_LIST;
export const SCHOOL_RULES: { [K in SchoolRuleId]: SchoolRule<RuleParams[K]> } = SCHOOL_RULE_LIST;

export const TEACHER_RULE_IDS = Object.keys(TEACHER_RULES) as TeacherRuleId[];
export const SCHOOL_RULE_IDS = Object.keys(SCHOOL_RULES) as SchoolRuleId[];
export const RULE_IDS: readonly RuleId[] = [...TEACHER_RULE_IDS, ...SCHOOL_RULE_IDS];

/** Any rule by id, for code that only reads the shared parts (schemas, defaults, docs). */
export function ruleById(id: RuleId): TeacherRule<RuleParams[TeacherRuleId]> | SchoolRule<RuleParams[SchoolRuleId]> {
  return id in TEACHER_RULES ? TEACHER_RULES[id as TeacherRuleId] : SCHOOL_RULES[id as SchoolRuleId];
}
