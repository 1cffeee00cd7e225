/**
 * Re-evaluation of stale verdicts (docs/HISTORY.md). A commit marks stale, in its own transaction,
 * every current verdict of the bureau that read the replaced version or can see the new one's
 * records; the submitting request then re-evaluates them before it answers, and every read of
 * verdicts re-evaluates what is still stale in its scope first (after a failed request, or a
 * commit that raced a history lookup). So no answer carries a verdict computed from a superseded
 * version.
 *
 * A re-evaluation reads the version's own rows back (the teacher is its keyed hash here: the
 * engine only groups by it, and the masked form comes from the row), looks the history up again,
 * matches its records against the bureau's catalogue as it stands (archive.md §2), and rewrites the
 * verdict and recognition columns in one batch — only while the version is still current, and it
 * clears the mark only if what it read has not changed since its lookup (history.ts's changedSince).
 * When the recognition of its own records changed, the version counts as committed again: the
 * bureau's history_seq moves and the version is stamped, so that a verdict whose lookup read the
 * old recognition in the meantime is caught as a commit would be.
 */
import type { Records, SchoolRecord, TeacherRecord } from '../../shared/records.js';
import { changedSince, lookupHistory } from '../db/history.js';
import { policyFor } from '../db/policies.js';
import { dutyFields, milestoneFields, trainingFields } from '../db/record-fields.js';
import type { DUTIES, MILESTONES, RowOf, TEACHERS, TRAININGS } from '../db/schema.js';
import { recognizeRecords, storedRecognition } from '../recognition/apply.js';
import { loadCatalogues } from '../recognition/load.js';
import { evaluateSubmission, reportJson } from './evaluate.js';
import { chunkRows } from './store.js';

/**
 * Re-evaluations one request runs at most: each is 17–19 D1 statements (its rows, the policy, the
 * catalogues, the history, the writes; counted by bench:scale), and a Worker may make 1,000.
 */
export const REEVALUATE_BUDGET = 30;

interface Head {
  id: string;
  school_code: string;
  bureau_id: string;
  year: number;
  as_of: string;
  school_json: string;
}

type TeacherRow = Omit<
  RowOf<typeof TEACHERS>,
  'submission_id' | 'status' | 'unmet' | 'hours' | 'compliance_json' | 'id_enc'
>;
type TrainingRow = Omit<RowOf<typeof TRAININGS>, 'submission_id'>;
type DutyRow = Omit<RowOf<typeof DUTIES>, 'submission_id'>;
type MilestoneRow = Omit<RowOf<typeof MILESTONES>, 'submission_id'>;

const READ_TEACHERS = `SELECT row, id_hmac, id_masked, name, gender, stage, subject, title, education, start_date, post,
  post_start_date, backbone, backbone_level, studio_role, transferred FROM teachers WHERE submission_id = ?1 ORDER BY row`;

/** A stored version's records as the engine reads them, keyed by id_hmac instead of the ID number. */
function recordsOf(head: Head, t: TeacherRow[], tr: TrainingRow[], d: DutyRow[], m: MilestoneRow[]): Records {
  const names = new Map(t.map((x) => [x.id_hmac, x.name]));
  const name = (h: string) => names.get(h) ?? '';
  return {
    school: JSON.parse(head.school_json) as SchoolRecord,
    teachers: t.map(
      (x): TeacherRecord => ({
        row: x.row,
        name: x.name,
        idNumber: x.id_hmac,
        gender: x.gender as TeacherRecord['gender'],
        birthDate: null,
        phone: null,
        stage: x.stage as TeacherRecord['stage'],
        subject: x.subject as TeacherRecord['subject'],
        title: x.title as TeacherRecord['title'],
        education: x.education as TeacherRecord['education'],
        startDate: x.start_date,
        post: x.post as TeacherRecord['post'],
        postStartDate: x.post_start_date,
        backbone: x.backbone as TeacherRecord['backbone'],
        backboneLevel: x.backbone_level as TeacherRecord['backboneLevel'],
        studioRole: x.studio_role as TeacherRecord['studioRole'],
        transferred: x.transferred === 1,
        note: null,
      }),
    ),
    invalidTeachers: [],
    trainings: tr.map((x) => ({ ...trainingFields(x), idNumber: x.id_hmac, name: name(x.id_hmac) })),
    duties: d.map((x) => ({ ...dutyFields(x), idNumber: x.id_hmac, name: name(x.id_hmac) })),
    milestones: m.map((x) => ({ ...milestoneFields(x), idNumber: x.id_hmac, name: name(x.id_hmac) })),
  };
}

