/**
 * The dashboard's two exports: the district summary (one row per school) and a teacher list with the
 * same filters as GET /bureau/teachers. Both as CSV (BOM, formula-safe) or XLSX, masked IDs only.
 */
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import { teacherQuerySchema } from '../../shared/api/requests.js';
import type { BureauSummary } from '../../shared/api/responses.js';
import { NOT_SUBMITTED_LABEL, REVIEW_STATE_LABELS, TEACHER_STATUS_LABELS } from '../../shared/labels/index.js';
import { todayInBeijing } from '../../shared/policy/index.js';
import { allTeachers, bureauSummary } from '../db/bureau.js';
import { getSchool } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { notFound, validationHook } from '../errors.js';
import { asPercent, beijingDateTime, type Table } from '../export/cell.js';
import { fileResponse } from '../export/file-response.js';
import { exportTable } from '../export/table.js';
import { requireRole } from '../middleware/auth.js';
import { refreshStale } from '../submission/reevaluate.js';
import { bureauOf, defaultYear, nowOf } from './context.js';

const format = z.enum(['csv', 'xlsx']).default('csv');
const summaryQuery = z.object({ year: teacherQuerySchema.shape.year, bureau: teacherQuerySchema.shape.bureau, format });
const teachersQuery = teacherQuerySchema.omit({ page: true, pageSize: true }).extend({ format });

export function summaryTable(s: BureauSummary): Table {
  const t = s.totals;
  return [
    [
      '学校代码',
      '学校名称',
      '学校类型',
      '农村学校',
      '报送状态',
      '版本',
      '报送时间（北京时间）',
      '教师数',
      TEACHER_STATUS_LABELS.pass.zh,
      TEACHER_STATUS_LABELS.warn.zh,
      TEACHER_STATUS_LABELS.fail.zh,
      '达标率',
    ],
    ...s.schools.map((r) => [
      r.code,
      r.name,
      r.type,
      r.rural ? '是' : '否',
      r.status === 'missing' ? NOT_SUBMITTED_LABEL.zh : REVIEW_STATE_LABELS[r.status].zh,
      r.version ?? '',
      r.submittedAt ? beijingDateTime(r.submittedAt) : '',
      r.teachers,
      r.pass,
      r.warn,
      r.fail,
      r.submitted ? asPercent(r.passRate) : '',
    ]),
    [
      '合计',
      `${s.bureau.name} ${s.year}`,
      '',
      '',
      `已报送 ${t.submitted} / 未报送 ${t.missing}`,
      '',
      `截止 ${s.deadline}`,
      t.teachers,
      t.pass,
      t.warn,
      t.fail,
      t.submitted > 0 ? asPercent(t.passRate) : '',
    ],
  ];
}

export const bureauExports = new Hono<AppEnv>()
  .use(requireRole('reviewer', 'admin'))
  .get('/summary', zValidator('query', summaryQuery, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    const year = q.year ?? defaultYear(c);
    await refreshStale(c.env.DB, { bureauId: b.id, year }, nowOf(c).toISOString());
    const summary = await bureauSummary(c.env.DB, b, year, todayInBeijing(nowOf(c)));
    return fileResponse(summaryTable(summary), q.format, `${b.id}-${year}-summary`, `${year}年汇总`);
  })
  .get('/teachers', zValidator('query', teachersQuery, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    if (q.school !== undefined) {
      const school = await getSchool(c.env.DB, q.school);
      if (!school || school.bureau_id !== b.id) throw notFound();
    }
    const year = q.year ?? defaultYear(c);
    await refreshStale(c.env.DB, { bureauId: b.id, year, schoolCode: q.school }, nowOf(c).toISOString());
    const rows = await allTeachers(c.env.DB, {
      bureauId: b.id,
      year,
      school: q.school,
      status: q.status,
      rule: q.rule,
      q: q.q,
    });
    const base = [b.id, year, q.school, 'teachers'].filter(Boolean).join('-');
    return fileResponse(exportTable(rows, false), q.format, base, `${year}年教师`);
  });
