/**
 * One school: its versions, what changed since the previous one, its teachers page by page (filtered
 * on the server), and the review of the current version.
 */
import type { SchoolVersions, SubmissionDiff, SubmissionSummary, TeacherPage } from '../../../shared/api/responses.js';
import type { TeacherRuleId } from '../../../shared/policy/types.js';
import { ApiError, getJson } from '../api.js';
import { scope, type PageContext } from '../context.js';
import { h, replace } from '../dom.js';
import { dateTime, percent, ruleLabel, t } from '../i18n.js';
import { href, replaceQuery } from '../router.js';
import { statusBadge, submissionBadge } from '../views/badges.js';
import { diffView } from '../views/diff-view.js';
import { exportButtons } from '../views/export-buttons.js';
import { pager } from '../views/pager.js';
import { reviewForm } from '../views/review-form.js';
import { errorBox, loading } from '../views/state.js';

const PAGE_SIZE = 50;
const TEACHER_RULES: TeacherRuleId[] = [
  'annual_district_plus_hours',
  'cycle_hours',
  'ethics_training',
  'new_teacher_induction',
  'young_teacher_milestones',
  'backbone_duties',
  'backbone_eligibility',
  'principal_qualification',
  'transfer_training',
];
const STATUSES = ['fail', 'warn', 'pass', 'invalid'] as const;

interface TeacherFilters {
  q: string;
  status: string;
  rule: string;
  page: number;
}

function versionsTable(ctx: PageContext, code: string, versions: SubmissionSummary[], selected: SubmissionSummary): HTMLElement {
  return h(
    'table',
    { class: 'data versions' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { class: 'num' }, t('version')), h('th', {}, t('submittedAt')), h('th', {}, t('submittedBy')), h('th', { class: 'num' }, t('teachers')), h('th', { class: 'num' }, t('passRate')), h('th', {}, t('status'))),
    ),
    h(
      'tbody',
      {},
      versions.map((v) =>
        h(
          'tr',
          { class: v.id === selected.id ? 'selected' : '', 'data-version': v.version },
          h('td', { class: 'num' }, h('a', { href: href(`/school/${encodeURIComponent(code)}`, { year: ctx.year, bureau: ctx.bureau ?? undefined, v: v.version }) }, `v${v.version}`), v.current ? ' ★' : ''),
          h('td', {}, dateTime(v.submittedAt)),
          h('td', {}, v.submittedBy),
          h('td', { class: 'num' }, v.summary.teachers),
          h('td', { class: 'num' }, percent(v.summary.passRate)),
          h('td', {}, submissionBadge(v.status)),
        ),
      ),
    ),
  );
}

