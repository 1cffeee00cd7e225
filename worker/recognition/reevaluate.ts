/**
 * What a catalogue change or a queue decision re-evaluates (archive.md §2: "re-evaluates the
 * affected submissions' compliance"): the current versions it can reach are marked stale — the mark
 * every verdict read honours (worker/submission/reevaluate.ts) — and as many as one request may run
 * are re-evaluated at once, so the answer can say what moved. The rest are brought up to date by the
 * next read of their verdicts, which never answers with a stale one unmarked.
 */
import type { ReevaluatedSubmission } from '../../shared/api/catalogue.js';
import type { ComplianceSummary } from '../../shared/policy/types.js';
import { refreshStale } from '../submission/reevaluate.js';

const FROM_CURRENT = `FROM trainings t
  JOIN current_submissions c ON c.submission_id = t.submission_id
  JOIN schools sc ON sc.code = c.school_code`;

/** The current versions of the bureau with a record in one of these queue groups. */
export async function versionsWithGroups(
  db: D1Database,
  bureauId: string,
  groups: readonly string[],
): Promise<string[]> {
  const r = await db
    .prepare(
      `SELECT DISTINCT c.submission_id AS id ${FROM_CURRENT}
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
  const base = `SELECT DISTINCT c.submission_id AS id ${FROM_CURRENT}
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

interface SummaryRow {
  id: string;
  school_code: string;
  school_name: string;
  year: number;
  pass: number;
  warn: number;
  fail: number;
  pass_rate: number;
  stale_since: string | null;
}

const summaryOf = (r: SummaryRow): ComplianceSummary => ({
  teachers: r.pass + r.warn + r.fail,
  pass: r.pass,
  warn: r.warn,
  fail: r.fail,
  passRate: r.pass_rate,
});

async function summaries(db: D1Database, ids: readonly string[]): Promise<Map<string, SummaryRow>> {
  const r = await db
    .prepare(
      `SELECT s.id, s.school_code, sc.name AS school_name, s.year, s.pass, s.warn, s.fail, s.pass_rate, s.stale_since
         FROM submissions s JOIN schools sc ON sc.code = s.school_code
        WHERE s.id IN (SELECT value FROM json_each(?1))`,
    )
    .bind(JSON.stringify(ids))
    .all<SummaryRow>();
  return new Map(r.results.map((x) => [x.id, x]));
}

export interface Reevaluation {
  /** The versions re-evaluated in this request, with their summaries before and after. */
  reevaluated: ReevaluatedSubmission[];
  /** Versions marked stale and left for the next reads of their verdicts (beyond one request's budget). */
  pending: number;
}

export async function reevaluateVersions(db: D1Database, ids: readonly string[], now: string): Promise<Reevaluation> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { reevaluated: [], pending: 0 };
  const before = await summaries(db, unique);
  await db
    .prepare(
      `UPDATE submissions SET stale_since = COALESCE(stale_since, ?2)
        WHERE id IN (SELECT value FROM json_each(?1)) AND id IN (SELECT submission_id FROM current_submissions)`,
    )
    .bind(JSON.stringify(unique), now)
    .run();
  await refreshStale(db, { ids: unique }, now);
  const after = await summaries(db, unique);
  const reevaluated: ReevaluatedSubmission[] = [];
  let pending = 0;
  for (const id of unique) {
    const b = before.get(id);
    const a = after.get(id);
    if (!a || !b) continue;
    if (a.stale_since !== null) {
      pending++;
      continue;
    }
    reevaluated.push({
      submissionId: id,
      schoolCode: a.school_code,
      schoolName: a.school_name,
      year: a.year,
      before: summaryOf(b),
      after: summaryOf(a),
    });
  }
  return { reevaluated, pending };
}
