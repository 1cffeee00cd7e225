import type { Lang } from '../contract/codes.js';
export type RuleStatus = 'pass' | 'warn' | 'fail';
export type TeacherStatus = RuleStatus | 'invalid';
export type TeacherRuleId = 'annual_district_plus_hours' | 'cycle_hours' | 'ethics_training' | 'new_teacher_induction' | 'young_teacher_milestones' | 'backbone_duties' | 'backbone_eligibility' | 'principal_qualification' | 'transfer_training';
export type SchoolRuleId = 'training_funds_share' | 'school_plan_submitted';
export type RuleId = TeacherRuleId | SchoolRuleId;
export interface RuleResult {
    rule: RuleId;
    status: RuleStatus;
    actual: number;
    required: number;
    message: string;
}
export interface TeacherCompliance {
    row: number;
    idMasked: string;
    name: string;
    status: TeacherStatus;
    rules: RuleResult[];
}
export interface ComplianceSummary {
    teachers: number;
    pass: number;
    warn: number;
    fail: number;
    passRate: number;
}
export interface SchoolCompliance {
    /** 'invalid' when 学校概况 could not be read, so no school rule could be evaluated. */
    status: TeacherStatus;
    rules: RuleResult[];
    summary: ComplianceSummary;
}
export interface ComplianceReport {
    policy: {
        id: string;
        year: number;
    };
    asOf: string;
    teachers: TeacherCompliance[];
    school: SchoolCompliance;
}
export interface EvaluateOptions {
    year: number;
    /** YYYY-MM-DD; see defaultAsOf. */
    asOf: string;
    lang?: Lang;
}
