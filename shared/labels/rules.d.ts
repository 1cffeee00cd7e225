/**
 * The title of every compliance rule: the one name the pane, the dashboard, the CLI report, the
 * exports and docs/POLICY.md show for it. Rule definitions (shared/policy/rules/) read their
 * title from here; lists of rules in a UI derive from RULE_IDS, never from a copied list.
 */
import type { RuleId } from '../policy/types.js';
export declare const RULE_TITLES: {
    readonly annual_district_plus_hours: {
        readonly zh: "年度区级及以上培训学时";
        readonly en: "Yearly district-level-or-above training hours";
    };
    readonly cycle_hours: {
        readonly zh: "五年周期培训学时";
        readonly en: "Training hours over the five-year cycle";
    };
    readonly ethics_training: {
        readonly zh: "师德师风培训";
        readonly en: "Professional ethics training";
    };
    readonly new_teacher_induction: {
        readonly zh: "新教师入岗培训";
        readonly en: "New-teacher induction training";
    };
    readonly young_teacher_milestones: {
        readonly zh: "青年教师“三达标”考核";
        readonly en: "Young-teacher milestones (三达标)";
    };
    readonly backbone_duties: {
        readonly zh: "名师工作室成员履职";
        readonly en: "Studio members' duties";
    };
    readonly backbone_eligibility: {
        readonly zh: "名师工作室成员任职条件";
        readonly en: "Studio members' qualifications";
    };
    readonly principal_qualification: {
        readonly zh: "校长任职资格培训";
        readonly en: "Principal qualification training";
    };
    readonly transfer_training: {
        readonly zh: "转岗教师岗位胜任培训";
        readonly en: "Job-fitness training for transferred teachers";
    };
    readonly training_funds_share: {
        readonly zh: "教师培训经费占公用经费比例";
        readonly en: "Training funds as a share of the public budget";
    };
    readonly school_plan_submitted: {
        readonly zh: "校本培训方案按时提交";
        readonly en: "School training plan submitted on time";
    };
};
/** Teacher rules in the order every list shows them (policy.md's table). */
export declare const TEACHER_RULE_IDS: readonly ["annual_district_plus_hours", "cycle_hours", "ethics_training", "new_teacher_induction", "young_teacher_milestones", "backbone_duties", "backbone_eligibility", "principal_qualification", "transfer_training"];
export declare const SCHOOL_RULE_IDS: readonly ["training_funds_share", "school_plan_submitted"];
export declare const RULE_IDS: readonly RuleId[];
