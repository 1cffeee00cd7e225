/**
 * From a submitted workbook to the rows to store: re-validate with the shared validator (the
 * clerk's findings, exactly), evaluate the bureau's policy (the authoritative compliance), and turn
 * every ID number into its hash, masked and encrypted forms. Nothing here touches the database.
 */
import type { SubmissionCounts } from '../../shared/api/responses.js';
import { decodeWorkbook, type EncodedWorkbook } from '../../shared/grid.js';
import { evaluateCompliance, maskId, maskIdNumbersIn, type ResolvedPolicy } from '../../shared/policy/index.js';
import type { ComplianceReport, RuleStatus, TeacherStatus } from '../../shared/policy/types.js';
import { countedHours, trainingStatistics, type RecognitionMode, type TrainingStatisticsRow } from '../../shared/recognition/index.js';
import type { Records, SchoolRecord } from '../../shared/records.js';
import { toValidateJson, validateWorkbook } from '../../shared/validate/index.js';
import { encryptId, hmacId, type IdKeys } from '../crypto/ids.js';
import { ApiError } from '../errors.js';
import { recognizeRecords, storedRecognition, type CatalogueLoader } from '../recognition/apply.js';

/** Per-version aggregates kept with the submission so the bureau summary never scans teachers. */
export interface SubmissionStats {
  /** rule → [pass, warn, fail] over teachers (teacher rules) or the school (school rules). */
  byRule: Record<string, [number, number, number]>;
  /** backbone level → [teachers, pass, warn, fail]. */
  backbone: Record<string, [number, number, number, number]>;
  /** studio role → [teachers, pass, warn, fail]. */
  studio: Record<string, [number, number, number, number]>;
  schoolStatus: TeacherStatus;
  /** The policy's recognition mode this version was evaluated under (archive.md §2). */
  recognition: RecognitionMode;
  /** archive.md §4's line for the school. */
  training: TrainingStatisticsRow;
}

export interface PreparedSubmission {
  school: SchoolRecord;
  report: ComplianceReport;
  counts: SubmissionCounts;
  stats: SubmissionStats;
  teachers: unknown[][];
  trainings: unknown[][];
  duties: unknown[][];
  milestones: unknown[][];
}

/**
 * Column order of each table's staged JSON rows (after submission_id). No birth date: it is the
 * eight digits id_masked hides, so the two together gave back the whole ID (migration 0002).
 */
export const TEACHER_COLUMNS = [
  'row', 'id_hmac', 'id_masked', 'id_enc', 'name', 'gender', 'stage', 'subject', 'title', 'education',
  'start_date', 'post', 'post_start_date', 'backbone', 'backbone_level', 'studio_role', 'transferred', 'status',
  'unmet', 'hours', 'compliance_json',
] as const;
export const TRAINING_COLUMNS = [
  'row', 'id_hmac', 'course', 'level', 'category', 'form', 'start_date', 'end_date', 'hours', 'organizer', 'certificate',
  'catalogue_code', 'recognition', 'recognition_json', 'group_key',
] as const;
export const DUTY_COLUMNS = [
  'row', 'id_hmac', 'semester', 'demo_lessons_home', 'demo_lessons_guided', 'observed_lessons', 'group_preps', 'lectures',
  'project_led', 'small_projects',
] as const;
export const MILESTONE_COLUMNS = ['row', 'id_hmac', 'milestone', 'result', 'date'] as const;

/** 400 submission.invalid with the validator's findings, or the valid records. */
export function validateSubmission(workbook: EncodedWorkbook, year: number): Records {
  const result = validateWorkbook(decodeWorkbook(workbook), { year });
  if (!result.ok) {
    const json = toValidateJson(result);
    throw new ApiError(
      400,
      'submission.invalid',
      `名册有 ${json.counts.errors} 处错误，请修正后再提交`,
      `The workbook has ${json.counts.errors} errors; fix them and submit again`,
      { counts: { errors: json.counts.errors, warnings: json.counts.warnings }, findings: json.findings },
    );
  }
  return result.records;
}

function tally<K extends string>(map: Record<K, [number, number, number, number]>, key: K, status: TeacherStatus) {
  const t = (map[key] ??= [0, 0, 0, 0]);
  t[0]++;
  if (status === 'pass') t[1]++;
  else if (status === 'warn') t[2]++;
  else if (status === 'fail') t[3]++;
}

const STATUS_INDEX: Record<RuleStatus, 0 | 1 | 2> = { pass: 0, warn: 1, fail: 2 };

/** Free text is stored with any full ID number in it masked (a certificate number that is the ID). */
const nullableText = (s: string | null) => (s === null ? null : maskIdNumbersIn(s));

