/** Bureaus, schools, tokens and the audited full export: admin tokens only. */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import {
  bureauCreateSchema,
  exportQuerySchema,
  schoolCreateSchema,
  tokenIssueSchema,
  tokenRenewSchema,
} from '../../shared/api/requests.js';
import type { IssuedToken, TokenInfo } from '../../shared/api/responses.js';
import { defaultTokenExpiry } from '../../shared/api/token-expiry.js';
import {
  audit,
  getBureau,
  getSchool,
  insertBureau,
  insertSchool,
  listBureaus,
  listSchools,
  toBureauInfo,
  toSchoolInfo,
} from '../db/tenants.js';
import { insertTokenStatement, listTokens, renewToken, revokeToken, toTokenInfo } from '../db/tokens.js';
import type { AppEnv } from '../env.js';
import { ApiError, notFound, validationHook } from '../errors.js';
import { requireRole } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';
import { exportResponse } from './bureau.js';
import { bureauOf, defaultYear, nowOf } from './context.js';

const exists = (what: string) => new ApiError(409, 'conflict.exists', `${what}已存在`, `${what} already exists`);

/** An expiry the admin gave must lie ahead: a token born expired is a typo, not a decision. */
function futureExpiry(expiresAt: string, now: Date): string {
  if (Date.parse(expiresAt) > now.getTime()) return new Date(Date.parse(expiresAt)).toISOString();
  throw new ApiError(400, 'request.invalid', '有效期须晚于当前时间', 'The expiry must lie in the future', {
    issues: [{ path: ['expiresAt'], message: 'not in the future' }],
  });
}

export const admin = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/bureaus', async (c) => c.json({ items: (await listBureaus(c.env.DB)).map(toBureauInfo) }, 200))
  .post('/bureaus', jsonBody, zValidator('json', bureauCreateSchema, validationHook), async (c) => {
    const b = c.req.valid('json');
    const at = nowOf(c).toISOString();
    if (!(await insertBureau(c.env.DB, b, at))) throw exists(`教育局 ${b.id} `);
    await audit(c.env.DB, c.get('auth').tokenId, 'bureau.add', { bureau: b.id }, at);
    return c.json(toBureauInfo((await getBureau(c.env.DB, b.id))!), 201);
  })
  .get('/schools', zValidator('query', z.object({ bureau: z.string().optional() }), validationHook), async (c) => {
    const { bureau } = c.req.valid('query');
    return c.json({ items: (await listSchools(c.env.DB, bureau ?? null)).map(toSchoolInfo) }, 200);
  })
  .post('/schools', jsonBody, zValidator('json', schoolCreateSchema, validationHook), async (c) => {
    const s = c.req.valid('json');
    if (!(await getBureau(c.env.DB, s.bureauId))) throw notFound();
    const at = nowOf(c).toISOString();
    if (!(await insertSchool(c.env.DB, s, at))) throw exists(`学校 ${s.code} `);
    await audit(c.env.DB, c.get('auth').tokenId, 'school.add', { school: s.code, bureau: s.bureauId }, at);
    return c.json(toSchoolInfo((await getSchool(c.env.DB, s.code))!), 201);
  })
  .get('/tokens', async (c) => c.json({ items: (await listTokens(c.env.DB)).map(toTokenInfo) }, 200))
  .post('/tokens', jsonBody, zValidator('json', tokenIssueSchema, validationHook), async (c) => {
    const t = c.req.valid('json');
    const db = c.env.DB;
    if (t.schoolCode !== undefined && !(await getSchool(db, t.schoolCode))) throw notFound();
    if (t.bureauId !== undefined && !(await getBureau(db, t.bureauId))) throw notFound();
    const now = nowOf(c);
    const at = now.toISOString();
    const expiresAt = t.expiresAt !== undefined ? futureExpiry(t.expiresAt, now) : defaultTokenExpiry(t.role, now);
    const issued = await insertTokenStatement(
      db,
      { role: t.role, schoolCode: t.schoolCode ?? null, bureauId: t.bureauId ?? null, label: t.label, expiresAt },
      at,
    );
    await issued.stmt.run();
    await audit(db, c.get('auth').tokenId, 'token.issue', { token: issued.row.id, role: t.role, expiresAt }, at);
    const body: IssuedToken = { token: issued.token, info: toTokenInfo(issued.row) };
    return c.json(body, 201);
  })
  .post('/tokens/:id/renew', jsonBody, zValidator('json', tokenRenewSchema, validationHook), async (c) => {
    const now = nowOf(c);
    const db = c.env.DB;
    const id = c.req.param('id');
    const given = c.req.valid('json').expiresAt;
    const role = await db
      .prepare('SELECT role FROM tokens WHERE id = ?1')
      .bind(id)
      .first<{ role: TokenInfo['role'] }>();
    if (!role) throw notFound();
    const expiresAt = given !== undefined ? futureExpiry(given, now) : defaultTokenExpiry(role.role, now);
    const { row } = await renewToken(db, id, expiresAt);
    if (!row)
      throw new ApiError(
        409,
        'token.revoked',
        '该令牌已被吊销，不能续期；请签发新令牌',
        'A revoked token cannot be renewed; issue a new one',
      );
    await audit(db, c.get('auth').tokenId, 'token.renew', { token: row.id, expiresAt }, now.toISOString());
    return c.json(toTokenInfo(row), 200);
  })
  .post('/tokens/:id/revoke', async (c) => {
    const at = nowOf(c).toISOString();
    const row = await revokeToken(c.env.DB, c.req.param('id'), at);
    if (!row) throw notFound();
    await audit(c.env.DB, c.get('auth').tokenId, 'token.revoke', { token: row.id }, at);
    return c.json(toTokenInfo(row), 200);
  })
  .get('/export', zValidator('query', exportQuerySchema, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    return exportResponse(c, b, q.year ?? defaultYear(c), q.format, true);
  });
