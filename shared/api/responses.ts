/**
 * The JSON bodies the worker answers with (outputs only; inputs are zod schemas in requests.ts).
 * The add-in, the CLI and the bureau dashboard code against these types; the worker's routes
 * return exactly them, so `hc<AppType>` and these names agree.
 */
import type { BackboneLevel, StudioRole } from '../contract/enums.js';
import type { ComplianceReport, ComplianceSummary, RuleId, RuleStatus, TeacherStatus } from '../policy/types.js';
import type { SubmissionRecognition } from './catalogue.js';

/**
 * The review state of a version (archive.md §3): `pending` waits for the bureau, `returned` and
 * `approved` are the reviewer's, `superseded` is every version a newer one of the same school and
 * year replaced (kept for history and diffs, never current).
 */
export type SubmissionStatus = 'pending' | 'returned' | 'approved' | 'superseded';
export type ReviewDecision = 'approve' | 'return';

export interface SubmissionCounts {
  teachers: number;
  trainings: number;
  duties: number;
  milestones: number;
}

/** One stored version of a school's roster for a year. */
export interface SubmissionSummary {
  id: string;
  schoolCode: string;
  schoolName: string;
  year: number;
  version: number;
  /** True for the version the bureau sees (the school's latest complete submission). */
  current: boolean;
  status: SubmissionStatus;
  /** ISO timestamp. */
  submittedAt: string;
  /** The token's label (a clerk's name or desk), never a secret. */
  submittedBy: string;
  counts: SubmissionCounts;
  /** sha-256 (hex) of the validated records: equal for the same ledger, however its cells were encoded. */
  contentHash: string;
  policy: { id: string; year: number };
  asOf: string;
  summary: ComplianceSummary;
  review: { comment: string | null; reviewedBy: string | null; reviewedAt: string | null };
  /** Set when an earlier version of the same school and year had been approved (then it is pending again). */
  changedAfterApproval: { approvedVersion: number } | null;
  /** ISO timestamp: when the verdict was computed, at submission or when a ledger it read changed. */
  evaluatedAt: string;
  /**
   * True only when a ledger this verdict read has changed and the re-evaluation has not run yet
   * (the worker re-evaluates before answering; see docs/HISTORY.md).
   */
  stale: boolean;
}

/**
 * POST /api/v1/submissions → 201 `stored` (and the same body again for a retry with the same
 * Idempotency-Key), or 200 `unchanged`: the records equal the current version's, nothing was stored
 * and `submission` is that current version.
 */
export interface SubmissionReceipt {
  outcome: 'stored' | 'unchanged';
  submission: SubmissionSummary;
  /** The authoritative compliance, equal to `check --json`'s report for the same workbook, policy and asOf. */
  compliance: ComplianceReport;
  /** Each 区级-or-higher record's recognition against the bureau's catalogue (archive.md §2). */
  recognition: SubmissionRecognition;
}

/** GET /api/v1/submissions?year= (clerk: own school; reviewer: bureau; admin: all). */
export interface SubmissionList {
  items: SubmissionSummary[];
}

/** GET /api/v1/submissions/:id */
export interface SubmissionDetail {
  submission: SubmissionSummary;
  school: {
    code: string;
    name: string;
    type: string;
    rural: boolean;
    publicBudget: number;
    trainingFunds: number;
    planSubmittedOn: string | null;
  };
}

/** GET /api/v1/submissions/:id/compliance */
export interface SubmissionCompliance {
  submission: SubmissionSummary;
  compliance: ComplianceReport;
  recognition: SubmissionRecognition;
}

export interface DiffTeacher {
  idMasked: string;
  name: string;
}

/** GET /api/v1/submissions/:id/diff: this version against the school's previous stored version. */
export interface SubmissionDiff {
  id: string;
  version: number;
  /** null when this is the school's first version for the year (then everyone is "added"). */
  previous: { id: string; version: number } | null;
  added: DiffTeacher[];
  removed: DiffTeacher[];
  /** Total training hours (every level) counted for the year, per teacher present in both. */
  hoursChanged: (DiffTeacher & { before: number; after: number })[];
  statusChanged: (DiffTeacher & { before: TeacherStatus; after: TeacherStatus })[];
}

