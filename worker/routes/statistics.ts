/**
 * archive.md §4: the year's training statistics per school and for the district, in the shape of
 * 教基4068 (专任教师接受培训情况), as JSON and as a one-sheet .xlsx. Each version's line was computed
 * when it was evaluated (stats_json), so the district is one read however many teachers it has.
 */
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  statisticsQuerySchema,
  type TrainingStatistics,
  type TrainingStatisticsSchool,
} from '../../shared/api/catalogue.js';
import { TRAINING_LEVELS } from '../../shared/contract/enums.js';
import { HOURS_BUCKET_LABELS, RECOGNITION_MODE_LABELS } from '../../shared/labels/index.js';
import { HOURS_BUCKETS, sumStatistics, type TrainingStatisticsRow } from '../../shared/recognition/index.js';
import { policyFor } from '../db/policies.js';
import type { BureauRow } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { validationHook } from '../errors.js';
import { fileResponse } from '../export/file-response.js';
import { requireRole } from '../middleware/auth.js';
import type { SubmissionStats } from '../submission/evaluate.js';
import { refreshStale } from '../submission/reevaluate.js';
import { bureauOf, defaultYear, nowOf } from './context.js';

export async function trainingStatisticsOf(
  db: D1Database,
  bureau: BureauRow,
  year: number,
): Promise<TrainingStatistics> {
  const rows = await db
    .prepare(
      `SELECT sc.code, sc.name, s.id, s.stats_json, s.stale_since FROM schools sc
         LEFT JOIN current_submissions c ON c.school_code = sc.code AND c.year = ?2
         LEFT JOIN submissions s ON s.id = c.submission_id
        WHERE sc.bureau_id = ?1 ORDER BY sc.code`,
    )
    .bind(bureau.id, year)
    .all<{ code: string; name: string; id: string | null; stats_json: string | null; stale_since: string | null }>();
  const schools: TrainingStatisticsSchool[] = [];
  const missing: TrainingStatistics['missing'] = [];
  for (const r of rows.results) {
    const training = r.stats_json ? (JSON.parse(r.stats_json) as Partial<SubmissionStats>).training : undefined;
    // A version stored before statistics existed has no line: listed with the schools that have none.
    if (!r.id || !training) missing.push({ code: r.code, name: r.name });
    else schools.push({ code: r.code, name: r.name, submissionId: r.id, stale: r.stale_since !== null, ...training });
  }
  const policy = await policyFor(db, bureau.id, year);
  return {
    bureau: { id: bureau.id, name: bureau.name },
    year,
    mode: policy.recognition,
    schools,
    district: sumStatistics(schools),
    missing,
  };
}

const LEVELS = TRAINING_LEVELS.values;

/** One sheet: a title, the column groups, the headers, a line per school and the district's line. */
export function statisticsTable(s: TrainingStatistics): (string | number)[][] {
  const groups = [
    '',
    '',
    '专任教师按年度培训学时分（人）',
    '',
    '',
    '',
    '',
    ...LEVELS.flatMap((l) => [`${l}培训`, '']),
    '培训经费',
    '',
    '',
  ];
  const headers = [
    '学校代码',
    '学校名称',
    '专任教师数',
    ...HOURS_BUCKETS.map((b) => HOURS_BUCKET_LABELS[b].zh),
    ...LEVELS.flatMap(() => ['人数', '学时']),
    '年度公用经费预算（元）',
    '教师培训经费（元）',
    '占比',
  ];
  const line = (code: string, name: string, r: TrainingStatisticsRow) => [
    code,
    name,
    r.fullTimeTeachers,
    ...HOURS_BUCKETS.map((b) => r.buckets[b]),
    ...LEVELS.flatMap((l) => [r.levels[l].teachers, r.levels[l].hours]),
    r.publicBudget,
    r.trainingFunds,
    r.fundsShare ?? '',
  ];
  return [
    [`${s.bureau.name} ${s.year} 年专任教师接受培训情况（学时认定：${RECOGNITION_MODE_LABELS[s.mode].zh}）`],
    groups,
    headers,
    ...s.schools.map((r) => line(r.code, r.name, r)),
    line(
      '合计',
      `${s.schools.length} 所学校${s.missing.length ? `（另有 ${s.missing.length} 所未报送）` : ''}`,
      s.district,
    ),
  ];
}

/** The statistics after the verdicts a change left stale are brought up to date, as every read of them does. */
async function freshStatistics(c: Context<AppEnv>, bureau: BureauRow, year: number): Promise<TrainingStatistics> {
  await refreshStale(c.env.DB, { bureauId: bureau.id, year }, nowOf(c).toISOString());
  return trainingStatisticsOf(c.env.DB, bureau, year);
}

export const statistics = new Hono<AppEnv>()
  .use(requireRole('reviewer', 'admin'))
  .get('/', zValidator('query', statisticsQuerySchema, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    return c.json(await freshStatistics(c, b, q.year ?? defaultYear(c)), 200);
  })
  .get('/export', zValidator('query', statisticsQuerySchema, validationHook), async (c) => {
    const q = c.req.valid('query');
    const b = await bureauOf(c, q.bureau);
    const year = q.year ?? defaultYear(c);
    const table = statisticsTable(await freshStatistics(c, b, year));
    return fileResponse(table, 'xlsx', `${b.id}-${year}-statistics`, `${year}年培训统计`);
  });
