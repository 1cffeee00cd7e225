/**
 * A page of teachers with name search and status / rule filters, all answered by the server
 * (GET /bureau/teachers), so no page ever holds a whole district's teachers. The filters live in the
 * hash; the export buttons export exactly the filtered list.
 */
import type { TeacherPage } from '../../../shared/api/responses.js';
import { TEACHER_RULE_IDS } from '../../../shared/labels/index.js';
import { getJson } from '../api.js';
import { scope, type PageContext } from '../context.js';
import { h } from '../dom.js';
import { ruleLabel, t } from '../i18n.js';
import { href, replaceQuery } from '../router.js';
import { statusBadge } from './badges.js';
import { exportButtons } from './export-buttons.js';
import { pager } from './pager.js';
import { errorBox, loading } from './state.js';

const PAGE_SIZE = 50;
const STATUSES = ['fail', 'warn', 'pass', 'invalid'] as const;

export interface TeacherListOptions {
  ctx: PageContext;
  query: URLSearchParams;
  /** One school's teachers; the whole district's when absent (then each row names its school). */
  school?: string;
  /** Hash parameters of the page that are not the list's own (kept when the filters change). */
  pageParams?: Record<string, string | number | undefined>;
}

/** The list starts loading at once; `loaded` settles when the first page is shown (or failed). */
export function teacherList(opts: TeacherListOptions): { el: HTMLElement; loaded: Promise<void> } {
  const { ctx, query, school } = opts;
  const f = { q: query.get('q') ?? '', status: query.get('status') ?? '', rule: query.get('rule') ?? '', page: Math.max(1, Number(query.get('page')) || 1) };
  const filterQuery = (): Record<string, string | number | undefined> => ({ ...scope(ctx), school, q: f.q || undefined, status: f.status || undefined, rule: f.rule || undefined });
  const box = h('div', { class: 'table-box' }, loading());
  const exportBox = h('div');

  const load = async (): Promise<void> => {
    replaceQuery({ year: ctx.year, bureau: ctx.bureau ?? undefined, ...opts.pageParams, q: f.q || undefined, status: f.status || undefined, rule: f.rule || undefined, page: f.page > 1 ? f.page : undefined });
    exportBox.replaceChildren(exportButtons('teachers', t('exportTeachers'), filterQuery(), ['teachers', school, ctx.year].filter(Boolean).join('-')));
    const asked = { ...f };
    try {
      const page = await getJson<TeacherPage>('/bureau/teachers', { ...filterQuery(), page: f.page, pageSize: PAGE_SIZE });
      if (!ctx.isCurrent() || asked.q !== f.q || asked.status !== f.status || asked.rule !== f.rule || asked.page !== f.page) return;
      box.replaceChildren(teachersTable(ctx, page, school === undefined), pager(page.page, page.pageSize, page.total, (p) => ((f.page = p), void load())));
    } catch (err) {
      if (ctx.isCurrent()) box.replaceChildren(errorBox(err, () => void load()));
    }
  };

  const qInput = h('input', { id: 't-q', type: 'search', value: f.q, placeholder: t('searchTeacher') });
  const statusSelect = h('select', { id: 't-status' }, h('option', { value: '' }, t('all')), STATUSES.map((s) => h('option', { value: s, selected: f.status === s }, t(s))));
  const ruleSelect = h('select', { id: 't-rule' }, h('option', { value: '' }, t('anyRule')), TEACHER_RULE_IDS.map((r) => h('option', { value: r, selected: f.rule === r }, ruleLabel(r))));
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const onFilter = (): void => {
    f.q = qInput.value.trim();
    f.status = statusSelect.value;
    f.rule = ruleSelect.value;
    f.page = 1;
    clearTimeout(debounce);
    debounce = setTimeout(() => void load(), 200);
  };
  qInput.addEventListener('input', onFilter);
  statusSelect.addEventListener('change', onFilter);
  ruleSelect.addEventListener('change', onFilter);

  const el = h(
    'section',
    { class: 'card teachers' },
    h('div', { class: 'section-head' }, h('h2', {}, t(school ? 'teacherList' : 'districtTeachers')), exportBox),
    h('div', { class: 'filters' }, h('label', {}, t('search'), qInput), h('label', {}, t('status'), statusSelect), h('label', {}, t('rule'), ruleSelect)),
    box,
  );
  return { el, loaded: load() };
}

function teachersTable(ctx: PageContext, page: TeacherPage, withSchool: boolean): HTMLElement {
  if (page.items.length === 0) return h('p', { class: 'empty' }, t('noData'));
  return h(
    'table',
    { class: 'data teachers' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        withSchool ? h('th', {}, t('schools')) : null,
        h('th', { class: 'num' }, '#'),
        h('th', {}, t('name')),
        h('th', {}, t('idMasked')),
        h('th', {}, t('subject')),
        h('th', {}, t('titleCol')),
        h('th', {}, t('roleCol')),
        h('th', { class: 'num' }, t('hours')),
        h('th', {}, t('status')),
        h('th', {}, t('unmetRules')),
      ),
    ),
    h(
      'tbody',
      {},
      page.items.map((r) =>
        h(
          'tr',
          { 'data-row': r.row },
          withSchool ? h('td', {}, h('a', { href: href(`/school/${encodeURIComponent(r.schoolCode)}`, { year: ctx.year, bureau: ctx.bureau ?? undefined }) }, r.schoolName)) : null,
          h('td', { class: 'num' }, r.row),
          h('td', { class: 'name' }, r.name),
          h('td', { class: 'mono' }, r.idMasked),
          h('td', {}, [r.stage, r.subject].filter(Boolean).join(' · ')),
          h('td', {}, r.title),
          h('td', {}, [r.studioRole !== '无' ? r.studioRole : '', r.backboneLevel ?? ''].filter(Boolean).join(' · ') || '—'),
          h('td', { class: 'num' }, r.hours),
          h('td', {}, statusBadge(r.status)),
          h(
            'td',
            { class: 'rules' },
            r.unmetRules.map((rule) => {
              const detail = r.rules.find((x) => x.rule === rule);
              return h('span', { class: `chip st-${detail?.status ?? 'fail'}`, title: detail?.message ?? '' }, ruleLabel(rule));
            }),
          ),
        ),
      ),
    ),
  );
}
