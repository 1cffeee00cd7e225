/**
 * Storing a version as a list of named steps. Every step before `commit` writes only rows of the
 * new submission id (status 'staging'), which nobody reads; `commit` is one D1 batch (one
 * transaction) that moves the school's current pointer — guarded by the version the clerk started
 * from, and only when every staged row is there — marks the version stored, supersedes the one it
 * replaces, records the idempotency key, and marks stale every current verdict of the bureau that
 * read the replaced version or can see the new one's records (reevaluate.ts brings them up to
 * date). A failure anywhere leaves the previous version current and complete; the failed request
 * removes its staging rows (and any submission sweeps leftovers older than an hour), and the retry
 * with the same key stores exactly one new version.
 */

import { changedSince } from '../db/history.js';
import { CHILD_TABLES, type ChildTable, type RowOf, type StagedRow, SUBMISSIONS, toTuple } from '../db/schema.js';
import type { FaultHook } from '../env.js';
import { reportJson } from './evaluate.js';
import type { PreparedSubmission } from './prepare.js';

export const STORE_STEPS = [
  'clear-stale',
  'stage-submission',
  'stage-teachers',
  'stage-trainings',
  'stage-duties',
  'stage-milestones',
  'stage-sources',
  'commit',
  'respond',
] as const;
export type StoreStep = (typeof STORE_STEPS)[number];

/** Bytes of JSON per bound parameter: well under D1's 2 MB a value. */
const CHUNK_BYTES = 900_000;

export interface StoreInput {
  id: string;
  schoolCode: string;
  bureauId: string;
  year: number;
  version: number;
  /** The version the pointer must still be at (0 = no version yet), and its id (null for none). */
  expectedVersion: number;
  previousId: string | null;
  /** The version approved before this one (this one then comes after an approval), or null. */
  approvedVersion: number | null;
  /** bureaus.history_seq when the history was read. */
  historySeq: number;
  contentHash: string;
  tokenId: string;
  submittedBy: string;
  submittedAt: string;
  idempotencyKey: string;
  requestHash: string;
  prepared: PreparedSubmission;
}

export type CommitOutcome = { ok: true } | { ok: false; currentVersion: number };

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair is one 4-byte character: skip its second half.
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Rows as JSON arrays of at most CHUNK_BYTES each. */
export function chunkRows(rows: unknown[][]): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const r of rows) {
    const s = JSON.stringify(r);
    const n = utf8Length(s) + 1;
    if (parts.length > 0 && size + n > CHUNK_BYTES) {
      chunks.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(s);
    size += n;
  }
  if (parts.length > 0) chunks.push(`[${parts.join(',')}]`);
  return chunks;
}

function insertFromJson(table: ChildTable): string {
  const values = table.staged.map((_, i) => `json_extract(j.value, '$[${i}]')`).join(', ');
  return `INSERT INTO ${table.name} (submission_id, ${table.staged.join(', ')}) SELECT ?1, ${values} FROM json_each(?2) AS j`;
}

async function stageRows<T extends ChildTable>(db: D1Database, table: T, id: string, rows: readonly StagedRow<T>[]) {
  const chunks = chunkRows(rows.map((r) => toTuple(table, r)));
  if (chunks.length === 0) return;
  const sql = insertFromJson(table);
  await db.batch(chunks.map((chunk) => db.prepare(sql).bind(id, chunk)));
}

const INSERT_SUBMISSION = `INSERT INTO submissions (${SUBMISSIONS.names.join(', ')})
  VALUES (${SUBMISSIONS.names.map((_, i) => `?${i + 1}`).join(', ')})`;

/** Removes staging rows (never a stored version's) for these submission ids. */
function deleteStaging(db: D1Database, where: string, ...binds: unknown[]): D1PreparedStatement[] {
  const ids = `SELECT id FROM submissions WHERE status = 'staging' AND ${where}`;
  return [
    ...CHILD_TABLES.map((t) => db.prepare(`DELETE FROM ${t.name} WHERE submission_id IN (${ids})`).bind(...binds)),
    db.prepare(`DELETE FROM submissions WHERE status = 'staging' AND ${where}`).bind(...binds),
  ];
}

export async function discardStaging(db: D1Database, submissionId: string): Promise<void> {
  await db.batch(deleteStaging(db, 'id = ?1', submissionId));
}

/** Staging rows older than this belong to a request that died; any later submission sweeps them. */
const STALE_MS = 60 * 60 * 1000;

