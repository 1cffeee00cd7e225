/**
 * The schools of the district: filters and sorting live in the hash so a reload or a shared link keeps
 * them. The summary answers with every school of the bureau (a few hundred rows), so the list pages
 * that in the browser and never asks for any teacher.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BureauSchoolRow, BureauSummary } from '../../../shared/api/responses.js';
import { type PageContext, scope } from '../context.js';
import { useLoad } from '../hooks.js';
import { dateTime, percent, type StringKey, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { href, replaceQuery } from '../router.js';
import { ErrorBox, ExportButtons, FilterSelect, Loading, Pager, SubmissionBadge, Typed } from '../ui.js';

const PAGE_SIZE = 50;
const STATUSES = ['missing', 'pending', 'returned', 'approved'] as const;
type SortKey = 'default' | 'code' | 'name' | 'status' | 'submittedAt' | 'teachers' | 'fail' | 'passRate';

interface Filters {
  status: string;
  area: string;
  below: string;
  q: string;
  sort: SortKey;
  desc: boolean;
  page: number;
}

function readFilters(query: URLSearchParams): Filters {
  const sort = (query.get('sort') ?? 'default') as SortKey;
  return {
    status: query.get('status') ?? '',
    area: query.get('area') ?? '',
    below: query.get('below') ?? '',
    q: query.get('q') ?? '',
    sort,
    desc: query.get('desc') === '1',
    page: Math.max(1, Number(query.get('page')) || 1),
  };
}

const STATUS_ORDER: Record<BureauSchoolRow['status'], number> = {
  missing: 0,
  returned: 1,
  pending: 2,
  approved: 3,
  superseded: 4,
};

/** Before the deadline the reviewer chases the missing schools, so they come first; then the weakest. */
function defaultOrder(daysLeft: number): (a: BureauSchoolRow, b: BureauSchoolRow) => number {
  return (a, b) =>
    (daysLeft >= 0 ? Number(b.status === 'missing') - Number(a.status === 'missing') : 0) ||
    Number(b.submitted) - Number(a.submitted) ||
    a.passRate - b.passRate ||
    a.code.localeCompare(b.code);
}

function comparator(key: SortKey, daysLeft: number): (a: BureauSchoolRow, b: BureauSchoolRow) => number {
  switch (key) {
    case 'code':
      return (a, b) => a.code.localeCompare(b.code);
    case 'name':
      return (a, b) => a.name.localeCompare(b.name, 'zh-CN');
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'submittedAt':
      return (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '');
    case 'teachers':
      return (a, b) => a.teachers - b.teachers;
    case 'fail':
      return (a, b) => a.fail - b.fail;
    case 'passRate':
      return (a, b) => a.passRate - b.passRate;
    case 'default':
      return defaultOrder(daysLeft);
  }
}

export function filterSchools(rows: BureauSchoolRow[], f: Filters, daysLeft: number): BureauSchoolRow[] {
  const below = f.below === '' ? null : Number(f.below) / 100;
  const q = f.q.trim().toLowerCase();
  const kept = rows.filter(
    (r) =>
      (!f.status || r.status === f.status) &&
      (!f.area || r.rural === (f.area === 'rural')) &&
      (below === null || (r.submitted && r.passRate < below)) &&
      (!q || r.name.toLowerCase().includes(q) || r.code.toLowerCase().includes(q)),
  );
  const cmp = comparator(f.sort, daysLeft);
  return kept.sort(f.desc ? (a, b) => cmp(b, a) : cmp);
}

/** The bar's width is a custom property set through the CSSOM: the page's CSP allows no inline style attribute. */
function RateCell({ rate }: { rate: number }) {
  return (
    <span class="rate-cell">
      <span class="rate-track">
        <span class="rate-bar" ref={(el) => el?.style.setProperty('width', `${Math.round(rate * 100)}%`)} />
      </span>
      <span class="rate-text">{percent(rate)}</span>
    </span>
  );
}