export async function prepareSubmission(
  records: Records,
  policy: ResolvedPolicy,
  opts: { year: number; asOf: string; schoolCode: string; keys: IdKeys; catalogues?: CatalogueLoader },
): Promise<PreparedSubmission> {
  const school = records.school;
  if (!school) throw new ApiError(400, 'submission.invalid', '缺少学校概况', 'The school sheet is missing', { counts: { errors: 1, warnings: 0 }, findings: [] });
  if (school.schoolCode !== opts.schoolCode) {
    throw new ApiError(
      400,
      'submission.school_mismatch',
      `名册的学校代码 ${school.schoolCode} 与令牌所属学校 ${opts.schoolCode} 不一致`,
      `The workbook's school code ${school.schoolCode} is not this token's school ${opts.schoolCode}`,
      { workbook: school.schoolCode, token: opts.schoolCode },
    );
  }
  const hmacs = new Map<string, string>();
  const hmacOf = async (id: string) => {
    let h = hmacs.get(id);
    if (h === undefined) {
      h = await hmacId(opts.keys, id);
      hmacs.set(id, h);
    }
    return h;
  };
  // Attendee lists hold keyed hashes: every training's teacher is hashed before it is recognised.
  // The course is recognised as it is stored (an ID number in it masked), so its queue group is too.
  for (const t of records.trainings) {
    await hmacOf(t.idNumber);
    t.course = maskIdNumbersIn(t.course);
  }
  const mode = policy.recognition;
  await recognizeRecords(records, mode, opts.catalogues, (id) => hmacs.get(id)!);
  const report = evaluateCompliance(records, policy, { year: opts.year, asOf: opts.asOf });

  const yearPrefix = `${opts.year}-`;
  const hours = new Map<string, number>();
  for (const t of records.trainings) {
    if (!t.endDate.startsWith(yearPrefix) || t.endDate > opts.asOf) continue;
    hours.set(t.idNumber, (hours.get(t.idNumber) ?? 0) + countedHours(t.hours, t.recognition, mode));
  }

  const byRow = new Map(report.teachers.map((t) => [t.row, t]));
  const stats: SubmissionStats = {
    byRule: {}, backbone: {}, studio: {}, schoolStatus: report.school.status, recognition: mode,
    training: trainingStatistics(records, { year: opts.year, asOf: opts.asOf, mode }),
  };
  const teachers: unknown[][] = [];
  for (const t of records.teachers) {
    const c = byRow.get(t.row);
    const status: TeacherStatus = c?.status ?? 'invalid';
    const rules = c?.rules ?? [];
    for (const r of rules) (stats.byRule[r.rule] ??= [0, 0, 0])[STATUS_INDEX[r.status]]++;
    if (t.backboneLevel !== null && t.backbone !== '无') tally(stats.backbone, t.backboneLevel, status);
    if (t.studioRole !== '无') tally(stats.studio, t.studioRole, status);
    const unmet = rules.filter((r) => r.status !== 'pass').map((r) => r.rule);
    teachers.push([
      t.row, await hmacOf(t.idNumber), maskId(t.idNumber), await encryptId(opts.keys, t.idNumber), t.name, t.gender,
      t.stage, t.subject, t.title, t.education, t.startDate, t.post, t.postStartDate, t.backbone,
      t.backboneLevel, t.studioRole, t.transferred ? 1 : 0, status, unmet.length ? `,${unmet.join(',')},` : '',
      Math.round((hours.get(t.idNumber) ?? 0) * 10) / 10, JSON.stringify(c ?? { row: t.row, idMasked: maskId(t.idNumber), name: t.name, status, rules }),
    ]);
  }
  for (const r of report.school.rules) (stats.byRule[r.rule] ??= [0, 0, 0])[STATUS_INDEX[r.status]]++;

  const trainings: unknown[][] = [];
  for (const t of records.trainings) {
    const recognition = storedRecognition(t, mode);
    trainings.push([
      t.row, await hmacOf(t.idNumber), t.course, t.level, t.category, t.form, t.startDate, t.endDate, t.hours,
      nullableText(t.organizer), nullableText(t.certificate), nullableText(t.catalogueCode ?? null), recognition?.status ?? null,
      recognition ? JSON.stringify(recognition) : null, recognition?.group ?? null,
    ]);
  }
  const duties: unknown[][] = [];
  for (const d of records.duties) {
    duties.push([
      d.row, await hmacOf(d.idNumber), d.semester, d.demoLessonsHome, d.demoLessonsGuided, d.observedLessons, d.groupPreps,
      d.lectures, nullableText(d.projectLed), d.smallProjects,
    ]);
  }
  const milestones: unknown[][] = [];
  for (const m of records.milestones) milestones.push([m.row, await hmacOf(m.idNumber), m.milestone, m.result, m.date]);

  return {
    school: { ...school, schoolName: maskIdNumbersIn(school.schoolName) },
    report,
    counts: { teachers: teachers.length, trainings: trainings.length, duties: duties.length, milestones: milestones.length },
    stats,
    teachers,
    trainings,
    duties,
    milestones,
  };
}
