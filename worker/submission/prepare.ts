/**
 * From a submitted workbook to the rows to store: re-validate with the shared validator (the
 * clerk's findings, exactly), evaluate the bureau's policy on the record set with the teachers'
 * history (the authoritative compliance), and turn every ID number into its hash, masked and
 * encrypted forms. Nothing here touches the database: the route looks the history up first.
 */

import { recordsContent } from '../../shared/api/content.js';
import type { SubmissionCounts } from '../../shared/api/responses.js';
import { decodeWorkbook, type EncodedWorkbook } from '../../shared/grid.js';
import { maskId, maskIdNumbersIn, type ResolvedPolicy } from '../../shared/policy/index.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import type { Records, SchoolRecord } from '../../shared/records.js';
import { toValidateJson, validateWorkbook } from '../../shared/validate/index.js';
import { sha256Hex } from '../crypto/digest.js';
import { encryptId, hmacId, type IdKeys } from '../crypto/ids.js';
import type { HistoryLookup } from '../db/history.js';
import type { DUTIES, MILESTONES, StagedRow, SUBMISSION_SOURCES, TEACHERS, TRAININGS } from '../db/schema.js';
import { ApiError } from '../errors.js';
import { type CatalogueLoader, recognizeRecords, storedRecognition } from '../recognition/apply.js';
import { evaluateSubmission, type SubmissionStats } from './evaluate.js';

export interface PreparedSubmission {
  school: SchoolRecord;
  report: ComplianceReport;
  counts: SubmissionCounts;
  stats: SubmissionStats;
  teachers: StagedRow<typeof TEACHERS>[];
  trainings: StagedRow<typeof TRAININGS>[];
  duties: StagedRow<typeof DUTIES>[];
  milestones: StagedRow<typeof MILESTONES>[];
  sources: StagedRow<typeof SUBMISSION_SOURCES>[];
}

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

/** 400 submission.invalid unless 学校概况 is there and names the token's school. */
export function checkSchool(records: Records, schoolCode: string): SchoolRecord {
  const school = records.school;
  if (!school)
    throw new ApiError(400, 'submission.invalid', '缺少学校概况', 'The school sheet is missing', {
      counts: { errors: 1, warnings: 0 },
      findings: [],
    });
  if (school.schoolCode !== schoolCode) {
    throw new ApiError(
      400,
      'submission.school_mismatch',
      `名册的学校代码 ${school.schoolCode} 与令牌所属学校 ${schoolCode} 不一致`,
      `The workbook's school code ${school.schoolCode} is not this token's school ${schoolCode}`,
      { workbook: school.schoolCode, token: schoolCode },
    );
  }
  return school;
}

/** The keyed hash of every ID the records name (the roster's, which the other sheets reference). */
export async function hmacsOf(records: Records, keys: IdKeys): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const list of [records.teachers, records.trainings, records.duties, records.milestones]) {
    for (const r of list) ids.add(r.idNumber);
  }
  // All at once: one await per ID in turn costs a trip through the event loop each (2,000 for a large school).
  const unique = [...ids];
  const hashes = await Promise.all(unique.map((id) => hmacId(keys, id)));
  return new Map(unique.map((id, i) => [id, hashes[i]!]));
}

/** What content_hash keeps: the SHA-256 of the validated records (shared/api/submission.ts). */
export async function contentHash(records: Records): Promise<string> {
  return sha256Hex(recordsContent(records));
}

/** Free text is stored with any full ID number in it masked (a certificate number that is the ID). */
const nullableText = (s: string | null) => (s === null ? null : maskIdNumbersIn(s));

/** The rows of a new version: its records, with the verdict on them and their history. */
export async function prepareSubmission(
  records: Records,
  history: HistoryLookup,
  policy: ResolvedPolicy,
  opts: {
    year: number;
    asOf: string;
    schoolCode: string;
    keys: IdKeys;
    hmacs: Map<string, string>;
    /** The bureau's catalogues (archive.md §2); absent: none, no record gets a recognition status. */
    catalogues?: CatalogueLoader;
  },
): Promise<PreparedSubmission> {
  const school = checkSchool(records, opts.schoolCode);
  const hmacOf = (id: string) => opts.hmacs.get(id)!;
  // The course is recognised as it is stored (an ID number in it masked), so its queue group is too;
  // attendee lists hold keyed hashes.
  for (const t of records.trainings) t.course = maskIdNumbersIn(t.course);
  await recognizeRecords(records, policy.recognition, opts.catalogues, hmacOf);
  const { report, stats, verdicts, sources } = evaluateSubmission(records, history, policy, opts);

  const encrypted = await Promise.all(records.teachers.map((t) => encryptId(opts.keys, t.idNumber)));
  const teachers: StagedRow<typeof TEACHERS>[] = [];
  for (const [i, t] of records.teachers.entries()) {
    const v = verdicts[i]!;
    teachers.push({
      row: t.row,
      id_hmac: hmacOf(t.idNumber),
      id_masked: maskId(t.idNumber),
      id_enc: encrypted[i]!,
      name: t.name,
      gender: t.gender,
      stage: t.stage,
      subject: t.subject,
      title: t.title,
      education: t.education,
      start_date: t.startDate,
      post: t.post,
      post_start_date: t.postStartDate,
      backbone: t.backbone,
      backbone_level: t.backboneLevel,
      studio_role: t.studioRole,
      transferred: t.transferred ? 1 : 0,
      status: v.status,
      unmet: v.unmet,
      hours: v.hours,
      compliance_json: JSON.stringify(v.compliance),
    });
  }
  const trainings = records.trainings.map((t): StagedRow<typeof TRAININGS> => {
    const recognition = storedRecognition(t, policy.recognition);
    return {
      row: t.row,
      id_hmac: hmacOf(t.idNumber),
      course: t.course,
      level: t.level,
      category: t.category,
      form: t.form,
      start_date: t.startDate,
      end_date: t.endDate,
      hours: t.hours,
      organizer: nullableText(t.organizer),
      certificate: nullableText(t.certificate),
      catalogue_code: nullableText(t.catalogueCode ?? null),
      recognition: recognition?.status ?? null,
      recognition_json: recognition ? JSON.stringify(recognition) : null,
      group_key: recognition?.group ?? null,
    };
  });
  const duties = records.duties.map(
    (d): StagedRow<typeof DUTIES> => ({
      row: d.row,
      id_hmac: hmacOf(d.idNumber),
      semester: d.semester,
      demo_lessons_home: d.demoLessonsHome,
      demo_lessons_guided: d.demoLessonsGuided,
      observed_lessons: d.observedLessons,
      group_preps: d.groupPreps,
      lectures: d.lectures,
      project_led: nullableText(d.projectLed),
      small_projects: d.smallProjects,
    }),
  );
  const milestones = records.milestones.map(
    (m): StagedRow<typeof MILESTONES> => ({
      row: m.row,
      id_hmac: hmacOf(m.idNumber),
      milestone: m.milestone,
      result: m.result,
      date: m.date,
    }),
  );

  return {
    school: { ...school, schoolName: maskIdNumbersIn(school.schoolName) },
    report,
    counts: {
      teachers: teachers.length,
      trainings: trainings.length,
      duties: duties.length,
      milestones: milestones.length,
    },
    stats,
    teachers,
    trainings,
    duties,
    milestones,
    sources,
  };
}