/** GET /api/v1/bureau/summary?year= (reviewer; admin with &bureau=). */
export interface BureauSummary {
  bureau: { id: string; name: string };
  year: number;
  /** YYYY-MM-DD: the bureau's deadline for the year (policy setting; default YYYY-12-31). */
  deadline: string;
  /** Whole days from today (UTC) to the deadline; negative once it has passed. */
  daysLeft: number;
  schools: BureauSchoolRow[];
  totals: BureauTotals;
  byRule: RuleCount[];
  /** 校级, 区级, 市级, 省级 (teachers with a backbone title at that level). */
  backbone: TierCount<BackboneLevel>[];
  /** 主持人, 核心成员, 发展对象. */
  studio: TierCount<Exclude<StudioRole, '无'>>[];
  rural: { rural: GroupCount; urban: GroupCount };
  /** Schools whose verdict is being recomputed (`stale`): the figures include their previous verdicts. */
  recomputing: number;
}

export interface BureauSchoolRow {
  code: string;
  name: string;
  type: string;
  rural: boolean;
  submitted: boolean;
  /** null when missing. */
  submissionId: string | null;
  version: number | null;
  status: SubmissionStatus | 'missing';
  submittedAt: string | null;
  teachers: number;
  pass: number;
  warn: number;
  fail: number;
  passRate: number;
  /** The school-level rules' worst status (training funds, plan); null when missing. */
  schoolStatus: TeacherStatus | null;
  /**
   * The verdict is being recomputed: a ledger it counted changed, and the re-evaluation on read has
   * not reached it yet (beyond one request's budget). Its counts are the previous verdict's.
   */
  stale: boolean;
}

export interface GroupCount {
  schools: number;
  submitted: number;
  teachers: number;
  pass: number;
  warn: number;
  fail: number;
  /** pass / teachers, 4 decimals; 0 when there are no teachers. */
  passRate: number;
}

export interface BureauTotals extends GroupCount {
  missing: number;
  approved: number;
  returned: number;
}

export interface RuleCount {
  rule: RuleId;
  pass: number;
  warn: number;
  fail: number;
}

export interface TierCount<T extends string> {
  tier: T;
  teachers: number;
  pass: number;
  warn: number;
  fail: number;
  passRate: number;
}

/** GET /api/v1/bureau/teachers: one page of the bureau's current teachers. */
export interface TeacherPage {
  year: number;
  page: number;
  pageSize: number;
  total: number;
  items: TeacherRow[];
}

export interface TeacherRow {
  schoolCode: string;
  schoolName: string;
  rural: boolean;
  row: number;
  /** first 6 + 8 × '*' + last 4: the only form of the ID a reviewer ever sees. */
  idMasked: string;
  name: string;
  gender: string;
  stage: string;
  subject: string;
  title: string;
  post: string;
  backbone: string;
  backboneLevel: string | null;
  studioRole: string;
  status: TeacherStatus;
  /** Rules with status warn or fail. */
  unmetRules: RuleId[];
  /** Total training hours (every level) counted for the year. */
  hours: number;
  /** deadline: as the engine reports it (RuleResult.deadline), for a rule still open. */
  rules: { rule: RuleId; status: RuleStatus; actual: number; required: number; message: string; deadline?: string }[];
  /** Its school's verdict is being recomputed (see BureauSchoolRow.stale): this is the previous one. */
  stale: boolean;
}

/** GET /api/v1/bureau/schools/:code?year= */
export interface SchoolVersions {
  school: { code: string; name: string; type: string; rural: boolean; bureauId: string };
  year: number;
  versions: SubmissionSummary[];
}

/** GET /api/v1/policies/:year (reviewer: own bureau; admin with ?bureau=). */
export interface PolicyResponse {
  bureauId: string;
  year: number;
  /** 'bureau' when the bureau stored a policy file for the year, else 'default'. */
  source: 'bureau' | 'default';
  /** The stored policy file as written (null for the default). */
  file: unknown;
  deadline: string;
  updatedAt: string | null;
}

/** GET /api/v1/health */
export interface Health {
  ok: true;
  version: string;
  time: string;
}

export interface BureauInfo {
  id: string;
  name: string;
  createdAt: string;
}

export interface SchoolInfo {
  code: string;
  name: string;
  type: string;
  rural: boolean;
  bureauId: string;
  createdAt: string;
}

export interface TokenInfo {
  id: string;
  role: 'clerk' | 'reviewer' | 'admin';
  schoolCode: string | null;
  bureauId: string | null;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** POST /api/v1/admin/tokens → 201: the only time the token itself is shown. */
export interface IssuedToken {
  token: string;
  info: TokenInfo;
}

/** GET /api/v1/me: who the bearer is (the dashboard and the pane greet with it). */
export interface Me {
  role: 'clerk' | 'reviewer' | 'admin';
  label: string;
  school: { code: string; name: string } | null;
  bureau: { id: string; name: string } | null;
  /** When this token stops working (null: never); the pane and the dashboard can warn ahead. */
  expiresAt: string | null;
}
