import type { Lang } from '../contract/codes.js';

export type RuleStatus = 'pass' | 'warn' | 'fail';
export type TeacherStatus = RuleStatus | 'invalid';

export type TeacherRuleId =
  | 'annual_district_plus_hours'
  | 'cycle_hours'
  | 'ethics_training'
  | 'new_teacher_induction'
  | 'young_teacher_milestones'
  | 'backbone_duties'
  | 'backbone_eligibility'
  | 'principal_qualification'
  | 'transfer_training';
export type SchoolRuleId = 'training_funds_share' | 'school_plan_submitted';
export type RuleId = TeacherRuleId | SchoolRuleId;

/** The sheet whose records a rule counts. */
export type RecordSheet = 'trainings' | 'duties' | 'milestones';

/** One counted record: [index into the report's `sources`, the record's row in that ledger's sheet]. */
export type RecordRef = [source: number, row: number];

/** The records behind a rule's `actual`, ordered by source, then row. */
export interface CountedRecords {
  sheet: RecordSheet;
  refs: RecordRef[];
}

export interface RuleResult {
  rule: RuleId;
  status: RuleStatus;
  actual: number;
  required: number;
  message: string;
  /**
   * For a rule still open (warn): the last day by which it must be met, YYYY-MM-DD, the date its
   * message names; absent for a pass or a fail.
   */
  deadline?: string;
  /** The records the rule counted (absent for rules that count no record, such as eligibility). */
  records?: CountedRecords;
}

/**
 * A ledger whose records the evaluation read. Source 0 is the workbook itself; the others are the
 * current versions of the bureau's other submissions that hold the same teachers (archive.md §1).
 */
export interface RecordSource {
  year: number;
  schoolCode: string;
  schoolName: string;
  /** True for source 0, the workbook being evaluated. */
  self: boolean;
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
  policy: { id: string; year: number };
  asOf: string;
  /**
   * Whether the teachers' history from the server was part of the record set. False for the
   * workbook alone (the add-in and the CLI without a server): then multi-year rules may read short.
   */
  historyIncluded: boolean;
  /** The ledgers the counted records came from; `records.refs` index into it. */
  sources: RecordSource[];
  teachers: TeacherCompliance[];
  school: SchoolCompliance;
}

export interface EvaluateOptions {
  year: number;
  /** YYYY-MM-DD; see defaultAsOf. */
  asOf: string;
  lang?: Lang;
  /**
   * Whether each rule line lists the records it counted (`records`; default true). A host that
   * shows none (the CLI's check prints cli.md's five keys) leaves them out: for a large school they
   * are a hundred thousand references made only to be dropped.
   */
  countedRecords?: boolean;
  /**
   * Whether an open rule's line carries its `deadline` (default true). The CLI's check prints none
   * (the deadline is in the message): without it, its lines are printed as they are made, not copied.
   */
  deadlines?: boolean;
}