export async function storeSubmission(db: D1Database, input: StoreInput, faults?: FaultHook): Promise<CommitOutcome> {
  const p = input.prepared;
  const step = async (name: StoreStep, run: () => Promise<unknown>) => {
    await faults?.(name);
    await run();
  };

  // Only old leftovers: a parallel request with the same key may be staging right now.
  const staleBefore = new Date(Date.parse(input.submittedAt) - STALE_MS).toISOString();
  await step('clear-stale', () => db.batch(deleteStaging(db, 'submitted_at < ?1', staleBefore)));

  let outcome: CommitOutcome = { ok: true };
  try {
    const summary = p.report.school.summary;
    const row: RowOf<typeof SUBMISSIONS> = {
      id: input.id,
      school_code: input.schoolCode,
      year: input.year,
      version: input.version,
      status: 'staging',
      token_id: input.tokenId,
      submitted_by: input.submittedBy,
      submitted_at: input.submittedAt,
      idempotency_key: input.idempotencyKey,
      content_hash: input.contentHash,
      teachers: p.counts.teachers,
      trainings: p.counts.trainings,
      duties: p.counts.duties,
      milestones: p.counts.milestones,
      pass: summary.pass,
      warn: summary.warn,
      fail: summary.fail,
      pass_rate: summary.passRate,
      policy_id: p.report.policy.id,
      as_of: p.report.asOf,
      school_json: JSON.stringify(p.school),
      report_json: reportJson(p.report),
      stats_json: JSON.stringify(p.stats),
      review_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      review_state: 'pending',
      approved_version: input.approvedVersion,
      stale_since: null,
      evaluated_at: input.submittedAt,
      committed_seq: null,
    };
    await step('stage-submission', () =>
      db
        .prepare(INSERT_SUBMISSION)
        .bind(...SUBMISSIONS.names.map((c) => row[c]))
        .run(),
    );
    const [teachers, trainings, duties, milestones, sources] = CHILD_TABLES;
    await step('stage-teachers', () => stageRows(db, teachers, input.id, p.teachers));
    await step('stage-trainings', () => stageRows(db, trainings, input.id, p.trainings));
    await step('stage-duties', () => stageRows(db, duties, input.id, p.duties));
    await step('stage-milestones', () => stageRows(db, milestones, input.id, p.milestones));
    await step('stage-sources', () => stageRows(db, sources, input.id, p.sources));
    await step('commit', async () => {
      outcome = await commit(db, input);
    });
  } catch (e) {
    // Best effort: whatever is left is staging (never read) and the next submissions sweep it.
    await discardStaging(db, input.id).catch((cleanup: Error) =>
      console.error(JSON.stringify({ event: 'staging.cleanup_failed', submission: input.id, error: cleanup.name })),
    );
    throw e;
  }
  await faults?.('respond');
  return outcome;
}

/**
 * The current verdicts of the bureau that the new version N of (school, year) may change, besides
 * N's own: those that read the replaced version (their records may be gone or different), and
 * those holding one of N's teachers that can see one of N's records — a training or milestone
 * dated on or before their asOf, or a duty row of their year's semesters. Binds: ?1 school,
 * ?2 year, ?3 N, ?10 the replaced version's id (or NULL), ?11 the bureau.
 */
const AFFECTED = `
  SELECT ss.submission_id FROM submission_sources ss
    JOIN current_submissions c ON c.submission_id = ss.submission_id
   WHERE ss.source_id = ?10
  UNION
  SELECT c.submission_id
    FROM teachers nt
    JOIN teachers t ON t.id_hmac = nt.id_hmac AND t.submission_id <> nt.submission_id
    JOIN current_submissions c ON c.submission_id = t.submission_id
    JOIN submissions s ON s.id = c.submission_id
    JOIN schools sc ON sc.code = c.school_code
   WHERE nt.submission_id = ?3 AND sc.bureau_id = ?11 AND NOT (c.school_code = ?1 AND c.year = ?2)
     AND (EXISTS (SELECT 1 FROM trainings r WHERE r.id_hmac = nt.id_hmac AND r.submission_id = ?3 AND r.end_date <= s.as_of)
       OR EXISTS (SELECT 1 FROM milestones r WHERE r.id_hmac = nt.id_hmac AND r.submission_id = ?3 AND r.date <= s.as_of)
       OR EXISTS (SELECT 1 FROM duties r WHERE r.id_hmac = nt.id_hmac AND r.submission_id = ?3
                    AND CAST(substr(r.semester, CASE substr(r.semester, 11, 1) WHEN '1' THEN 1 ELSE 6 END, 4) AS INTEGER) = s.year))`;