/**
 * Re-evaluates one version on the history as it stands. Returns false when there was nothing to do
 * (the version is gone or no longer current).
 */
export async function reevaluate(db: D1Database, id: string, now: string): Promise<boolean> {
  const [head, teachers, trainings, duties, milestones] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT s.id, s.school_code, sc.bureau_id, s.year, s.as_of, s.school_json
           FROM submissions s
           JOIN current_submissions c ON c.submission_id = s.id
           JOIN schools sc ON sc.code = s.school_code
          WHERE s.id = ?1`,
      )
      .bind(id),
    db.prepare(READ_TEACHERS).bind(id),
    db
      .prepare(
        `SELECT row, id_hmac, course, level, category, form, start_date, end_date, hours, organizer, certificate,
                catalogue_code, recognition, recognition_json, group_key
           FROM trainings WHERE submission_id = ?1 ORDER BY row`,
      )
      .bind(id),
    db
      .prepare(`SELECT row, id_hmac, semester, demo_lessons_home, demo_lessons_guided, observed_lessons, group_preps, lectures,
      project_led, small_projects FROM duties WHERE submission_id = ?1 ORDER BY row`)
      .bind(id),
    db
      .prepare('SELECT row, id_hmac, milestone, result, date FROM milestones WHERE submission_id = ?1 ORDER BY row')
      .bind(id),
  ]);
  const h = head!.results[0] as unknown as Head | undefined;
  if (!h) return false;
  const t = teachers!.results as unknown as TeacherRow[];
  const records = recordsOf(
    h,
    t,
    trainings!.results as unknown as TrainingRow[],
    duties!.results as unknown as DutyRow[],
    milestones!.results as unknown as MilestoneRow[],
  );
  const policy = await policyFor(db, h.bureau_id, h.year);
  // The version's own records are matched again against the catalogue as it stands (archive.md §2);
  // the teacher here is already the keyed hash the attendee lists hold.
  await recognizeRecords(
    records,
    policy.recognition,
    (years, hmacs) => loadCatalogues(db, h.bureau_id, years, hmacs),
    (x) => x,
  );
  const lookup = await lookupHistory(db, {
    bureauId: h.bureau_id,
    schoolCode: h.school_code,
    year: h.year,
    hmacs: t.map((x) => x.id_hmac),
  });
  const e = evaluateSubmission(records, lookup, policy, { year: h.year, asOf: h.as_of });
  const stored = trainings!.results as unknown as TrainingRow[];
  const recognitions = records.trainings.map((r, i) => {
    const s = storedRecognition(r, policy.recognition);
    const json = s ? JSON.stringify(s) : null;
    return {
      row: r.row,
      status: s?.status ?? null,
      json,
      group: s?.group ?? null,
      changed: json !== stored[i]!.recognition_json,
    };
  });
  const changed = recognitions.filter((r) => r.changed);

  // The engine masked the hash it was given: the row's masked ID is the teacher's.
  const masked = new Map(t.map((x) => [x.row, x.id_masked]));
  for (const c of e.report.teachers) c.idMasked = masked.get(c.row) ?? c.idMasked;
  const updates = e.verdicts.map((v) => [v.row, v.status, v.unmet, v.hours, JSON.stringify(v.compliance)]);
  const summary = e.report.school.summary;
  const current = 'EXISTS (SELECT 1 FROM current_submissions WHERE submission_id = ?1)';
  // The commits this batch makes itself (a changed recognition counts the bureau up once).
  const own = changed.length === 0 ? 0 : 1;
  await db.batch([
    ...chunkRows(updates).map((chunk) =>
      db
        // MATERIALIZED: read the JSON once, then find each teacher by its key. Without it SQLite
        // walks the version's teachers and re-reads the whole JSON for each (24 s for 2,000
        // teachers here, against 0.1 s).
        .prepare(
          `WITH v AS MATERIALIZED (
             SELECT json_extract(j.value, '$[0]') AS row, json_extract(j.value, '$[1]') AS status,
                    json_extract(j.value, '$[2]') AS unmet, json_extract(j.value, '$[3]') AS hours,
                    json_extract(j.value, '$[4]') AS compliance
               FROM json_each(?2) AS j)
           UPDATE teachers SET status = v.status, unmet = v.unmet, hours = v.hours, compliance_json = v.compliance
             FROM v
            WHERE teachers.submission_id = ?1 AND teachers.row = v.row AND ${current}`,
        )
        .bind(id, chunk),
    ),
    ...chunkRows(changed.map((r) => [r.row, r.status, r.json, r.group])).map((chunk) =>
      db
        // MATERIALIZED for the same reason as the teachers' update above.
        .prepare(
          `WITH v AS MATERIALIZED (
             SELECT json_extract(j.value, '$[0]') AS row, json_extract(j.value, '$[1]') AS recognition,
                    json_extract(j.value, '$[2]') AS recognition_json, json_extract(j.value, '$[3]') AS group_key
               FROM json_each(?2) AS j)
           UPDATE trainings SET recognition = v.recognition, recognition_json = v.recognition_json, group_key = v.group_key
             FROM v
            WHERE trainings.submission_id = ?1 AND trainings.row = v.row AND ${current}`,
        )
        .bind(id, chunk),
    ),
    // Verdicts that counted this ledger's records read their recognition: when it changed, they are
    // stale too (only then, so that two ledgers counting each other settle).
    ...(changed.length === 0
      ? []
      : [
          db
            .prepare(
              `UPDATE submissions SET stale_since = COALESCE(stale_since, ?2)
                WHERE id IN (SELECT ss.submission_id FROM submission_sources ss
                               JOIN current_submissions c ON c.submission_id = ss.submission_id
                              WHERE ss.source_id = ?1 AND ss.submission_id <> ?1) AND ${current}`,
            )
            .bind(id, now),
          db
            .prepare(`UPDATE bureaus SET history_seq = history_seq + 1 WHERE id = ?2 AND ${current}`)
            .bind(id, h.bureau_id),
          db
            .prepare(
              `UPDATE submissions SET committed_seq = (SELECT history_seq FROM bureaus WHERE id = ?2)
                WHERE id = ?1 AND ${current}`,
            )
            .bind(id, h.bureau_id),
        ]),
    db.prepare(`DELETE FROM submission_sources WHERE submission_id = ?1 AND ${current}`).bind(id),
    db
      .prepare(
        `INSERT INTO submission_sources (submission_id, idx, source_id)
           SELECT ?1, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?2) AS j WHERE ${current}`,
      )
      .bind(id, JSON.stringify(e.sources.map((s) => [s.idx, s.source_id]))),
    db
      .prepare(
        `UPDATE submissions SET pass = ?2, warn = ?3, fail = ?4, pass_rate = ?5, report_json = ?6, stats_json = ?7,
                evaluated_at = ?8,
                stale_since = CASE WHEN ${changedSince('?1', '?9', '?10', own)} THEN stale_since ELSE NULL END
          WHERE id = ?1 AND ${current}`,
      )
      .bind(
        id,
        summary.pass,
        summary.warn,
        summary.fail,
        summary.passRate,
        reportJson(e.report),
        JSON.stringify(e.stats),
        now,
        lookup.seq,
        h.bureau_id,
      ),
  ]);
  return true;
}

export type StaleScope =
  /** `markedAt`: only the verdicts marked at that instant (by one commit), not every leftover. */
  { bureauId: string; year?: number; schoolCode?: string; markedAt?: string } | { ids: readonly string[] };

/**
 * Re-evaluates the stale current versions in scope, up to REEVALUATE_BUDGET (oldest mark first);
 * returns how many it ran. What is left over stays marked (`stale: true` in the answers) for the
 * next request.
 */
export async function refreshStale(db: D1Database, scope: StaleScope, now: string): Promise<number> {
  let sql = `SELECT s.id FROM submissions s
     JOIN current_submissions c ON c.submission_id = s.id
     JOIN schools sc ON sc.code = s.school_code
    WHERE s.stale_since IS NOT NULL`;
  const binds: unknown[] = [];
  if ('ids' in scope) {
    if (scope.ids.length === 0) return 0;
    binds.push(JSON.stringify(scope.ids));
    sql += ` AND s.id IN (SELECT value FROM json_each(?${binds.length}))`;
  } else {
    binds.push(scope.bureauId);
    sql += ` AND sc.bureau_id = ?${binds.length}`;
    if (scope.year !== undefined) {
      binds.push(scope.year);
      sql += ` AND s.year = ?${binds.length}`;
    }
    if (scope.schoolCode !== undefined) {
      binds.push(scope.schoolCode);
      sql += ` AND s.school_code = ?${binds.length}`;
    }
    if (scope.markedAt !== undefined) {
      binds.push(scope.markedAt);
      sql += ` AND s.stale_since = ?${binds.length}`;
    }
  }
  binds.push(REEVALUATE_BUDGET);
  sql += ` ORDER BY s.stale_since, s.id LIMIT ?${binds.length}`;
  const stale = (
    await db
      .prepare(sql)
      .bind(...binds)
      .all<{ id: string }>()
  ).results;
  for (const { id } of stale) await reevaluate(db, id, now);
  return stale.length;
}
