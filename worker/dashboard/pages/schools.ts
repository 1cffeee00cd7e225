/**
 * The schools of the district: filters and sorting live in the hash so a reload or a shared link keeps
 * them. The summary answers with every school of the bureau (a few hundred rows), so the list pages
 * that in the browser and never asks for any teacher.
 */
import type { BureauSchoolRow, BureauSummary } from '../../../shared/api/responses.js';
import { getJson } from '../api.js';
import { scope, type PageContext } from '../context.js';
import { h, replace } from '../dom.js';
import { dateTime, percent, t, type StringKey } from '../i18n.js';
import { href, replaceQuery } from '../router.js';
import { submissionBadge } from '../views/badges.js';
import { exportButtons } from '../views/export-buttons.js';
import { pager } from '../views/pager.js';
import { errorBox } from '../views/state.js';

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

const STATUS_ORDER: Record<BureauSchoolRow['status'], number> = { missing: 0, returned: 1, pending: 2, approved: 3, superseded: 4 };

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

export async function renderSchools(main: HTMLElement, ctx: PageContext, query: URLSearchParams): Promise<void> {
  let data: BureauSummary;
  try {
    data = await getJson<BureauSummary>('/bureau/summary', scope(ctx));
  } catch (err) {
    if (ctx.isCurrent()) replace(main, errorBox(err, () => void renderSchools(main, ctx, query)));
    return;
  }
  if (!ctx.isCurrent()) return;
  const f = readFilters(query);
  const tableBox = h('div', { class: 'table-box' });

  const sync = (): void => {
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
    drawTable();
  };

  const header = (key: SortKey, label: StringKey, cls = ''): HTMLElement => {
    const active = f.sort === key;
    const th = h('th', { class: `sortable ${cls}`, 'aria-sort': active ? (f.desc ? 'descending' : 'ascending') : 'none' });
    th.append(
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            f.desc = active ? !f.desc : false;
            f.sort = key;
            f.page = 1;
            sync();
          },
        },
        t(label),
        active ? (f.desc ? ' ▼' : ' ▲') : h('span', { class: 'sort-hint', 'aria-hidden': 'true' }, ' ↕'),
      ),
    );
    return th;
  };

  function drawTable(): void {
    const rows = filterSchools(data.schools, f, data.daysLeft);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    if (f.page > pages) f.page = pages;
    const shown = rows.slice((f.page - 1) * PAGE_SIZE, f.page * PAGE_SIZE);
    replace(
      tableBox,
      h(
        'table',
        { class: 'data schools' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            header('code', 'code'),
            header('name', 'name'),
            h('th', {}, t('filterRural')),
            header('status', 'status'),
            h('th', { class: 'num' }, t('version')),
            header('submittedAt', 'submittedAt'),
            header('teachers', 'teachers', 'num'),
            h('th', { class: 'num' }, t('pass')),
            h('th', { class: 'num' }, t('warn')),
            header('fail', 'fail', 'num'),
            header('passRate', 'passRate', 'num'),
          ),
        ),
        h(
          'tbody',
          {},
          shown.map((r) =>
            h(
              'tr',
              { 'data-code': r.code, class: r.status === 'missing' ? 'row-missing' : '' },
              h('td', {}, r.code),
              h('td', {}, h('a', { href: href(`/school/${encodeURIComponent(r.code)}`, { year: ctx.year, bureau: ctx.bureau ?? undefined }) }, r.name)),
              h('td', {}, t(r.rural ? 'rural' : 'urban')),
              h('td', {}, submissionBadge(r.status)),
              h('td', { class: 'num' }, r.version ?? '—'),
              h('td', {}, r.submittedAt ? dateTime(r.submittedAt) : '—'),
              h('td', { class: 'num' }, r.submitted ? r.teachers : '—'),
              h('td', { class: 'num' }, r.submitted ? r.pass : '—'),
              h('td', { class: 'num' }, r.submitted ? r.warn : '—'),
              h('td', { class: 'num' }, r.submitted ? r.fail : '—'),
              h('td', { class: 'num rate' }, r.submitted ? rateCell(r.passRate) : '—'),
            ),
          ),
        ),
      ),
      pager(f.page, PAGE_SIZE, rows.length, (p) => {
        f.page = p;
        sync();
      }),
    );
  }

  const statusSelect = h(
    'select',
    { id: 'f-status' },
    h('option', { value: '' }, t('all')),
    STATUSES.map((s) => h('option', { value: s, selected: f.status === s }, t(s))),
  );
  const areaSelect = h(
    'select',
    { id: 'f-area' },
    h('option', { value: '' }, t('all')),
    h('option', { value: 'rural', selected: f.area === 'rural' }, t('rural')),
    h('option', { value: 'urban', selected: f.area === 'urban' }, t('urban')),
  );
  const belowInput = h('input', { id: 'f-below', type: 'number', min: 0, max: 100, step: 1, value: f.below, size: 4 });
  const searchInput = h('input', { id: 'f-q', type: 'search', value: f.q, placeholder: t('searchSchool') });
  const onFilter = (): void => {
    f.status = statusSelect.value;
    f.area = areaSelect.value;
    f.below = belowInput.value;
    f.q = searchInput.value;
    f.page = 1;
    sync();
  };
  for (const el of [statusSelect, areaSelect]) el.addEventListener('change', onFilter);
  for (const el of [belowInput, searchInput]) el.addEventListener('input', onFilter);

  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, `${t('navSchools')} · ${data.year}`), exportButtons('summary', t('exportSummary'), scope(ctx), `summary-${data.year}`)),
    h(
      'div',
      { class: 'filters card' },
      h('label', {}, t('filterStatus'), statusSelect),
      h('label', {}, t('filterRural'), areaSelect),
      h('label', {}, t('filterPassBelow'), belowInput, '%'),
      h('label', {}, t('search'), searchInput),
    ),
    tableBox,
  );
  drawTable();
  ctx.ready();
}

function rateCell(rate: number): HTMLElement {
  return h('span', { class: 'rate-cell' }, h('span', { class: 'rate-track' }, h('span', { class: 'rate-bar', style: `width:${Math.round(rate * 100)}%` })), h('span', { class: 'rate-text' }, percent(rate)));
}
