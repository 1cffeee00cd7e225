/** The district at a glance: counts, pass rate, deadline and the five charts. */
import { useEffect, useState } from 'preact/hooks';
import type { BureauSchoolRow, BureauSummary, GroupCount, TierCount } from '../../../shared/api/responses.js';
import { SCHOOL_RULE_IDS } from '../../../shared/labels/index.js';
import { BarChart, type BarRow } from '../charts/BarChart.js';
import { type PageContext, scope } from '../context.js';
import { useLoad } from '../hooks.js';
import { isolated, percent, ruleLabel, type StringKey, t, tierLabel } from '../i18n.js';
import { client, value } from '../remote.js';
import { href } from '../router.js';
import { COLORS, ErrorBox, ExportButtons, Loading, Typed } from '../ui.js';

const CHART_TOP = 15;
const SCHOOL_RULES: ReadonlySet<string> = new Set<string>(SCHOOL_RULE_IDS);

function Kpi({
  label,
  value: shown,
  cls = '',
  id,
}: {
  label: string;
  value: string | number;
  cls?: string;
  id: string;
}) {
  return (
    <div class={`kpi ${cls}`}>
      <span class="kpi-label">{label}</span>
      <span class="kpi-value" data-kpi={id}>
        {String(shown)}
      </span>
    </div>
  );
}

function daysText(daysLeft: number): string {
  if (daysLeft > 0) return t('daysLeft', { n: daysLeft });
  if (daysLeft === 0) return t('dueToday');
  return t('daysOver', { n: -daysLeft });
}

function statusSegments(c: { pass: number; warn: number; fail: number }): BarRow['segments'] {
  return [
    { value: c.pass, color: COLORS.pass, name: t('pass') },
    { value: c.warn, color: COLORS.warn, name: t('warn') },
    { value: c.fail, color: COLORS.fail, name: t('fail') },
  ];
}

/** The same three parts as shares of the teachers, with the counts in the tooltips. */
function shareSegments(c: { pass: number; warn: number; fail: number; teachers: number }): BarRow['segments'] {
  const n = Math.max(1, c.teachers);
  return [
    { value: c.pass / n, color: COLORS.pass, name: `${t('pass')} ${c.pass}` },
    { value: c.warn / n, color: COLORS.warn, name: `${t('warn')} ${c.warn}` },
    { value: c.fail / n, color: COLORS.fail, name: `${t('fail')} ${c.fail}` },
  ];
}

const legend = (): { name: string; color: string }[] => [
  { name: t('pass'), color: COLORS.pass },
  { name: t('warn'), color: COLORS.warn },
  { name: t('fail'), color: COLORS.fail },
];

const shareTick = (v: number): string => `${Math.round(v * 100)}%`;

/** Lowest pass rate first; among equal rates the school with more failing teachers first. */
export function byPassRate(a: BureauSchoolRow, b: BureauSchoolRow): number {
  return a.passRate - b.passRate || b.fail - a.fail || a.code.localeCompare(b.code);
}

/** Each school as a 100% bar split into pass / in progress / fail, so the share that fails is visible too. */
function PassBySchool({ ctx, data }: { ctx: PageContext; data: BureauSummary }) {
  const [expanded, setExpanded] = useState(false);
  const submitted = data.schools.filter((s) => s.submitted).sort(byPassRate);
  const rows: BarRow[] = (expanded ? submitted : submitted.slice(0, CHART_TOP)).map((s) => ({
    label: isolated(s.name),
    href: href(`/school/${encodeURIComponent(s.code)}`, { year: ctx.year, bureau: ctx.bureau ?? undefined }),
    segments: shareSegments(s),
    valueLabel: percent(s.passRate),
  }));
  return (
    <section class="card chart-card pass-by-school">
      <h2>{t('chartPassBySchool')}</h2>
      {rows.length ? (
        <BarChart title={t('chartPassBySchool')} rows={rows} max={1} tickFormat={shareTick} legend={legend()} />
      ) : (
        <p class="empty">{t('noData')}</p>
      )}
      {submitted.length > CHART_TOP ? (
        <button type="button" class="link" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('showFewer', { n: CHART_TOP }) : t('showAll', { n: submitted.length })}
        </button>
      ) : null}
    </section>
  );
}

function ChartCard({ title, rows, children }: { title: string; rows: BarRow[]; children?: preact.ComponentChildren }) {
  return (
    <section class="card chart-card">
      <h2>{title}</h2>
      {rows.length ? (
        <BarChart title={title} rows={rows} integer tickFormat={String} legend={legend()} />
      ) : (
        <p class="empty">{t('noData')}</p>
      )}
      {children}
    </section>
  );
}

function tierRows<T extends string>(tiers: TierCount<T>[]): BarRow[] {
  return tiers.map((tier) => ({
    label: tierLabel(tier.tier),
    segments: statusSegments(tier),
    valueLabel: `${tier.teachers} · ${percent(tier.passRate)}`,
  }));
}

