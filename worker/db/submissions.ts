/** Reading stored versions back: the summary every list shows, the compliance report, the diff. */
import type { SubmissionDiff, SubmissionStatus, SubmissionSummary } from '../../shared/api/responses.js';
import type { ComplianceReport, TeacherCompliance, TeacherStatus } from '../../shared/policy/types.js';
import type { Auth } from '../env.js';

export interface SubmissionRow {
  id: string;
  school_code: string;
  school_name: string;
  bureau_id: string;
  year: number;
  version: number;
  status: SubmissionStatus;
  current_id: string | null;
  submitted_by: string;
  submitted_at: string;
  content_hash: string;
  teachers: number;
  trainings: number;
  duties: number;
  milestones: number;
  pass: number;
  warn: number;
  fail: number;
  pass_rate: number;
  policy_id: string;
  as_of: string;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  approved_version: number | null;
  stale_since: string | null;
  evaluated_at: string | null;
}

const SELECT_SUBMISSION = `
  SELECT s.id, s.school_code, sc.name AS school_name, sc.bureau_id, s.year, s.version, s.review_state AS status,
         c.submission_id AS current_id, s.submitted_by, s.submitted_at, s.content_hash, s.teachers, s.trainings,
         s.duties, s.milestones, s.pass, s.warn, s.fail, s.pass_rate, s.policy_id, s.as_of, s.review_comment,
         s.reviewed_by, s.reviewed_at, s.approved_version, s.stale_since, s.evaluated_at
    FROM submissions s
    JOIN schools sc ON sc.code = s.school_code
    LEFT JOIN current_submissions c ON c.school_code = s.school_code AND c.year = s.year`;

export function toSummary(r: SubmissionRow): SubmissionSummary {
  return {
    id: r.id,
    schoolCode: r.school_code,
    schoolName: r.school_name,
    year: r.year,
    version: r.version,
    current: r.current_id === r.id,
    status: r.status,
    submittedAt: r.submitted_at,
    submittedBy: r.submitted_by,
    counts: { teachers: r.teachers, trainings: r.trainings, duties: r.duties, milestones: r.milestones },
    contentHash: r.content_hash,
    policy: { id: r.policy_id, year: r.year },
    asOf: r.as_of,
    summary: { teachers: r.pass + r.warn + r.fail, pass: r.pass, warn: r.warn, fail: r.fail, passRate: r.pass_rate },
    review: { comment: r.review_comment, reviewedBy: r.reviewed_by, reviewedAt: r.reviewed_at },
    changedAfterApproval: r.approved_version === null ? null : { approvedVersion: r.approved_version },
    evaluatedAt: r.evaluated_at ?? r.submitted_at,
    stale: r.stale_since !== null,
  };
}

/** The tenant condition of a token, as SQL over `sc` (schools) with its parameters. */
function scope(auth: Auth, first: number): { sql: string; binds: unknown[] } {
  if (auth.role === 'clerk') return { sql: `sc.code = ?${first}`, binds: [auth.schoolCode] };
  if (auth.role === 'reviewer') return { sql: `sc.bureau_id = ?${first}`, binds: [auth.bureauId] };
  return { sql: '1 = 1', binds: [] };
}

/** A stored submission the token may see, or null (the caller answers 404 either way). */
export async function getVisibleSubmission(db: D1Database, auth: Auth, id: string): Promise<SubmissionRow | null> {
  const s = scope(auth, 2);
  return db
    .prepare(`${SELECT_SUBMISSION} WHERE s.id = ?1 AND s.status <> 'staging' AND ${s.sql}`)
    .bind(id, ...s.binds)
    .first<SubmissionRow>();
}

export async function listVisibleSubmissions(
  db: D1Database,
  auth: Auth,
  filter: { year?: number; schoolCode?: string },
): Promise<SubmissionRow[]> {
  const s = scope(auth, 1);
  const binds = [...s.binds];
  let sql = `${SELECT_SUBMISSION} WHERE s.status <> 'staging' AND ${s.sql}`;
  if (filter.year !== undefined) {
    binds.push(filter.year);
    sql += ` AND s.year = ?${binds.length}`;
  }
  if (filter.schoolCode !== undefined) {
    binds.push(filter.schoolCode);
    sql += ` AND s.school_code = ?${binds.length}`;
  }
  sql += ' ORDER BY s.year DESC, s.school_code, s.version DESC LIMIT 1000';
  return (
    await db
      .prepare(sql)
      .bind(...binds)
      .all<SubmissionRow>()
  ).results;
}

