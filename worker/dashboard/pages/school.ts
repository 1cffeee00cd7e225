/**
 * One school: its versions, what changed since the previous one, its teachers page by page (filtered
 * on the server), and the review of the current version.
 */
import type { SchoolVersions, SubmissionDiff, SubmissionSummary } from '../../../shared/api/responses.js';
import { scope, type PageContext } from '../context.js';
import { h, replace, typed } from '../dom.js';
import { dateTime, percent, personLabel, t } from '../i18n.js';
import { href } from '../router.js';
import { submissionBadge } from '../views/badges.js';
import { diffView } from '../views/diff-view.js';
import { reviewForm } from '../views/review-form.js';
import { CallError, client, value } from '../remote.js';
import { errorBox, loading } from '../views/state.js';
import { teacherList } from '../views/teacher-list.js';

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
          h('td', {}, typed(personLabel(v.submittedBy))),
          h('td', { class: 'num' }, v.summary.teachers),
          h('td', { class: 'num' }, percent(v.summary.passRate)),
          h('td', {}, submissionBadge(v.status)),
        ),
      ),
    ),
  );
}

export async function renderSchool(main: HTMLElement, ctx: PageContext, code: string, query: URLSearchParams): Promise<void> {
  // The teachers (always the current version) do not depend on the versions: ask for both at once.
  const teachers = teacherList({ ctx, query, school: code, pageParams: { v: query.get('v') ?? undefined } });
  let school: SchoolVersions;
  try {
    school = await value(client.bureau.school(code, scope(ctx)));
  } catch (err) {
    if (!ctx.isCurrent()) return;
    if (err instanceof CallError && err.status === 404) {
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
    h('h1', {}, typed(school.school.name), h('small', {}, ` ${school.school.code} · ${school.school.type} · ${t(school.school.rural ? 'rural' : 'urban')} · ${school.year}`)),
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
  const loadDiff = async (): Promise<void> => {
    try {
      const diff: SubmissionDiff = await value(client.submissions.diff(selected.id));
      if (ctx.isCurrent()) replace(diffBox, h('h2', {}, t('diff'), ` (v${selected.version})`), diffView(diff));
    } catch (err) {
      if (ctx.isCurrent()) replace(diffBox, h('h2', {}, t('diff')), errorBox(err, () => void loadDiff()));
    }
  };

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
    teachers.el,
  );
  await Promise.all([teachers.loaded, loadDiff()]);
  ctx.ready();
}
