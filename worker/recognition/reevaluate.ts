/**
 * Re-evaluating stored versions after the catalogue or a queue decision changed (archive.md §2:
 * "re-evaluates the affected submissions' compliance"). A version's records are read back, its
 * teachers' ID numbers decrypted for the length of the request (the same records the clerk
 * submitted), and the very preparation a new submission goes through runs again with the bureau's
 * current policy and catalogue and the version's own asOf; then only what evaluation decides is
 * written back (recognition per record, each teacher's status, hours and compliance, the version's
 * summary, report and aggregates), in batches of versions so a whole district stays within D1's
 * per-request limits.
 */
import type { ReevaluatedSubmission } from '../../shared/api/catalogue.js';
import type { ResolvedPolicy } from '../../shared/policy/index.js';
import type {
  DutyRecord,
  MilestoneRecord,
  Records,
  SchoolRecord,
  TeacherRecord,
  TrainingRecord,
} from '../../shared/records.js';
import { decryptId, type IdKeys } from '../crypto/ids.js';
import { policyFor } from '../db/policies.js';
import {
  type PreparedSubmission,
  prepareSubmission,
  TEACHER_COLUMNS,
  TRAINING_COLUMNS,
} from '../submission/prepare.js';
import { chunkRows } from '../submission/store.js';
import { loadCatalogues } from './load.js';

/** Versions read, evaluated and written per round: about 20 statements a round for a 100-teacher school. */
const VERSIONS_PER_ROUND = 20;

interface VersionRow {
  id: string;
  school_code: string;
  school_name: string;
  year: number;
  as_of: string;
  school_json: string;
  pass: number;
  warn: number;
  fail: number;
  pass_rate: number;
}

type Row = Record<string, unknown> & { submission_id: string };

const IN_IDS = 'submission_id IN (SELECT value FROM json_each(?1))';

/** The current versions of the bureau with a record in one of these queue groups. */
export async function versionsWithGroups(
  db: D1Database,
  bureauId: string,
  groups: readonly string[],
): Promise<string[]> {
  const r = await db
    .prepare(
      `SELECT DISTINCT c.submission_id AS id FROM trainings t
         JOIN current_submissions c ON c.submission_id = t.submission_id
         JOIN schools sc ON sc.code = c.school_code
        WHERE sc.bureau_id = ?1 AND t.group_key IN (SELECT value FROM json_each(?2))`,
    )
    .bind(bureauId, JSON.stringify(groups))
    .all<{ id: string }>();
  return r.results.map((x) => x.id);
}

/**
 * The current versions an entry's change can affect: records matched to it, naming its code, of its
 * folded course (any level and dates), or unmatched in its year (their likely entry may change).
 * With `wholeYear`, every version with a 区级-or-higher record ending in the year (an import, or a
 * year whose catalogue starts or ends with this change).
 */
export async function versionsForEntries(
  db: D1Database,
  bureauId: string,
  year: number,
  change: { wholeYear: true } | { codes: readonly string[]; foldedCourses: readonly string[] },
): Promise<string[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const base = `SELECT DISTINCT c.submission_id AS id FROM trainings t
      JOIN current_submissions c ON c.submission_id = t.submission_id
      JOIN schools sc ON sc.code = c.school_code
     WHERE sc.bureau_id = ?1 AND t.end_date BETWEEN ?2 AND ?3 AND t.level IN ('国家级', '省级', '市级', '区级')`;
  const q =
    'wholeYear' in change
      ? db.prepare(base).bind(bureauId, from, to)
      : db
          .prepare(
            `${base} AND (t.recognition = 'unmatched'
               OR json_extract(t.recognition_json, '$.code') IN (SELECT value FROM json_each(?4))
               OR upper(replace(t.catalogue_code, ' ', '')) IN (SELECT upper(value) FROM json_each(?4))
               OR EXISTS (SELECT 1 FROM json_each(?5) f 
                 WHERE substr(t.group_key, 1, length(f.value) + 1) = f.value || '|'))`,
          )
          .bind(bureauId, from, to, JSON.stringify(change.codes), JSON.stringify(change.foldedCourses));
  return (await q.all<{ id: string }>()).results.map((x) => x.id);
}

export async function reevaluate(
  db: D1Database,
  keys: IdKeys,
  bureauId: string,
  ids: readonly string[],
): Promise<ReevaluatedSubmission[]> {
  const policies = new Map<number, Promise<ResolvedPolicy>>();
  const policyOf = (year: number) => {
    let p = policies.get(year);
    if (!p) policies.set(year, (p = policyFor(db, bureauId, year)));
    return p;
  };
  const out: ReevaluatedSubmission[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += VERSIONS_PER_ROUND) {
    out.push(...(await round(db, keys, bureauId, unique.slice(i, i + VERSIONS_PER_ROUND), policyOf)));
  }
  return out;
}

