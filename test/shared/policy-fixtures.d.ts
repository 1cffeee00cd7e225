/** Hand-built Records for the policy tests: one line per teacher, training, duty or milestone. */
import { type ResolvedPolicy } from '../../shared/policy/index.js';
import type { RuleId, RuleResult } from '../../shared/policy/types.js';
import type { Lang } from '../../shared/contract/codes.js';
import type { DutyRecord, MilestoneRecord, Records, SchoolRecord, TeacherRecord, TrainingRecord } from '../../shared/records.js';
export declare function teacher(over?: Partial<TeacherRecord>): TeacherRecord;
export declare function training(t: TeacherRecord, endDate: string, hours: number, over?: Partial<TrainingRecord>): TrainingRecord;
export declare function duty(t: TeacherRecord, semester: string, over?: Partial<DutyRecord>): DutyRecord;
export declare function milestone(t: TeacherRecord, m: MilestoneRecord['milestone'], date: string, result?: MilestoneRecord['result']): MilestoneRecord;
export declare function school(over?: Partial<SchoolRecord>): SchoolRecord;
export declare function records(over?: Partial<Records>): Records;
export interface Run {
    year?: number;
    asOf?: string;
    policy?: ResolvedPolicy;
    lang?: Lang;
}
export declare function check(recs: Records, { year, asOf, policy, lang }?: Run): import("../../shared/index.js").ComplianceReport;
/** The result of one rule for the first teacher, or undefined when it does not apply. */
export declare function ruleOf(recs: Records, rule: RuleId, run?: Run): RuleResult | undefined;
/** One teacher with these trainings. */
export declare function withTrainings(t: TeacherRecord, trainings: TrainingRecord[]): Records;
