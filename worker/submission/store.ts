/**
 * Storing a version as a list of named steps. Every step before `commit` writes only rows of the
 * new submission id (status 'staging'), which nobody reads; `commit` is one D1 batch (one
 * transaction) that moves the school's current pointer — guarded by the version the clerk started
 * from, and only when every staged row is there — marks the version stored and records the
 * idempotency key. A failure anywhere leaves the previous version current and complete; the failed
 * request removes its staging rows (and any submission sweeps leftovers older than an hour), and the
 * retry with the same key stores exactly one new version.
 */
import type { FaultHook } from '../env.js';
import {
  DUTY_COLUMNS, MILESTONE_COLUMNS, TEACHER_COLUMNS, TRAINING_COLUMNS, type PreparedSubmission,
} from './prepare.js';

export const STORE_STEPS = [
  'clear-stale',
  'stage-submission',
  'stage-teachers',
  'stage-trainings',
  'stage-duties',
  'stage-milestones',
  'commit',
  'respond',
] as const;
export type StoreStep = (typeof STORE_STEPS)[number];

/** Bytes of JSON per bound parameter: well under D1's 2 MB a value. */
const CHUNK_BYTES = 900_000;

export interface StoreInput {
  id: string;
  schoolCode: string;
  year: number;
  version: number;
  /** The version the pointer must still be at (0 = no version yet). */
  expectedVersion: number;
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
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
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

function insertFromJson(table: string, columns: readonly string[]): string {
  const values = columns.map((_, i) => `json_extract(j.value, '$[${i}]')`).join(', ');
  return `INSERT INTO ${table} (submission_id, ${columns.join(', ')}) SELECT ?1, ${values} FROM json_each(?2) AS j`;
}

async function stageRows(db: D1Database, table: string, columns: readonly string[], id: string, rows: unknown[][]) {
  const chunks = chunkRows(rows);
  if (chunks.length === 0) return;
  const sql = insertFromJson(table, columns);
  await db.batch(chunks.map((chunk) => db.prepare(sql).bind(id, chunk)));
}

const CHILD_TABLES = ['teachers', 'trainings', 'duties', 'milestones'] as const;

/** Removes staging rows (never a stored version's) for these submission ids. */
function deleteStaging(db: D1Database, where: string, ...binds: unknown[]): D1PreparedStatement[] {
  const ids = `SELECT id FROM submissions WHERE status = 'staging' AND ${where}`;
  return [
    ...CHILD_TABLES.map((t) => db.prepare(`DELETE FROM ${t} WHERE submission_id IN (${ids})`).bind(...binds)),
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
    await step('stage-submission', () =>
      db
        .prepare(
          `INSERT INTO submissions (id, school_code, year, version, status, token_id, submitted_by, submitted_at,
             idempotency_key, content_hash, teachers, trainings, duties, milestones, pass, warn, fail, pass_rate,
             policy_id, as_of, school_json, report_json, stats_json)
           VALUES (?1, ?2, ?3, ?4, 'staging', ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)`,
        )
        .bind(
          input.id, input.schoolCode, input.year, input.version, input.tokenId, input.submittedBy, input.submittedAt,
          input.idempotencyKey, input.requestHash, p.counts.teachers, p.counts.trainings, p.counts.duties, p.counts.milestones,
          p.report.school.summary.pass, p.report.school.summary.warn, p.report.school.summary.fail, p.report.school.summary.passRate,
          p.report.policy.id, p.report.asOf, JSON.stringify(p.school), JSON.stringify({ ...p.report, teachers: undefined }),
          JSON.stringify(p.stats),
        )
        .run(),
    );
    await step('stage-teachers', () => stageRows(db, 'teachers', TEACHER_COLUMNS, input.id, p.teachers));
    await step('stage-trainings', () => stageRows(db, 'trainings', TRAINING_COLUMNS, input.id, p.trainings));
    await step('stage-duties', () => stageRows(db, 'duties', DUTY_COLUMNS, input.id, p.duties));
    await step('stage-milestones', () => stageRows(db, 'milestones', MILESTONE_COLUMNS, input.id, p.milestones));
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
 * One transaction: move the pointer only while it is still at the expected version AND every staged
 * row is there; then mark the version stored and record the idempotency key, both only if the
 * pointer now names this submission.
 */
async function commit(db: D1Database, input: StoreInput): Promise<CommitOutcome> {
  const c = input.prepared.counts;
  const isCurrent = 'SELECT submission_id FROM current_submissions WHERE school_code = ?1 AND year = ?2';
  const complete = ['teachers', 'trainings', 'duties', 'milestones']
    .map((t, i) => `(SELECT COUNT(*) FROM ${t} WHERE submission_id = ?3) = ?${6 + i}`)
    .join(' AND ');
  const [moved] = await db.batch([
    // The WHERE on the SELECT also keeps SQLite from reading ON CONFLICT as part of a join.
    db
      .prepare(
        `INSERT INTO current_submissions (school_code, year, submission_id, version)
         SELECT ?1, ?2, ?3, ?4
          WHERE COALESCE((SELECT version FROM current_submissions WHERE school_code = ?1 AND year = ?2), 0) = ?5
            AND ${complete}
         ON CONFLICT (school_code, year) DO UPDATE SET submission_id = excluded.submission_id, version = excluded.version
         WHERE current_submissions.version = ?5`,
      )
      .bind(input.schoolCode, input.year, input.id, input.version, input.expectedVersion, c.teachers, c.trainings, c.duties, c.milestones),
    db.prepare(`UPDATE submissions SET status = 'stored' WHERE id = ?3 AND (${isCurrent}) = ?3`).bind(input.schoolCode, input.year, input.id),
    db
      .prepare(
        `INSERT INTO idempotency_keys (school_code, key, token_id, request_hash, submission_id, status, created_at)
         SELECT ?1, ?5, ?4, ?6, ?3, 201, ?7 WHERE (${isCurrent}) = ?3`,
      )
      .bind(input.schoolCode, input.year, input.id, input.tokenId, input.idempotencyKey, input.requestHash, input.submittedAt),
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