async function round(
  db: D1Database,
  keys: IdKeys,
  bureauId: string,
  ids: readonly string[],
  policyOf: (year: number) => Promise<ResolvedPolicy>,
): Promise<ReevaluatedSubmission[]> {
  const list = JSON.stringify(ids);
  const [versions, teachers, trainings, duties, milestones] = await db.batch<Row>([
    db
      .prepare(
        `SELECT s.id, s.school_code, sc.name AS school_name, s.year, s.as_of, s.school_json,
                s.pass, s.warn, s.fail, s.pass_rate
           FROM submissions s JOIN schools sc ON sc.code = s.school_code
           WHERE s.id IN (SELECT value FROM json_each(?1))`,
      )
      .bind(list),
    db
      .prepare(
        `SELECT submission_id, row, id_hmac, id_enc, name, gender, stage, subject, title, education, start_date, post,
                post_start_date, backbone, backbone_level, studio_role, transferred
           FROM teachers WHERE ${IN_IDS} ORDER BY row`,
      )
      .bind(list),
    db
      .prepare(
        `SELECT submission_id, row, id_hmac, course, level, category, form, start_date, end_date, hours, organizer,
                certificate,
                catalogue_code FROM trainings WHERE ${IN_IDS} ORDER BY row`,
      )
      .bind(list),
    db
      .prepare(
        `SELECT submission_id, row, id_hmac, semester, demo_lessons_home, demo_lessons_guided, observed_lessons, group_preps,
                lectures, project_led, small_projects FROM duties WHERE ${IN_IDS} ORDER BY row`,
      )
      .bind(list),
    db
      .prepare(
        `SELECT submission_id, row, id_hmac, milestone, result, date FROM milestones WHERE ${IN_IDS} ORDER BY row`,
      )
      .bind(list),
  ]);
  const bySubmission = <T extends Row>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const l = m.get(r.submission_id);
      if (l) l.push(r);
      else m.set(r.submission_id, [r]);
    }
    return m;
  };
  const t = bySubmission(teachers!.results);
  const tr = bySubmission(trainings!.results);
  const du = bySubmission(duties!.results);
  const mi = bySubmission(milestones!.results);

  const results: ReevaluatedSubmission[] = [];
  const teacherUpdates: unknown[][] = [];
  const trainingUpdates: unknown[][] = [];
  const versionUpdates: unknown[][] = [];
  for (const v of versions!.results as unknown as VersionRow[]) {
    const records = await recordsOf(
      v,
      t.get(v.id) ?? [],
      tr.get(v.id) ?? [],
      du.get(v.id) ?? [],
      mi.get(v.id) ?? [],
      keys,
    );
    const policy = await policyOf(v.year);
    const prepared = await prepareSubmission(records, policy, {
      year: v.year,
      asOf: v.as_of,
      schoolCode: v.school_code,
      keys,
      catalogues: (years, hmacs) => loadCatalogues(db, bureauId, years, hmacs),
    });
    collectUpdates(v.id, prepared, teacherUpdates, trainingUpdates);
    const summary = prepared.report.school.summary;
    versionUpdates.push([
      v.id,
      summary.pass,
      summary.warn,
      summary.fail,
      summary.passRate,
      prepared.report.policy.id,
      JSON.stringify({ ...prepared.report, teachers: undefined }),
      JSON.stringify(prepared.stats),
    ]);
    results.push({
      submissionId: v.id,
      schoolCode: v.school_code,
      schoolName: v.school_name,
      year: v.year,
      before: { teachers: v.pass + v.warn + v.fail, pass: v.pass, warn: v.warn, fail: v.fail, passRate: v.pass_rate },
      after: summary,
    });
  }
  await db.batch([
    ...chunkRows(teacherUpdates).map((chunk) =>
      db
        .prepare(
          `UPDATE teachers SET status = json_extract(j.value, '$[2]'), unmet = json_extract(j.value, '$[3]'),
                  hours = json_extract(j.value, '$[4]'), compliance_json = json_extract(j.value, '$[5]')
             FROM json_each(?1) AS j
            WHERE teachers.submission_id = json_extract(j.value, '$[0]') AND teachers.row = json_extract(j.value, '$[1]')`,
        )
        .bind(chunk),
    ),
    ...chunkRows(trainingUpdates).map((chunk) =>
      db
        .prepare(
          `UPDATE trainings SET recognition = json_extract(j.value, '$[2]'),
                  recognition_json = json_extract(j.value, '$[3]'),
                  group_key = json_extract(j.value, '$[4]')
             FROM json_each(?1) AS j
            WHERE trainings.submission_id = json_extract(j.value, '$[0]') AND trainings.row = json_extract(j.value, '$[1]')`,
        )
        .bind(chunk),
    ),
    ...chunkRows(versionUpdates).map((chunk) =>
      db
        .prepare(
          `UPDATE submissions SET pass = json_extract(j.value, '$[1]'), warn = json_extract(j.value, '$[2]'),
                  fail = json_extract(j.value, '$[3]'), pass_rate = json_extract(j.value, '$[4]'),
                  policy_id = json_extract(j.value, '$[5]'), report_json = json_extract(j.value, '$[6]'),
                  stats_json = json_extract(j.value, '$[7]')
             FROM json_each(?1) AS j WHERE submissions.id = json_extract(j.value, '$[0]')`,
        )
        .bind(chunk),
    ),
  ]);
  return results;
}

