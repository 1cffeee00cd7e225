/** A bureau's policy file and deadline per year: every role of the bureau reads, an admin writes. */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { bureauYearQuerySchema, policyPutQuerySchema } from '../../shared/api/requests.js';
import type { PolicyResponse } from '../../shared/api/responses.js';
import { resolvePolicy } from '../../shared/policy/policy-file.js';
import { defaultDeadline, getPolicyRow, putPolicy } from '../db/policies.js';
import { audit, getBureau } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { ApiError, notFound, validationHook } from '../errors.js';
import { requireRole } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';
import { bureauOf, nowOf } from './context.js';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

async function policyResponse(db: D1Database, bureauId: string, year: number): Promise<PolicyResponse> {
  const row = await getPolicyRow(db, bureauId, year);
  return {
    bureauId,
    year,
    source: row?.json ? 'bureau' : 'default',
    file: row?.json ? JSON.parse(row.json) : null,
    deadline: row?.deadline ?? defaultDeadline(year),
    updatedAt: row?.updated_at ?? null,
  };
}

export const policies = new Hono<AppEnv>()
  .get(
    '/:year',
    requireRole('clerk', 'reviewer', 'admin'),
    zValidator('param', yearParam, validationHook),
    zValidator('query', bureauYearQuerySchema, validationHook),
    async (c) => {
      const { year } = c.req.valid('param');
      const q = c.req.valid('query');
      const auth = c.get('auth');
      const b = auth.role === 'clerk' ? await getBureau(c.env.DB, auth.bureauId!) : await bureauOf(c, q.bureau);
      if (!b || (auth.role === 'clerk' && q.bureau !== undefined && q.bureau !== b.id)) throw notFound();
      return c.json(await policyResponse(c.env.DB, b.id, year), 200);
    },
  )
  .put(
    '/:year',
    requireRole('admin'),
    zValidator('param', yearParam, validationHook),
    zValidator('query', policyPutQuerySchema, validationHook),
    jsonBody,
    // Parses through the validator so malformed JSON is 400 request.invalid_json, not a 500.
    zValidator('json', z.unknown(), validationHook),
    async (c) => {
      const { year } = c.req.valid('param');
      const q = c.req.valid('query');
      const file: unknown = c.req.valid('json');
      const b = await getBureau(c.env.DB, q.bureau);
      if (!b) throw notFound();
      const r = resolvePolicy(file);
      if (!r.ok)
        throw new ApiError(
          400,
          'policy.invalid',
          `策略文件有误：${r.errors.join('；')}`,
          'The policy file is invalid',
          { errors: r.errors },
        );
      const at = nowOf(c).toISOString();
      await putPolicy(c.env.DB, {
        bureauId: b.id,
        year,
        json: JSON.stringify(file),
        deadline: q.deadline ?? null,
        by: c.get('auth').label,
        at,
      });
      await audit(c.env.DB, c.get('auth').tokenId, 'policy.put', { bureau: b.id, year, policy: r.policy.id }, at);
      return c.json(await policyResponse(c.env.DB, b.id, year), 200);
    },
  );
