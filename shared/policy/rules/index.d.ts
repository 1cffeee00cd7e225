/**
 * Every rule of policy.md, in the order reports list them. Adding a rule means adding its file and
 * one line here; the policy-file schema, the defaults and docs/POLICY.md follow.
 */
import type { z } from 'zod';
import type { RuleId, SchoolRuleId, TeacherRuleId } from '../types.js';
import type { SchoolRule, TeacherRule } from './define.js';
declare const TEACHER_RULE_LIST: {
    annual_district_plus_hours: TeacherRule<{
        enabled: boolean;
        required: number;
        levels: ("校级" | "区级" | "市级" | "省级" | "国家级")[];
        proRateStep: number;
    }>;
    cycle_hours: TeacherRule<{
        enabled: boolean;
        hoursPerYear: number;
        cycleYears: number;
        firstCycleStart: number;
    }>;
    ethics_training: TeacherRule<{
        enabled: boolean;
        required: number;
        category: "信息技术" | "心理健康" | "其他" | "师德师风" | "学科教学" | "班主任" | "新教师入岗" | "转岗培训" | "校长任职资格" | "校长提高" | "骨干研修";
    }>;
    new_teacher_induction: TeacherRule<{
        enabled: boolean;
        required: number;
        windowMonths: number;
        category: "信息技术" | "心理健康" | "其他" | "师德师风" | "学科教学" | "班主任" | "新教师入岗" | "转岗培训" | "校长任职资格" | "校长提高" | "骨干研修";
    }>;
    young_teacher_milestones: TeacherRule<{
        enabled: boolean;
        dueYears: {
            教学常规入门: number;
            课堂教学过关: number;
            教学能力达标: number;
        };
    }>;
    backbone_duties: TeacherRule<{
        enabled: boolean;
        roles: ("无" | "主持人" | "核心成员" | "发展对象")[];
        demoLessons: number;
        demoLessonsGuided: number;
        observedLessons: number;
        groupPreps: number;
        lectures: number;
        smallProjects: number;
        projectsLedPerYear: number;
    }>;
    backbone_eligibility: TeacherRule<{
        enabled: boolean;
        roles: ("无" | "主持人" | "核心成员" | "发展对象")[];
        minEducation: "高中及以下" | "中专" | "大专" | "本科" | "硕士研究生" | "博士研究生";
        minTitle: "未评" | "三级教师" | "二级教师" | "一级教师" | "高级教师" | "正高级教师";
        minServiceYears: number;
        serviceCountedOn: string;
    }>;
    principal_qualification: TeacherRule<{
        enabled: boolean;
        posts: ("其他" | "专任教师" | "校长" | "副校长" | "中层干部" | "教研员")[];
        required: number;
        graceYears: number;
        category: "信息技术" | "心理健康" | "其他" | "师德师风" | "学科教学" | "班主任" | "新教师入岗" | "转岗培训" | "校长任职资格" | "校长提高" | "骨干研修";
    }>;
    transfer_training: TeacherRule<{
        enabled: boolean;
        required: number;
        category: "信息技术" | "心理健康" | "其他" | "师德师风" | "学科教学" | "班主任" | "新教师入岗" | "转岗培训" | "校长任职资格" | "校长提高" | "骨干研修";
    }>;
};
declare const SCHOOL_RULE_LIST: {
    training_funds_share: SchoolRule<{
        enabled: boolean;
        required: number;
    }>;
    school_plan_submitted: SchoolRule<{
        enabled: boolean;
        deadline: string;
    }>;
};
type ParamsOf<R> = R extends {
    params: z.ZodType<infer P>;
} ? P : never;
/** The parameters of each rule, as a resolved policy holds them. */
export type RuleParams = {
    [K in TeacherRuleId]: ParamsOf<(typeof TEACHER_RULE_LIST)[K]>;
} & {
    [K in SchoolRuleId]: ParamsOf<(typeof SCHOOL_RULE_LIST)[K]>;
};
export declare const TEACHER_RULES: {
    [K in TeacherRuleId]: TeacherRule<RuleParams[K]>;
};
export declare const SCHOOL_RULES: {
    [K in SchoolRuleId]: SchoolRule<RuleParams[K]>;
};
export declare const TEACHER_RULE_IDS: TeacherRuleId[];
export declare const SCHOOL_RULE_IDS: SchoolRuleId[];
export declare const RULE_IDS: readonly RuleId[];
/** Any rule by id, for code that only reads the shared parts (schemas, defaults, docs). */
export declare function ruleById(id: RuleId): TeacherRule<RuleParams[TeacherRuleId]> | SchoolRule<RuleParams[SchoolRuleId]>;
export {};
