/** Bureaus and schools: the tenants every access check is made against. */
import type { BureauInfo, SchoolInfo } from '../../shared/api/responses.js';

export interface SchoolRow {
  code: string;
  name: string;
  type: string;
  rural: number;
  bureau_id: string;
  created_at: string;
}

export interface BureauRow {
  id: string;
  name: string;
  created_at: string;
}

export const toSchoolInfo = (r: SchoolRow): SchoolInfo => ({
  code: r.code,
  name: r.name,
  type: r.type,
  rural: r.rural === 1,
  bureauId: r.bureau_id,
  createdAt: r.created_at,
});

export const toBureauInfo = (r: BureauRow): BureauInfo => ({ id: r.id, name: r.name, createdAt: r.created_at });

export function getSchool(db: D1Database, code: string) {
  return db
    .prepare('SELECT code, name, type, rural, bureau_id, created_at FROM schools WHERE code = ?1')
    .bind(code)
    .first<SchoolRow>();
}

export function getBureau(db: D1Database, id: string) {
  return db.prepare('SELECT id, name, created_at FROM bureaus WHERE id = ?1').bind(id).first<BureauRow>();
}

export async function listBureaus(db: D1Database): Promise<BureauRow[]> {
  return (await db.prepare('SELECT id, name, created_at FROM bureaus ORDER BY id').all<BureauRow>()).results;
}

export async function listSchools(db: D1Database, bureauId: string | null): Promise<SchoolRow[]> {
  const q = bureauId
    ? db
        .prepare(
          'SELECT code, name, type, rural, bureau_id, created_at FROM schools WHERE bureau_id = ?1 ORDER BY code',
        )
        .bind(bureauId)
    : db.prepare('SELECT code, name, type, rural, bureau_id, created_at FROM schools ORDER BY bureau_id, code');
  return (await q.all<SchoolRow>()).results;
}

/** false when the id is taken. */
export async function insertBureau(db: D1Database, b: { id: string; name: string }, now: string): Promise<boolean> {
  const r = await db
    .prepare('INSERT OR IGNORE INTO bureaus (id, name, created_at) VALUES (?1, ?2, ?3)')
    .bind(b.id, b.name, now)
    .run();
  return r.meta.changes === 1;
}

export async function insertSchool(
  db: D1Database,
  s: { code: string; name: string; type: string; rural: boolean; bureauId: string },
  now: string,
): Promise<boolean> {
  const r = await db
    .prepare(
      'INSERT OR IGNORE INTO schools (code, name, type, rural, bureau_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)',
    )
    .bind(s.code, s.name, s.type, s.rural ? 1 : 0, s.bureauId, now)
    .run();
  return r.meta.changes === 1;
}

export async function audit(
  db: D1Database,
  tokenId: string | null,
  action: string,
  details: Record<string, unknown>,
  now: string,
) {
  await db
    .prepare('INSERT INTO audit_log (at, token_id, action, details) VALUES (?1, ?2, ?3, ?4)')
    .bind(now, tokenId, action, JSON.stringify(details))
    .run();
}