const pick = <C extends readonly string[]>(columns: C, row: unknown[], name: C[number]) => row[columns.indexOf(name)];

function collectUpdates(id: string, p: PreparedSubmission, teachers: unknown[][], trainings: unknown[][]) {
  for (const row of p.teachers) {
    teachers.push([
      id,
      pick(TEACHER_COLUMNS, row, 'row'),
      pick(TEACHER_COLUMNS, row, 'status'),
      pick(TEACHER_COLUMNS, row, 'unmet'),
      pick(TEACHER_COLUMNS, row, 'hours'),
      pick(TEACHER_COLUMNS, row, 'compliance_json'),
    ]);
  }
  for (const row of p.trainings) {
    trainings.push([
      id,
      pick(TRAINING_COLUMNS, row, 'row'),
      pick(TRAINING_COLUMNS, row, 'recognition'),
      pick(TRAINING_COLUMNS, row, 'recognition_json'),
      pick(TRAINING_COLUMNS, row, 'group_key'),
    ]);
  }
}

const s = (v: unknown) => v as string;
const sn = (v: unknown) => (v === null || v === undefined ? null : (v as string));
const n = (v: unknown) => v as number;

/**
 * The version's records as validation produced them. Every training, duty and milestone belongs to a
 * roster teacher (a stored version has no reference.unknown_teacher), so the roster's hashes give
 * each row its ID number back. 出生日期, 联系电话 and 备注 are not stored and not evaluated.
 */
async function recordsOf(
  v: VersionRow,
  teachers: Row[],
  trainings: Row[],
  duties: Row[],
  milestones: Row[],
  keys: IdKeys,
): Promise<Records> {
  const idOf = new Map<string, string>();
  const roster: TeacherRecord[] = [];
  for (const r of teachers) {
    const idNumber = await decryptId(keys, s(r.id_enc));
    idOf.set(s(r.id_hmac), idNumber);
    roster.push({
      row: n(r.row),
      name: s(r.name),
      idNumber,
      gender: s(r.gender) as TeacherRecord['gender'],
      birthDate: null,
      phone: null,
      stage: s(r.stage) as TeacherRecord['stage'],
      subject: s(r.subject) as TeacherRecord['subject'],
      title: s(r.title) as TeacherRecord['title'],
      education: s(r.education) as TeacherRecord['education'],
      startDate: s(r.start_date),
      post: s(r.post) as TeacherRecord['post'],
      postStartDate: sn(r.post_start_date),
      backbone: s(r.backbone) as TeacherRecord['backbone'],
      backboneLevel: sn(r.backbone_level) as TeacherRecord['backboneLevel'],
      studioRole: s(r.studio_role) as TeacherRecord['studioRole'],
      transferred: r.transferred === 1,
      note: null,
    });
  }
  const nameOf = new Map(roster.map((t) => [t.idNumber, t.name]));
  const who = (r: Row) => {
    const idNumber = idOf.get(s(r.id_hmac));
    if (idNumber === undefined) throw new Error(`stored ${v.id} row ${String(r.row)} has no roster teacher`);
    return { idNumber, name: nameOf.get(idNumber)! };
  };
  return {
    school: JSON.parse(v.school_json) as SchoolRecord,
    teachers: roster,
    invalidTeachers: [],
    trainings: trainings.map(
      (r): TrainingRecord => ({
        row: n(r.row),
        ...who(r),
        course: s(r.course),
        level: s(r.level) as TrainingRecord['level'],
        category: s(r.category) as TrainingRecord['category'],
        form: s(r.form) as TrainingRecord['form'],
        startDate: s(r.start_date),
        endDate: s(r.end_date),
        hours: n(r.hours),
        organizer: sn(r.organizer),
        certificate: sn(r.certificate),
        catalogueCode: sn(r.catalogue_code),
      }),
    ),
    duties: duties.map(
      (r): DutyRecord => ({
        row: n(r.row),
        ...who(r),
        semester: s(r.semester),
        demoLessonsHome: n(r.demo_lessons_home),
        demoLessonsGuided: n(r.demo_lessons_guided),
        observedLessons: n(r.observed_lessons),
        groupPreps: n(r.group_preps),
        lectures: n(r.lectures),
        projectLed: sn(r.project_led),
        smallProjects: n(r.small_projects),
      }),
    ),
    milestones: milestones.map(
      (r): MilestoneRecord => ({
        row: n(r.row),
        ...who(r),
        milestone: s(r.milestone) as MilestoneRecord['milestone'],
        result: s(r.result) as MilestoneRecord['result'],
        date: s(r.date),
      }),
    ),
  };
}
