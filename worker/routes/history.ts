/**
 * POST /api/v1/history: the history of the clerk's roster (archive.md §1), so that the pane's
 * preview and `check --server` evaluate the very record set the worker will. The IDs come in the
 * body and never go back out: the answer's `teachers[i]` belongs to `ids[i]`. A clerk reads records
 * of the own bureau only, never of the own school's ledger of the year being checked (the workbook
 * replaces it), and nothing of the other ledgers but their records, years and school names.
 */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { type HistoryResponse, historyRequestSchema } from '../../shared/api/history.js';
import { hmacId, idKeys } from '../crypto/ids.js';
import { lookupHistory } from '../db/history.js';
import { getSchool } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { notFound, validationHook } from '../errors.js';
import { requireRole } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';

export const history = new Hono<AppEnv>().post(
  '/',
  requireRole('clerk'),
  jsonBody,
  zValidator('json', historyRequestSchema, validationHook),
  async (c) => {
    const auth = c.get('auth');
    const db = c.env.DB;
    const { year, ids } = c.req.valid('json');
    const school = await getSchool(db, auth.schoolCode!);
    if (!school) throw notFound();
    const keys = await idKeys(c.env);
    const unique = [...new Set(ids)];
    const hashed = new Map(await Promise.all(unique.map(async (id) => [id, await hmacId(keys, id)] as const)));
    const hmacs = ids.map((id) => hashed.get(id)!);
    const found = await lookupHistory(db, { bureauId: school.bureau_id, schoolCode: school.code, year, hmacs });
    const body: HistoryResponse = { year, school: { code: school.code, name: school.name }, ...found.history };
    return c.json(body, 200);
  },
);
