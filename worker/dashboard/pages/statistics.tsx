/**
 * archive.md §4 in the shape of 教基4068 (专任教师接受培训情况): per school and for the district,
 * 专任教师 by the year's hours, each level's teachers and hours, and the training funds; two charts
 * of the district's line, and the same table as a one-sheet .xlsx.
 */
import { useEffect } from 'preact/hooks';
import type { TrainingStatistics, TrainingStatisticsRow } from '../../../shared/api/catalogue.js';
import { TRAINING_LEVELS } from '../../../shared/contract/enums.js';
import { HOURS_BUCKET_LABELS, RECOGNITION_MODE_LABELS } from '../../../shared/labels/index.js';
import { HOURS_BUCKETS } from '../../../shared/recognition/statistics.js';
import { BarChart, type BarRow } from '../charts/BarChart.js';
import { type PageContext, scope } from '../context.js';
import { useLoad } from '../hooks.js';
import { currentLang, percent, t, tierLabel } from '../i18n.js';
import { client, save, value } from '../remote.js';
import { COLORS, ErrorBox, Loading, Typed } from '../ui.js';

const LEVELS = TRAINING_LEVELS.values;

function Cells({ r }: { r: TrainingStatisticsRow }) {
  return (
    <>
      <td class="num" data-field="fullTimeTeachers">
        {r.fullTimeTeachers}
      </td>
      {HOURS_BUCKETS.map((b) => (
        <td class="num" data-field={b}>
          {r.buckets[b]}
        </td>
      ))}
      {LEVELS.map((l) => (
        <>
          <td class="num" data-field={`${l}-teachers`}>
            {r.levels[l].teachers}
          </td>
          <td class="num" data-field={`${l}-hours`}>
            {r.levels[l].hours}
          </td>
        </>
      ))}
      <td class="num">{r.publicBudget}</td>
      <td class="num">{r.trainingFunds}</td>
      <td class="num" data-field="fundsShare">
        {percent(r.fundsShare)}
      </td>
    </>
  );
}

function Statistics({ ctx, data }: { ctx: PageContext; data: TrainingStatistics }) {
  useEffect(() => ctx.ready(), [data]);
  const lang = currentLang();
  const d = data.district;
  const buckets: BarRow[] = HOURS_BUCKETS.map((b) => ({
    label: HOURS_BUCKET_LABELS[b][lang],
    segments: [{ value: d.buckets[b], color: COLORS.pass, name: t('fullTimeTeachers') }],
    valueLabel: String(d.buckets[b]),
  }));
  const levels: BarRow[] = LEVELS.map((l) => ({
    label: tierLabel(l),
    segments: [{ value: d.levels[l].teachers, color: COLORS.warn, name: t('levelTeachers') }],
    valueLabel: `${d.levels[l].teachers} · ${d.levels[l].hours} ${t('levelHours')}`,
  }));
  return (
    <>
      <div class="page-head">
        <h1>
          <Typed text={data.bureau.name} /> · {t('statisticsTitle', { year: data.year })}
        </h1>
        <div class="exports">
          <button
            type="button"
            class="statistics-export"
            onClick={() => void save(client.statistics.export(scope(ctx)), `statistics-${data.year}.xlsx`)}
          >
            {t('statisticsExport')}
          </button>
        </div>
      </div>
      <p class="note">{t('statisticsMode', { mode: RECOGNITION_MODE_LABELS[data.mode][lang] })}</p>
      {data.schools.some((s) => s.stale) ? <p class="note warn">{t('statisticsStale')}</p> : null}
      <div class="chart-grid">
        <section class="card chart-card">
          <h2>{t('chartBuckets')}</h2>
          <BarChart title={t('chartBuckets')} rows={buckets} integer tickFormat={String} legend={[]} />
        </section>
        <section class="card chart-card">
          <h2>{t('chartLevels')}</h2>
          <BarChart title={t('chartLevels')} rows={levels} integer tickFormat={String} legend={[]} />
        </section>
      </div>
      <div class="table-box">
        <table class="data statistics">
          <thead>
            <tr>
              <th rowSpan={2}>{t('code')}</th>
              <th rowSpan={2}>{t('name')}</th>
              <th rowSpan={2}>{t('fullTimeTeachers')}</th>
              <th colSpan={HOURS_BUCKETS.length}>{t('byHours')}</th>
              {LEVELS.map((l) => (
                <th colSpan={2}>{tierLabel(l)}</th>
              ))}
              <th colSpan={3}>{t('funds')}</th>
            </tr>
            <tr>
              {HOURS_BUCKETS.map((b) => (
                <th>{HOURS_BUCKET_LABELS[b][lang]}</th>
              ))}
              {LEVELS.map(() => (
                <>
                  <th>{t('levelTeachers')}</th>
                  <th>{t('levelHours')}</th>
                </>
              ))}
              <th>{t('publicBudget')}</th>
              <th>{t('trainingFunds')}</th>
              <th>{t('fundsShare')}</th>
            </tr>
          </thead>
          <tbody>
            {data.schools.map((s) => (
              <tr data-school={s.code}>
                <td>{s.code}</td>
                <td class="name">
                  <Typed text={s.name} />
                </td>
                <Cells r={s} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr class="district" data-school="district">
              <td colSpan={2}>{t('districtTotal')}</td>
              <Cells r={d} />
            </tr>
          </tfoot>
        </table>
      </div>
      {data.missing.length > 0 ? (
        <p class="note">{t('statisticsMissing', { schools: data.missing.map((m) => m.name).join('、') })}</p>
      ) : null}
    </>
  );
}

export function StatisticsPage({ ctx }: { ctx: PageContext }) {
  const load = useLoad(() => value(client.statistics.get(scope(ctx))), []);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  return <Statistics ctx={ctx} data={load.value} />;
}