/**
 * One transaction: move the pointer only while it is still at the expected version AND every staged
 * row is there; then, each only if the pointer now names this submission: mark the version stored,
 * record the idempotency key, supersede the replaced version, count the bureau's history sequence
 * up and stamp the version with it, and mark stale the verdicts the change concerns — this one's
 * too, when between its history lookup and now a version holding one of its teachers was committed
 * or a ledger it counted was replaced (history.ts's changedSince: the other commit could not see it).
 */
async function commit(db: D1Database, input: StoreInput): Promise<CommitOutcome> {
  const c = input.prepared.counts;
  const isCurrent = '(SELECT submission_id FROM current_submissions WHERE school_code = ?1 AND year = ?2) = ?3';
  const complete = CHILD_TABLES.map(
    (t, i) => `(SELECT COUNT(*) FROM ${t.name} WHERE submission_id = ?3) = ?${5 + i}`,
  ).join(' AND ');
  const counts = [c.teachers, c.trainings, c.duties, c.milestones, input.prepared.sources.length];
  // ?1 school, ?2 year, ?3 id, ?4 version, ?5–?9 counts, ?10 replaced id, ?11 bureau, ?12 expected version,
  // ?13 token, ?14 key, ?15 request hash, ?16 now, ?17 history_seq read.
  const binds = [
    input.schoolCode,
    input.year,
    input.id,
    input.version,
    ...counts,
    input.previousId,
    input.bureauId,
    input.expectedVersion,
    input.tokenId,
    input.idempotencyKey,
    input.requestHash,
    input.submittedAt,
    input.historySeq,
  ];
  // D1 wants exactly as many values as the statement's highest ?N: each statement gets that prefix.
  const stmt = (sql: string) => {
    const highest = Math.max(...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
    return db.prepare(sql).bind(...binds.slice(0, highest));
  };
  const [moved] = await db.batch([
    // The WHERE on the SELECT also keeps SQLite from reading ON CONFLICT as part of a join.
    stmt(`INSERT INTO current_submissions (school_code, year, submission_id, version)
          SELECT ?1, ?2, ?3, ?4
           WHERE COALESCE((SELECT version FROM current_submissions WHERE school_code = ?1 AND year = ?2), 0) = ?12
             AND ${complete}
          ON CONFLICT (school_code, year) DO UPDATE SET submission_id = excluded.submission_id, version = excluded.version
          WHERE current_submissions.version = ?12`),
    // Stamped with the value the counting-up below brings the bureau's history_seq to.
    stmt(`UPDATE submissions SET status = 'stored', committed_seq = (SELECT history_seq + 1 FROM bureaus WHERE id = ?11)
           WHERE id = ?3 AND ${isCurrent}`),
    stmt(`INSERT INTO idempotency_keys (school_code, key, token_id, request_hash, submission_id, status, created_at)
          SELECT ?1, ?14, ?13, ?15, ?3, 201, ?16 WHERE ${isCurrent}`),
    stmt(`UPDATE submissions SET review_state = 'superseded'
           WHERE school_code = ?1 AND year = ?2 AND id <> ?3 AND status = 'stored' AND review_state <> 'superseded'
             AND ${isCurrent}`),
    stmt(`UPDATE bureaus SET history_seq = history_seq + 1 WHERE id = ?11 AND ${isCurrent}`),
    stmt(`UPDATE submissions SET stale_since = ?16
           WHERE id = ?3 AND ${isCurrent} AND ${changedSince('?3', '?17', '?11', 1)}`),
    stmt(`UPDATE submissions SET stale_since = COALESCE(stale_since, ?16) WHERE id IN (${AFFECTED}) AND ${isCurrent}`),
  ]);
  if (moved!.meta.changes === 1) return { ok: true };
  const row = await db
    .prepare('SELECT version FROM current_submissions WHERE school_code = ?1 AND year = ?2')
    .bind(input.schoolCode, input.year)
    .first<{ version: number }>();
  const currentVersion = row?.version ?? 0;
  if (currentVersion === input.expectedVersion) throw new Error('staged rows incomplete at commit');
  return { ok: false, currentVersion };
}