/** The current version of a school's year, as a new version needs it: to compare, to replace, to carry its approval. */
export interface CurrentVersion {
  id: string;
  version: number;
  content_hash: string;
  review_state: SubmissionStatus;
  approved_version: number | null;
}

export async function currentOf(db: D1Database, schoolCode: string, year: number): Promise<CurrentVersion | null> {
  return db
    .prepare(
      `SELECT s.id, s.version, s.content_hash, s.review_state, s.approved_version
         FROM current_submissions c JOIN submissions s ON s.id = c.submission_id
        WHERE c.school_code = ?1 AND c.year = ?2`,
    )
    .bind(schoolCode, year)
    .first<CurrentVersion>();
}

export async function readCompliance(db: D1Database, id: string): Promise<ComplianceReport> {
  const [meta, teachers] = await db.batch<{ report_json?: string; compliance_json?: string }>([
    db.prepare('SELECT report_json FROM submissions WHERE id = ?1').bind(id),
    db.prepare('SELECT compliance_json FROM teachers WHERE submission_id = ?1 ORDER BY row').bind(id),
  ]);
  const report = JSON.parse(meta!.results[0]!.report_json!) as Omit<ComplianceReport, 'teachers'>;
  return { ...report, teachers: teachers!.results.map((t) => JSON.parse(t.compliance_json!) as TeacherCompliance) };
}

interface DiffRow {
  id_hmac: string;
  id_masked: string;
  name: string;
  status: TeacherStatus;
  hours: number;
}

export async function diffSubmission(db: D1Database, s: SubmissionRow): Promise<SubmissionDiff> {
  const prev = await db
    .prepare(
      `SELECT id, version FROM submissions
        WHERE school_code = ?1 AND year = ?2 AND version < ?3 AND status <> 'staging'
        ORDER BY version DESC LIMIT 1`,
    )
    .bind(s.school_code, s.year, s.version)
    .first<{ id: string; version: number }>();
  const rowsOf = async (id: string) =>
    (
      await db
        .prepare('SELECT id_hmac, id_masked, name, status, hours FROM teachers WHERE submission_id = ?1 ORDER BY row')
        .bind(id)
        .all<DiffRow>()
    ).results;
  const after = await rowsOf(s.id);
  const before = prev ? await rowsOf(prev.id) : [];
  const beforeBy = new Map(before.map((t) => [t.id_hmac, t]));
  const afterBy = new Map(after.map((t) => [t.id_hmac, t]));
  const diff: SubmissionDiff = {
    id: s.id,
    version: s.version,
    previous: prev ? { id: prev.id, version: prev.version } : null,
    added: [],
    removed: [],
    hoursChanged: [],
    statusChanged: [],
  };
  for (const t of after) {
    const b = beforeBy.get(t.id_hmac);
    const who = { idMasked: t.id_masked, name: t.name };
    if (!b) {
      diff.added.push(who);
      continue;
    }
    if (b.hours !== t.hours) diff.hoursChanged.push({ ...who, before: b.hours, after: t.hours });
    if (b.status !== t.status) diff.statusChanged.push({ ...who, before: b.status, after: t.status });
  }
  for (const b of before) if (!afterBy.has(b.id_hmac)) diff.removed.push({ idMasked: b.id_masked, name: b.name });
  return diff;
}

export async function reviewSubmission(
  db: D1Database,
  id: string,
  review: { status: 'approved' | 'returned'; comment: string | null; by: string; at: string },
): Promise<boolean> {
  const r = await db
    .prepare(
      `UPDATE submissions SET review_state = ?2, review_comment = ?3, reviewed_by = ?4, reviewed_at = ?5
        WHERE id = ?1 AND status = 'stored' AND review_state <> 'superseded'`,
    )
    .bind(id, review.status, review.comment, review.by, review.at)
    .run();
  return r.meta.changes === 1;
}