/** Rural against urban compares rates, so each group is a 100% bar; the label keeps the school counts. */
function groupRow(key: StringKey, g: GroupCount): BarRow {
  return {
    label: `${t(key)} ${g.submitted}/${g.schools}`,
    segments: shareSegments(g),
    valueLabel: percent(g.passRate),
  };
}

function unmetRows(ctx: PageContext, data: BureauSummary): BarRow[] {
  return data.byRule
    .filter((r) => r.fail + r.warn > 0)
    .sort((a, b) => b.fail + b.warn - (a.fail + a.warn) || b.fail - a.fail)
    .map((r) => ({
      // School rules count schools, not teachers, and have no teacher list to open.
      label: SCHOOL_RULES.has(r.rule) ? `${ruleLabel(r.rule)}${t('schoolRuleSuffix')}` : ruleLabel(r.rule),
      ...(SCHOOL_RULES.has(r.rule)
        ? {}
        : { href: href('/teachers', { year: ctx.year, bureau: ctx.bureau ?? undefined, rule: r.rule }) }),
      segments: [
        { value: r.fail, color: COLORS.fail, name: t('fail') },
        { value: r.warn, color: COLORS.warn, name: t('warn') },
      ],
      valueLabel: t('unmetValue', { fail: r.fail, warn: r.warn }),
    }));
}

function Summary({ ctx, data }: { ctx: PageContext; data: BureauSummary }) {
  useEffect(() => ctx.ready(), [data]);
  const tot = data.totals;
  const pending = tot.submitted - tot.approved - tot.returned;
  const unmet = unmetRows(ctx, data);
  return (
    <>
      <div class="page-head">
        <h1>
          <Typed text={data.bureau.name} /> · {data.year}
        </h1>
        <ExportButtons
          label={t('exportSummary')}
          fetchFile={(format) => client.bureau.exportSummary(scope(ctx), format)}
          fileStem={`summary-${data.year}`}
        />
      </div>
      {data.recomputing > 0 ? (
        <p class="recomputing" role="status" data-recomputing={data.recomputing}>
          {t('recomputing', { n: data.recomputing })}
        </p>
      ) : null}
      <section class="kpis" aria-label={t('navSummary')}>
        <Kpi label={t('schools')} value={data.schools.length} id="schools" />
        <Kpi label={t('submitted')} value={tot.submitted} cls="ok" id="submitted" />
        <Kpi label={t('missing')} value={tot.missing} cls={tot.missing > 0 ? 'bad' : ''} id="missing" />
        <Kpi label={t('pending')} value={pending} id="pending" />
        <Kpi label={t('returned')} value={tot.returned} cls={tot.returned > 0 ? 'warn' : ''} id="returned" />
        <Kpi label={t('approved')} value={tot.approved} cls="ok" id="approved" />
        {/* A year without a submission has no rate: "—", not 0.0 %. */}
        <Kpi
          label={t('districtPassRate')}
          value={tot.submitted > 0 && tot.teachers > 0 ? percent(tot.passRate) : '—'}
          cls="big"
          id="passRate"
        />
        <Kpi label={t('teachers')} value={tot.teachers} id="teachers" />
        <div class={`kpi ${data.daysLeft < 0 ? 'bad' : data.daysLeft <= 14 ? 'warn' : ''}`}>
          <span class="kpi-label">
            {`${t('deadlineShort')} `}
            <span data-kpi="deadline">{data.deadline}</span>
          </span>
          <span class="kpi-value long" data-kpi="daysLeft">
            {daysText(data.daysLeft)}
          </span>
        </div>
      </section>
      <div class="chart-grid">
        <PassBySchool ctx={ctx} data={data} />
        <section class="card chart-card">
          <h2>{t('chartUnmetRules')}</h2>
          {unmet.length ? (
            <BarChart
              title={t('chartUnmetRules')}
              rows={unmet}
              integer
              tickFormat={String}
              legend={[
                { name: t('fail'), color: COLORS.fail },
                { name: t('warn'), color: COLORS.warn },
              ]}
            />
          ) : (
            <p class="empty">{t('noData')}</p>
          )}
        </section>
        <section class="card chart-card">
          <h2>{t('chartRural')}</h2>
          <BarChart
            title={t('chartRural')}
            rows={[groupRow('rural', data.rural.rural), groupRow('urban', data.rural.urban)]}
            max={1}
            tickFormat={shareTick}
            legend={legend()}
          />
          <p class="note">{t('ruralNote', { rt: data.rural.rural.teachers, ut: data.rural.urban.teachers })}</p>
        </section>
        <ChartCard title={t('chartStudio')} rows={tierRows(data.studio)} />
        <ChartCard title={t('chartBackbone')} rows={tierRows(data.backbone)} />
      </div>
    </>
  );
}

export function SummaryPage({ ctx }: { ctx: PageContext }) {
  const load = useLoad(() => value(client.bureau.summary(scope(ctx))), []);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  return <Summary ctx={ctx} data={load.value} />;
}
