/** The district at a glance: counts, pass rate, deadline and the five charts. */
import type { BureauSchoolRow, BureauSummary, GroupCount, TierCount } from '../../../shared/api/responses.js';
import { SCHOOL_RULE_IDS } from '../../../shared/labels/index.js';
import { getJson } from '../api.js';
import { barChart, type BarRow } from '../charts/bar-chart.js';
import { scope, type PageContext } from '../context.js';
import { h, replace } from '../dom.js';
import { percent, ruleLabel, t, tierLabel, type StringKey } from '../i18n.js';
import { href } from '../router.js';
import { COLORS } from '../views/badges.js';
import { exportButtons } from '../views/export-buttons.js';
import { errorBox } from '../views/state.js';

const CHART_TOP = 15;
const SCHOOL_RULES: ReadonlySet<string> = new Set<string>(SCHOOL_RULE_IDS);

function kpi(label: string, value: string | number, cls = '', id?: string): HTMLElement {
  return h('div', { class: `kpi ${cls}` }, h('span', { class: 'kpi-label' }, label), h('span', { class: 'kpi-value', 'data-kpi': id ?? null }, String(value)));
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

const legend = (): { name: string; color: string }[] => [
  { name: t('pass'), color: COLORS.pass },
  { name: t('warn'), color: COLORS.warn },
  { name: t('fail'), color: COLORS.fail },
];

/** Lowest pass rate first; among equal rates the school with more failing teachers first. */
export function byPassRate(a: BureauSchoolRow, b: BureauSchoolRow): number {
  return a.passRate - b.passRate || b.fail - a.fail || a.code.localeCompare(b.code);
}

/** Each school as a 100% bar split into pass / in progress / fail, so the share that fails is visible too. */
function passBySchool(ctx: PageContext, data: BureauSummary): HTMLElement {
  const submitted = data.schools.filter((s) => s.submitted).sort(byPassRate);
  const section = h('section', { class: 'card chart-card pass-by-school' });
  let expanded = false;
  const draw = (): void => {
    const shown = expanded ? submitted : submitted.slice(0, CHART_TOP);
    const rows: BarRow[] = shown.map((s) => {
      const n = Math.max(1, s.teachers);
      return {
        label: s.name,
        href: href(`/school/${encodeURIComponent(s.code)}`, { year: ctx.year, bureau: ctx.bureau ?? undefined }),
        segments: [
          { value: s.pass / n, color: COLORS.pass, name: `${t('pass')} ${s.pass}` },
          { value: s.warn / n, color: COLORS.warn, name: `${t('warn')} ${s.warn}` },
          { value: s.fail / n, color: COLORS.fail, name: `${t('fail')} ${s.fail}` },
        ],
        valueLabel: percent(s.passRate),
      };
    });
    const toggle =
      submitted.length > CHART_TOP
        ? h('button', { type: 'button', class: 'link', onclick: () => ((expanded = !expanded), draw()) }, expanded ? t('showFewer', { n: CHART_TOP }) : t('showAll', { n: submitted.length }))
        : null;
    replace(
      section,
      h('h2', {}, t('chartPassBySchool')),
      rows.length ? barChart({ title: t('chartPassBySchool'), rows, max: 1, tickFormat: (v) => `${Math.round(v * 100)}%`, legend: legend() }) : h('p', { class: 'empty' }, t('noData')),
      toggle,
    );
  };
  draw();
  return section;
}

function chartCard(title: string, rows: BarRow[], withLegend = true): HTMLElement {
  return h(
    'section',
    { class: 'card chart-card' },
    h('h2', {}, title),
    rows.length ? barChart({ title, rows, tickFormat: (v) => String(Math.round(v * 10) / 10), legend: withLegend ? legend() : undefined }) : h('p', { class: 'empty' }, t('noData')),
  );
}

function tierRows<T extends string>(tiers: TierCount<T>[]): BarRow[] {
  return tiers.map((tier) => ({ label: tierLabel(tier.tier), segments: statusSegments(tier), valueLabel: `${tier.teachers} · ${percent(tier.passRate)}` }));
}

/** Rural against urban compares rates, so each group is a 100% bar; the label keeps the school counts. */
function groupRow(key: StringKey, g: GroupCount): BarRow {
  const n = Math.max(1, g.teachers);
  return {
    label: `${t(key)} ${g.submitted}/${g.schools}`,
    segments: [
      { value: g.pass / n, color: COLORS.pass, name: `${t('pass')} ${g.pass}` },
      { value: g.warn / n, color: COLORS.warn, name: `${t('warn')} ${g.warn}` },
      { value: g.fail / n, color: COLORS.fail, name: `${t('fail')} ${g.fail}` },
    ],
    valueLabel: percent(g.passRate),
  };
}

export async function renderSummary(main: HTMLElement, ctx: PageContext): Promise<void> {
  let data: BureauSummary;
  try {
    data = await getJson<BureauSummary>('/bureau/summary', scope(ctx));
  } catch (err) {
    if (ctx.isCurrent()) replace(main, errorBox(err, () => void renderSummary(main, ctx)));
    return;
  }
  if (!ctx.isCurrent()) return;
  const tot = data.totals;
  const pending = tot.submitted - tot.approved - tot.returned;
  const unmet = data.byRule
    .filter((r) => r.fail + r.warn > 0)
    .sort((a, b) => b.fail + b.warn - (a.fail + a.warn) || b.fail - a.fail)
    .map((r) => ({
      // School rules count schools, not teachers, and have no teacher list to open.
      label: SCHOOL_RULES.has(r.rule) ? `${ruleLabel(r.rule)}${t('schoolRuleSuffix')}` : ruleLabel(r.rule),
      href: SCHOOL_RULES.has(r.rule) ? undefined : href('/teachers', { year: ctx.year, bureau: ctx.bureau ?? undefined, rule: r.rule }),
      segments: [
        { value: r.fail, color: COLORS.fail, name: t('fail') },
        { value: r.warn, color: COLORS.warn, name: t('warn') },
      ],
      valueLabel: t('unmetValue', { fail: r.fail, warn: r.warn }),
    }));

  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, `${data.bureau.name} · ${data.year}`), exportButtons('summary', t('exportSummary'), scope(ctx), `summary-${data.year}`)),
    h(
      'section',
      { class: 'kpis', 'aria-label': t('navSummary') },
      kpi(t('schools'), data.schools.length, '', 'schools'),
      kpi(t('submitted'), tot.submitted, 'ok', 'submitted'),
      kpi(t('missing'), tot.missing, tot.missing > 0 ? 'bad' : '', 'missing'),
      kpi(t('pending'), pending, '', 'pending'),
      kpi(t('returned'), tot.returned, tot.returned > 0 ? 'warn' : '', 'returned'),
      kpi(t('approved'), tot.approved, 'ok', 'approved'),
      kpi(t('districtPassRate'), percent(tot.passRate), 'big', 'passRate'),
      kpi(t('teachers'), tot.teachers, '', 'teachers'),
      h(
        'div',
        { class: `kpi ${data.daysLeft < 0 ? 'bad' : data.daysLeft <= 14 ? 'warn' : ''}` },
        h('span', { class: 'kpi-label' }, `${t('deadlineShort')} `, h('span', { 'data-kpi': 'deadline' }, data.deadline)),
        h('span', { class: 'kpi-value long', 'data-kpi': 'daysLeft' }, daysText(data.daysLeft)),
      ),
    ),
    h(
      'div',
      { class: 'chart-grid' },
      passBySchool(ctx, data),
      h(
        'section',
        { class: 'card chart-card' },
        h('h2', {}, t('chartUnmetRules')),
        unmet.length
          ? barChart({ title: t('chartUnmetRules'), rows: unmet, tickFormat: (v) => String(Math.round(v)), legend: [{ name: t('fail'), color: COLORS.fail }, { name: t('warn'), color: COLORS.warn }] })
          : h('p', { class: 'empty' }, t('noData')),
      ),
      h(
        'section',
        { class: 'card chart-card' },
        h('h2', {}, t('chartRural')),
        barChart({ title: t('chartRural'), rows: [groupRow('rural', data.rural.rural), groupRow('urban', data.rural.urban)], max: 1, tickFormat: (v) => `${Math.round(v * 100)}%`, legend: legend() }),
        h('p', { class: 'note' }, t('ruralNote', { rt: data.rural.rural.teachers, ut: data.rural.urban.teachers })),
      ),
      chartCard(t('chartStudio'), tierRows(data.studio)),
      chartCard(t('chartBackbone'), tierRows(data.backbone)),
    ),
  );
  ctx.ready();
}
