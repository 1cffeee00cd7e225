/**
 * Bearer tokens: only their SHA-256 is stored. A missing, unknown, revoked or expired token is
 * 401 with its own code; a role outside the route's list is 403. Tenancy (own school or bureau) is
 * checked where the data is read, and a foreign id answers 404.
 */
import { createMiddleware } from 'hono/factory';
import { lastValidDay } from '../../shared/api/token-expiry.js';
import { sha256Hex } from '../crypto/digest.js';
import { findTokenByHash } from '../db/tokens.js';
import type { AppEnv, Role } from '../env.js';
import { ApiError, forbidden } from '../errors.js';
import { checkRate } from './rate-limit.js';

export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async function authenticate(c, next) {
    const header = c.req.header('Authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m)
      throw new ApiError(401, 'auth.missing_token', '缺少访问令牌（Authorization: Bearer …）', 'Missing bearer token');
    const row = await findTokenByHash(c.env.DB, await sha256Hex(m[1]!));
    if (!row) throw new ApiError(401, 'auth.invalid_token', '访问令牌无效', 'Unknown token');
    const now = (c.get('options').now ?? (() => new Date()))();
    if (row.revoked_at !== null)
      throw new ApiError(401, 'auth.revoked_token', '访问令牌已被吊销', 'The token was revoked');
    if (row.expires_at !== null && Date.parse(row.expires_at) <= now.getTime()) {
      const day = lastValidDay(row.expires_at);
      throw new ApiError(
        401,
        'auth.expired_token',
        `访问令牌已过期（有效期至 ${day}）。请联系教育局管理员续期（admin token renew）或签发新令牌。`,
        `The token expired (it was valid until ${day}). Ask the bureau's administrator to renew it or to issue a new one.`,
        { expiredAt: row.expires_at, lastValidDay: day },
      );
    }
    checkRate(row.id, c.env, now.getTime());
    if (!roles.includes(row.role)) throw forbidden();
    c.set('auth', {
      tokenId: row.id,
      role: row.role,
      label: row.label,
      schoolCode: row.school_code,
      bureauId: row.role === 'clerk' ? row.school_bureau_id : row.bureau_id,
      expiresAt: row.expires_at,
    });
    await next();
  });
}
