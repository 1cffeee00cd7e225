/** A bureau's policy file and deadline per year; absent = the default policy and 31 Dec. */
import { DEFAULT_POLICY, type ResolvedPolicy } from '../../shared/policy/index.js';
import { resolvePolicy } from '../../shared/policy/policy-file.js';
import { ApiError } from '../errors.js';

export interface PolicyRow {
  bureau_id: string;
  year: number;
  json: string | null;
  deadline: string | null;
  updated_at: string;
}

export function getPolicyRow(db: D1Database, bureauId: string, year: number) {
  return db
    .prepare('SELECT bureau_id, year, json, deadline, updated_at FROM policies WHERE bureau_id = ?1 AND year = ?2')
    .bind(bureauId, year)
    .first<PolicyRow>();
}

export const defaultDeadline = (year: number) => `${year}-12-31`;

export async function policyFor(db: D1Database, bureauId: string, year: number): Promise<ResolvedPolicy> {
  const row = await getPolicyRow(db, bureauId, year);
  if (!row?.json) return DEFAULT_POLICY;
  const r = resolvePolicy(JSON.parse(row.json));
  // A stored file was checked when it was written; failing now means the rules changed under it.
  if (!r.ok)
    throw new ApiError(
      500,
      'policy.invalid',
      '本局本年度的考核策略已失效，请管理员重新上传',
      'The stored policy no longer resolves',
      { errors: r.errors },
    );
  return r.policy;
}

export async function putPolicy(
  db: D1Database,
  p: { bureauId: string; year: number; json: string; deadline: string | null; by: string; at: string },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO policies (bureau_id, year, json, deadline, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
       ON CONFLICT (bureau_id, year) DO UPDATE SET json = excluded.json,
         deadline = COALESCE(excluded.deadline, policies.deadline), updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .bind(p.bureauId, p.year, p.json, p.deadline, p.at, p.by)
    .run();
}