export async function renderSchool(main: HTMLElement, ctx: PageContext, code: string, query: URLSearchParams): Promise<void> {
  const f: TeacherFilters = { q: query.get('q') ?? '', status: query.get('status') ?? '', rule: query.get('rule') ?? '', page: Math.max(1, Number(query.get('page')) || 1) };
  const teacherQuery = (): Record<string, string | number | undefined> => ({ ...scope(ctx), school: code, q: f.q || undefined, status: f.status || undefined, rule: f.rule || undefined });
  const fetchTeachers = (): Promise<TeacherPage> => getJson<TeacherPage>('/bureau/teachers', { ...teacherQuery(), page: f.page, pageSize: PAGE_SIZE });
  // The first page of teachers does not depend on the versions: ask for both at once.
  let prefetched: Promise<TeacherPage> | null = fetchTeachers();
  // Its error is shown where the page is awaited; when the school itself fails it is never awaited.
  prefetched.catch(() => undefined);
  let school: SchoolVersions;
  try {
    school = await getJson<SchoolVersions>(`/bureau/schools/${encodeURIComponent(code)}`, scope(ctx));
  } catch (err) {
    if (!ctx.isCurrent()) return;
    if (err instanceof ApiError && err.status === 404) {
      replace(main, h('div', { class: 'state error', role: 'alert' }, h('p', {}, t('schoolNotFound')), h('a', { href: href('/schools', { year: ctx.year }) }, t('backToList'))));
      ctx.ready();
    } else {
      replace(main, errorBox(err, () => void renderSchool(main, ctx, code, query)));
    }
    return;
  }
  if (!ctx.isCurrent()) return;

  const versions = [...school.versions].sort((a, b) => b.version - a.version);
  const current = versions.find((v) => v.current) ?? versions[0];
  const head = h(
    'div',
    { class: 'page-head' },
    h('h1', {}, `${school.school.name}`, h('small', {}, ` ${school.school.code} · ${school.school.type} · ${t(school.school.rural ? 'rural' : 'urban')} · ${school.year}`)),
    current ? submissionBadge(current.status) : submissionBadge('missing'),
  );
  if (!current) {
    replace(main, head, h('p', { class: 'card empty' }, t('noSubmission')), h('a', { href: href('/schools', { year: ctx.year, bureau: ctx.bureau ?? undefined }) }, t('backToList')));
    ctx.ready();
    return;
  }
  const wanted = Number(query.get('v'));
  const selected = versions.find((v) => v.version === wanted) ?? current;

  const diffBox = h('section', { class: 'card diff' }, h('h2', {}, t('diff'), ` (v${selected.version})`), loading());
  const teacherBox = h('div', { class: 'table-box' }, loading());
  const exportBox = h('div');

  const loadTeachers = async (): Promise<void> => {
    replaceQuery({ year: ctx.year, bureau: ctx.bureau ?? undefined, v: selected === current ? undefined : selected.version, q: f.q || undefined, status: f.status || undefined, rule: f.rule || undefined, page: f.page > 1 ? f.page : undefined });
    replace(exportBox, exportButtons('teachers', t('exportTeachers'), teacherQuery(), `teachers-${code}-${ctx.year}`));
    const asked = { ...f };
    try {
      const pending = prefetched ?? fetchTeachers();
      prefetched = null;
      const page = await pending;
      if (!ctx.isCurrent() || asked.q !== f.q || asked.status !== f.status || asked.rule !== f.rule || asked.page !== f.page) return;
      replace(teacherBox, teachersTable(page), pager(page.page, page.pageSize, page.total, (p) => ((f.page = p), void loadTeachers())));
    } catch (err) {
      if (ctx.isCurrent()) replace(teacherBox, errorBox(err, () => void loadTeachers()));
    }
  };

  const loadDiff = async (): Promise<void> => {
    try {
      const diff = await getJson<SubmissionDiff>(`/submissions/${encodeURIComponent(selected.id)}/diff`);
      if (ctx.isCurrent()) replace(diffBox, h('h2', {}, t('diff'), ` (v${selected.version})`), diffView(diff));
    } catch (err) {
      if (ctx.isCurrent()) replace(diffBox, h('h2', {}, t('diff')), errorBox(err, () => void loadDiff()));
    }
  };

  const qInput = h('input', { id: 't-q', type: 'search', value: f.q, placeholder: t('searchTeacher') });
  const statusSelect = h('select', { id: 't-status' }, h('option', { value: '' }, t('all')), STATUSES.map((s) => h('option', { value: s, selected: f.status === s }, t(s))));
  const ruleSelect = h('select', { id: 't-rule' }, h('option', { value: '' }, t('anyRule')), TEACHER_RULES.map((r) => h('option', { value: r, selected: f.rule === r }, ruleLabel(r))));
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const onFilter = (): void => {
    f.q = qInput.value.trim();
    f.status = statusSelect.value;
    f.rule = ruleSelect.value;
    f.page = 1;
    clearTimeout(debounce);
    debounce = setTimeout(() => void loadTeachers(), 200);
  };
  qInput.addEventListener('input', onFilter);
  statusSelect.addEventListener('change', onFilter);
  ruleSelect.addEventListener('change', onFilter);

  replace(
    main,
    head,
    h(
      'div',
      { class: 'school-top' },
      h('section', { class: 'card' }, h('h2', {}, t('versions')), versionsTable(ctx, code, versions, selected)),
      h('section', { class: 'card review' }, h('h2', {}, t('review'), ` (v${current.version})`), reviewForm(current, () => void renderSchool(main, ctx, code, query))),
    ),
    diffBox,
    h(
      'section',
      { class: 'card teachers' },
      h('div', { class: 'section-head' }, h('h2', {}, t('teacherList'), ` (v${current.version})`), exportBox),
      h('div', { class: 'filters' }, h('label', {}, t('search'), qInput), h('label', {}, t('status'), statusSelect), h('label', {}, t('rule'), ruleSelect)),
      teacherBox,
    ),
  );
  await Promise.all([loadTeachers(), loadDiff()]);
  ctx.ready();
}

function teachersTable(page: TeacherPage): HTMLElement {
  if (page.items.length === 0) return h('p', { class: 'empty' }, t('noData'));
  return h(
    'table',
    { class: 'data teachers' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', { class: 'num' }, '#'), h('th', {}, t('name')), h('th', {}, t('idMasked')), h('th', {}, t('subject')), h('th', {}, t('titleCol')), h('th', {}, t('roleCol')), h('th', { class: 'num' }, t('hours')), h('th', {}, t('status')), h('th', {}, t('unmetRules'))),
    ),
    h(
      'tbody',
      {},
      page.items.map((r) =>
        h(
          'tr',
          { 'data-row': r.row },
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
