/**
 * The title of every compliance rule: the one name the pane, the dashboard, the CLI report, the
 * exports and docs/POLICY.md show for it. Rule definitions (shared/policy/rules/) read their
 * title from here; lists of rules in a UI derive from RULE_IDS, never from a copied list.
 */
import type { RuleId, SchoolRuleId, TeacherRuleId } from '../policy/types.js';
import type { Text } from './text.js';

export const RULE_TITLES = {
  annual_district_plus_hours: { zh: '年度区级及以上培训学时', en: 'Yearly district-level-or-above training hours' },
  cycle_hours: { zh: '五年周期培训学时', en: 'Training hours over the five-year cycle' },
  ethics_training: { zh: '师德师风培训', en: 'Professional ethics training' },
  new_teacher_induction: { zh: '新教师入岗培训', en: 'New-teacher induction training' },
  young_teacher_milestones: { zh: '青年教师“三达标”考核', en: 'Young-teacher milestones (三达标)' },
  backbone_duties: { zh: '名师工作室成员履职', en: "Studio members' duties" },
  backbone_eligibility: { zh: '名师工作室成员任职条件', en: "Studio members' qualifications" },
  principal_qualification: { zh: '校长任职资格培训', en: 'Principal qualification training' },
  transfer_training: { zh: '转岗教师岗位胜任培训', en: 'Job-fitness training for transferred teachers' },
  training_funds_share: { zh: '教师培训经费占公用经费比例', en: 'Training funds as a share of the public budget' },
  school_plan_submitted: { zh: '校本培训方案按时提交', en: 'School training plan submitted on time' },
} as const satisfies Record<RuleId, Text>;

/** Teacher rules in the order every list shows them (policy.md's table). */
export const TEACHER_RULE_IDS = [
  'annual_district_plus_hours',
  'cycle_hours',
  'ethics_training',
  'new_teacher_induction',
  'young_teacher_milestones',
  'backbone_duties',
  'backbone_eligibility',
  'principal_qualification',
  'transfer_training',
] as const satisfies readonly TeacherRuleId[];

export const SCHOOL_RULE_IDS = [
  'training_funds_share',
  'school_plan_submitted',
] as const satisfies readonly SchoolRuleId[];

export const RULE_IDS: readonly RuleId[] = [...TEACHER_RULE_IDS, ...SCHOOL_RULE_IDS];

/** A share (0.05) as the clerk reads it: 5%, to two decimals of a percent at most. */
export function percentOf(ratio: number): string {
  return `${Math.round(ratio * 10_000) / 100}%`;
}

/** Rules whose actual and required are shares of a whole, not counts or hours. */
const SHARE_RULES: ReadonlySet<RuleId> = new Set<RuleId>(['training_funds_share']);

/** A rule's actual or required as a person reads it: a share as a percentage, else the number. */
export function ruleFigure(rule: RuleId, value: number): string {
  return SHARE_RULES.has(rule) ? percentOf(value) : String(value);
}
