/**
 * The server's verdict on a ledger: the shared engine on the record set that the shared
 * buildRecordSet makes of the workbook and its history (so `check --server` and the pane compute
 * the same), and what the tables keep of it per teacher and per version. A new submission
 * (prepare.ts) and a re-evaluation (reevaluate.ts) both come through here. No database access.
 */
import { buildRecordSet, type History, type RecordSet } from '../../shared/history/index.js';
import { evaluateCompliance, type ResolvedPolicy } from '../../shared/policy/index.js';
import type { ComplianceReport, RuleStatus, TeacherCompliance, TeacherStatus } from '../../shared/policy/types.js';
import {
  countedHours,
  type RecognitionMode,
  type TrainingStatisticsRow,
  trainingStatistics,
} from '../../shared/recognition/index.js';
import type { Records } from '../../shared/records.js';
import type { StagedRow, SUBMISSION_SOURCES } from '../db/schema.js';

/** Per-version aggregates kept with the submission so the bureau summary never scans teachers. */
export interface SubmissionStats {
  /** rule → [pass, warn, fail] over teachers (teacher rules) or the school (school rules). */
  byRule: Record<string, [number, number, number]>;
  /** backbone level → [teachers, pass, warn, fail]. */
  backbone: Record<string, [number, number, number, number]>;
  /** studio role → [teachers, pass, warn, fail]. */
  studio: Record<string, [number, number, number, number]>;
  schoolStatus: TeacherStatus;
  /** The policy's recognition mode this verdict was made under (archive.md §2). */
  recognition: RecognitionMode;
  /** archive.md §4's line for the school, on the record set as counted. */
  training: TrainingStatisticsRow;
}

/** The verdict columns of one teacher row. */
export interface TeacherVerdict {
  row: number;
  status: TeacherStatus;
  /** ',rule_a,rule_b,' (warn or fail), so a LIKE '%,rule,%' filter needs no join. */
  unmet: string;
  /** Hours of every level counted for the year, from the whole record set. */
  hours: number;
  compliance: TeacherCompliance;
}

export interface Evaluation {
  set: RecordSet;
  report: ComplianceReport;
  stats: SubmissionStats;
  /** In the order of records.teachers. */
  verdicts: TeacherVerdict[];
  /** The history's submissions that counted records came from, by their index in the report's sources. */
  sources: StagedRow<typeof SUBMISSION_SOURCES>[];
}

function tally<K extends string>(map: Record<K, [number, number, number, number]>, key: K, status: TeacherStatus) {
  const t = (map[key] ??= [0, 0, 0, 0]);
  t[0]++;
  if (status === 'pass') t[1]++;
  else if (status === 'warn') t[2]++;
  else if (status === 'fail') t[3]++;
}

const STATUS_INDEX: Record<RuleStatus, 0 | 1 | 2> = { pass: 0, warn: 1, fail: 2 };

/**
 * `history` answers for records.teachers in order and `sourceIds` names its sources' submissions.
 * Throws PolicyError for a frame the engine refuses (the routes check the year before).
 */
export function evaluateSubmission(
  records: Records,
  history: { history: History; sourceIds: readonly string[] },
  policy: ResolvedPolicy,
  opts: { year: number; asOf: string },
): Evaluation {
  const set = buildRecordSet(records, opts.year, history.history);
  const report = evaluateCompliance(set, policy, { year: opts.year, asOf: opts.asOf });

  const yearPrefix = `${opts.year}-`;
  const hours = new Map<string, number>();
  for (const t of set.trainings) {
    if (!t.endDate.startsWith(yearPrefix) || t.endDate > opts.asOf) continue;
    hours.set(t.idNumber, (hours.get(t.idNumber) ?? 0) + countedHours(t.hours, t.recognition, policy.recognition));
  }

  const byRow = new Map(report.teachers.map((t) => [t.row, t]));
  const stats: SubmissionStats = {
    byRule: {},
    backbone: {},
    studio: {},
    schoolStatus: report.school.status,
    recognition: policy.recognition,
    training: trainingStatistics(set, { year: opts.year, asOf: opts.asOf, mode: policy.recognition }),
  };
  const verdicts: TeacherVerdict[] = records.teachers.map((t) => {
    const c = byRow.get(t.row)!;
    const status = c.status;
    for (const r of c.rules) (stats.byRule[r.rule] ??= [0, 0, 0])[STATUS_INDEX[r.status]]++;
    if (t.backboneLevel !== null && t.backbone !== '无') tally(stats.backbone, t.backboneLevel, status);
    if (t.studioRole !== '无') tally(stats.studio, t.studioRole, status);
    const unmet = c.rules.filter((r) => r.status !== 'pass').map((r) => r.rule);
    return {
      row: t.row,
      status,
      unmet: unmet.length ? `,${unmet.join(',')},` : '',
      hours: Math.round((hours.get(t.idNumber) ?? 0) * 10) / 10,
      compliance: c,
    };
  });
  for (const r of report.school.rules) (stats.byRule[r.rule] ??= [0, 0, 0])[STATUS_INDEX[r.status]]++;
  // Only the ledgers a counted record came from: a change to one the verdict read but did not
  // count cannot change it (a new record there is caught by the commit's other condition).
  const counted = new Set<number>();
  for (const t of report.teachers)
    for (const r of t.rules) for (const [source] of r.records?.refs ?? []) if (source > 0) counted.add(source);
  const sources = [...counted].sort((a, b) => a - b).map((idx) => ({ idx, source_id: history.sourceIds[idx - 1]! }));
  return { set, report, stats, verdicts, sources };
}

/** The report as submissions.report_json keeps it: without the teachers (they are rows of their own). */
export function reportJson(report: ComplianceReport): string {
  return JSON.stringify({ ...report, teachers: undefined });
}