function Schools({ ctx, data, query }: { ctx: PageContext; data: BureauSummary; query: URLSearchParams }) {
  const [f, setF] = useState<Filters>(() => readFilters(query));
  const change = (patch: Partial<Filters>): void => setF((old) => ({ ...old, page: 1, ...patch }));
  useEffect(() => {
    replaceQuery({
      year: ctx.year,
      bureau: ctx.bureau ?? undefined,
      status: f.status || undefined,
      area: f.area || undefined,
      below: f.below || undefined,
      q: f.q || undefined,
      sort: f.sort === 'default' ? undefined : f.sort,
      desc: f.desc ? 1 : undefined,
      page: f.page > 1 ? f.page : undefined,
    });
  }, [f]);
  useEffect(() => ctx.ready(), []);

  const rows = filterSchools(data.schools, f, data.daysLeft);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(f.page, pages);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const schoolHref = (code: string): string =>
    href(`/school/${encodeURIComponent(code)}`, { year: ctx.year, bureau: ctx.bureau ?? undefined });

  const header = (k: SortKey, label: StringKey, cls = '') => {
    const active = f.sort === k;
    return (
      <th class={`sortable ${cls}`} aria-sort={active ? (f.desc ? 'descending' : 'ascending') : 'none'}>
        <button type="button" onClick={() => change({ sort: k, desc: active ? !f.desc : false })}>
          {t(label)}
          {active ? (
            f.desc ? (
              ' ▼'
            ) : (
              ' ▲'
            )
          ) : (
            <span class="sort-hint" aria-hidden="true">
              {' '}
              ↕
            </span>
          )}
        </button>
      </th>
    );
  };
  const dash = (r: BureauSchoolRow, v: number) => (r.submitted ? v : '—');

  return (
    <>
      <div class="page-head">
        <h1>{`${t('navSchools')} · ${data.year}`}</h1>
        <ExportButtons
          label={t('exportSummary')}
          fetchFile={(format) => client.bureau.exportSummary(scope(ctx), format)}
          fileStem={`summary-${data.year}`}
        />
      </div>
      <div class="filters card">
        <FilterSelect
          id="f-status"
          label={t('filterStatus')}
          value={f.status}
          none={t('all')}
          options={STATUSES.map((s) => [s, t(s)] as const)}
          onChange={(status) => change({ status })}
        />
        <FilterSelect
          id="f-area"
          label={t('filterRural')}
          value={f.area}
          none={t('all')}
          options={[
            ['rural', t('rural')],
            ['urban', t('urban')],
          ]}
          onChange={(area) => change({ area })}
        />
        <label>
          {t('filterPassBelow')}
          <input
            id="f-below"
            type="number"
            min={0}
            max={100}
            step={1}
            size={4}
            value={f.below}
            onInput={(e) => change({ below: e.currentTarget.value })}
          />
          %
        </label>
        <label>
          {t('search')}
          <input
            id="f-q"
            type="search"
            value={f.q}
            placeholder={t('searchSchool')}
            onInput={(e) => change({ q: e.currentTarget.value })}
          />
        </label>
      </div>
      <div class="table-box">
        <table class="data schools">
          <thead>
            <tr>
              {header('code', 'code')}
              {header('name', 'name')}
              <th>{t('filterRural')}</th>
              {header('status', 'status')}
              <th class="num">{t('version')}</th>
              {header('submittedAt', 'submittedAt')}
              {header('teachers', 'teachers', 'num')}
              <th class="num">{t('pass')}</th>
              <th class="num">{t('warn')}</th>
              {header('fail', 'fail', 'num')}
              {header('passRate', 'passRate', 'num')}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.code} data-code={r.code} class={r.status === 'missing' ? 'row-missing' : ''}>
                <td>{r.code}</td>
                <td>
                  <a href={schoolHref(r.code)}>
                    <Typed text={r.name} />
                  </a>
                  {r.stale ? <span class="chip st-warn recomputing-chip">{t('recomputingChip')}</span> : null}
                </td>
                <td>{t(r.rural ? 'rural' : 'urban')}</td>
                <td>
                  <SubmissionBadge status={r.status} />
                </td>
                <td class="num">{r.version ?? '—'}</td>
                <td>{r.submittedAt ? dateTime(r.submittedAt) : '—'}</td>
                <td class="num">{dash(r, r.teachers)}</td>
                <td class="num">{dash(r, r.pass)}</td>
                <td class="num">{dash(r, r.warn)}</td>
                <td class="num">{dash(r, r.fail)}</td>
                <td class="num rate">{r.submitted ? <RateCell rate={r.passRate} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={page} pageSize={PAGE_SIZE} total={rows.length} go={(p) => setF((old) => ({ ...old, page: p }))} />
      </div>
    </>
  );
}

export function SchoolsPage({ ctx, query }: { ctx: PageContext; query: URLSearchParams }) {
  const load = useLoad(() => value(client.bureau.summary(scope(ctx))), []);
  if (load.state === 'loading') return <Loading />;
  if (load.state === 'error') return <ErrorBox error={load.error} retry={load.retry} />;
  return <Schools ctx={ctx} data={load.value} query={query} />;
}
