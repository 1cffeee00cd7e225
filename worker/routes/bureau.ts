/** The reviewer's views of a bureau's year: summary, teachers, a school's versions, the export. */
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { bureauYearQuerySchema, exportQuerySchema, teacherQuerySchema } from '../../shared/api/requests.js';
import type { SchoolVersions } from '../../shared/api/responses.js';
import { todayInBeijing } from '../../shared/policy/index.js';
import { decryptId, idKeys } from '../crypto/ids.js';
import { allTeachers, bureauSummary, teacherPage } from '../db/bureau.js';
import { listVisibleSubmissions, toSummary } from '../db/submissions.js';
import { teacherView } from '../db/teacher-view.js';
import { audit, type BureauRow, getSchool } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { notFound, validationHook } from '../errors.js';
import { fileResponse } from '../export/file-response.js';
import { type ExportRow, exportTable } from '../export/table.js';
import { requireRole } from '../middleware/auth.js';
import { refreshStale } from '../submission/reevaluate.js';
import { bureauOf, defaultYear, nowOf } from './context.js';

const rowParam = z.object({ code: z.string().min(1).max(40), row: z.coerce.number().int().min(1).max(1_000_000) });

/** Exports the bureau's current teachers; `full` (admin route only) decrypts the ID numbers. */
export async function exportResponse(
  c: Context<AppEnv>,
  bureau: BureauRow,
  year: number,
  format: 'csv' | 'xlsx',
  full: boolean,
): Promise<Response> {
  await refreshStale(c.env.DB, { bureauId: bureau.id, year }, nowOf(c).toISOString());
  const rows: ExportRow[] = await allTeachers(c.env.DB, { bureauId: bureau.id, year });
  if (full) {
    const keys = await idKeys(c.env);
    for (const r of rows as (ExportRow & { idEnc: string })[]) r.idFull = await decryptId(keys, r.idEnc);
    await audit(
      c.env.DB,
      c.get('auth').tokenId,
      'export.full',
      { bureau: bureau.id, year, format, teachers: rows.length },
      nowOf(c).toISOString(),
    );
  }
  return fileResponse(
    exportTable(rows, full),
    format,
    `${bureau.id}-${year}-teachers${full ? '-full' : ''}`,
    `${year}年教师`,
  );
}

export const bureau = new Hono<AppEnv>()
  .use(requireRole('reviewer', 'admin'))
  .get('/summary', zValidator('query', bureauYearQuerySchema, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    const year = q.year ?? defaultYear(c);
    await refreshStale(c.env.DB, { bureauId: b.id, year }, nowOf(c).toISOString());
    return c.json(await bureauSummary(c.env.DB, b, year, todayInBeijing(nowOf(c))), 200);
  })
  .get('/teachers', zValidator('query', teacherQuerySchema, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    if (q.school !== undefined) {
      const s = await getSchool(c.env.DB, q.school);
      if (!s || s.bureau_id !== b.id) throw notFound();
    }
    const year = q.year ?? defaultYear(c);
    await refreshStale(c.env.DB, { bureauId: b.id, year, schoolCode: q.school }, nowOf(c).toISOString());
    const page = await teacherPage(
      c.env.DB,
      { bureauId: b.id, year, school: q.school, status: q.status, rule: q.rule, q: q.q },
      q.page,
      q.pageSize,
    );
    return c.json(page, 200);
  })
  .get('/schools/:code', zValidator('query', bureauYearQuerySchema, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    const s = await getSchool(c.env.DB, c.req.param('code'));
    if (!s || s.bureau_id !== b.id) throw notFound();
    const year = q.year ?? defaultYear(c);
    await refreshStale(c.env.DB, { bureauId: b.id, year, schoolCode: s.code }, nowOf(c).toISOString());
    const rows = await listVisibleSubmissions(c.env.DB, c.get('auth'), { year, schoolCode: s.code });
    const body: SchoolVersions = {
      school: { code: s.code, name: s.name, type: s.type, rural: s.rural === 1, bureauId: s.bureau_id },
      year,
      versions: rows.map(toSummary),
    };
    return c.json(body, 200);
  })
  .get(
    '/schools/:code/teachers/:row',
    zValidator('param', rowParam, validationHook),
    zValidator('query', bureauYearQuerySchema, validationHook),
    async (c) => {
      const { code, row } = c.req.valid('param');
      const q = c.req.valid('query');
      const b = await bureauOf(c, q.bureau);
      const year = q.year ?? defaultYear(c);
      await refreshStale(c.env.DB, { bureauId: b.id, year, schoolCode: code }, nowOf(c).toISOString());
      const view = await teacherView(c.env.DB, { bureauId: b.id, schoolCode: code, year, row });
      if (!view) throw notFound();
      return c.json(view, 200);
    },
  )
  .get('/export', zValidator('query', exportQuerySchema, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    return exportResponse(c, b, q.year ?? defaultYear(c), q.format, false);
  });
