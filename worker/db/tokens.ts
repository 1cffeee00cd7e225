/** Access tokens: only the SHA-256 of a token is stored; the token itself is shown once. */
import type { TokenInfo } from '../../shared/api/responses.js';
import { randomToken, sha256Hex } from '../crypto/digest.js';
import type { Role } from '../env.js';

export interface TokenRow {
  id: string;
  role: Role;
  school_code: string | null;
  bureau_id: string | null;
  label: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export async function findTokenByHash(db: D1Database, hash: string) {
  return db
    .prepare(
      `SELECT t.id, t.role, t.school_code, t.bureau_id, t.label, t.created_at, t.expires_at, t.revoked_at,
              s.bureau_id AS school_bureau_id
         FROM tokens t LEFT JOIN schools s ON s.code = t.school_code
        WHERE t.hash = ?1`,
    )
    .bind(hash)
    .first<TokenRow & { school_bureau_id: string | null }>();
}

export function toTokenInfo(r: TokenRow): TokenInfo {
  return {
    id: r.id,
    role: r.role,
    schoolCode: r.school_code,
    bureauId: r.bureau_id,
    label: r.label,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  };
}

/** "sx_" + role initial + 32 random base64url characters: recognisable in a leaked log. */
export function newTokenSecret(role: Role): string {
  return `sx${role[0]}_${randomToken(24)}`;
}

export interface NewToken {
  role: Role;
  schoolCode: string | null;
  bureauId: string | null;
  label: string;
  expiresAt: string | null;
}

export async function insertTokenStatement(db: D1Database, t: NewToken, now: string) {
  const token = newTokenSecret(t.role);
  const row: TokenRow = {
    id: `tok_${randomToken(9)}`,
    role: t.role,
    school_code: t.schoolCode,
    bureau_id: t.bureauId,
    label: t.label,
    created_at: now,
    expires_at: t.expiresAt,
    revoked_at: null,
  };
  const stmt = db
    .prepare(
      `INSERT INTO tokens (id, hash, role, school_code, bureau_id, label, created_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(
      row.id,
      await sha256Hex(token),
      row.role,
      row.school_code,
      row.bureau_id,
      row.label,
      row.created_at,
      row.expires_at,
    );
  return { token, row, stmt };
}

export async function listTokens(db: D1Database): Promise<TokenRow[]> {
  const r = await db
    .prepare(
      'SELECT id, role, school_code, bureau_id, label, created_at, expires_at, revoked_at FROM tokens ORDER BY created_at, id',
    )
    .all<TokenRow>();
  return r.results;
}

export async function revokeToken(db: D1Database, id: string, now: string): Promise<TokenRow | null> {
  return db
    .prepare(
      `UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1
       RETURNING id, role, school_code, bureau_id, label, created_at, expires_at, revoked_at`,
    )
    .bind(id, now)
    .first<TokenRow>();
}

/** A new expiry for a token that is not revoked; null when it is revoked (or gone). */
export async function renewToken(
  db: D1Database,
  id: string,
  expiresAt: string | null,
): Promise<{ row: TokenRow | null }> {
  const row = await db
    .prepare(
      `UPDATE tokens SET expires_at = ?2 WHERE id = ?1 AND revoked_at IS NULL
       RETURNING id, role, school_code, bureau_id, label, created_at, expires_at, revoked_at`,
    )
    .bind(id, expiresAt)
    .first<TokenRow>();
  return { row };
}
