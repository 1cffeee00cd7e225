/** The top bar: bureau, navigation, year, language and sign-out. */
import type { BureauInfo } from '../../../shared/api/responses.js';
import { currentYear } from '../../../shared/policy/as-of.js';
import type { PageContext } from '../context.js';
import { h } from '../dom.js';
import { t, type StringKey } from '../i18n.js';
import { href, type Route } from '../router.js';

export interface ShellActions {
  signOut(): void;
  toggleLang(): void;
}

function withQuery(changes: Record<string, string>): string {
  const [path = '/summary', qs = ''] = location.hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(qs);
  for (const [key, value] of Object.entries(changes)) query.set(key, value);
  query.delete('page');
  return `#${path || '/summary'}?${query.toString()}`;
}

export function renderShell(ctx: PageContext, route: Route, bureaus: BureauInfo[], actions: ShellActions): HTMLElement {
  const thisYear = currentYear();
  const years = [...new Set([thisYear, thisYear - 1, thisYear - 2, thisYear - 3, thisYear - 4, ctx.year])].sort((a, b) => b - a);
  const yearSelect = h('select', { id: 'year', 'aria-label': t('year') }, ...years.map((y) => h('option', { value: y, selected: y === ctx.year }, String(y))));
  yearSelect.addEventListener('change', () => {
    location.hash = withQuery({ year: yearSelect.value });
  });

  const nav = (page: 'summary' | 'schools' | 'teachers' | 'policy', key: StringKey): HTMLElement =>
    h('a', { href: href(`/${page}`, { year: ctx.year, bureau: ctx.bureau ?? undefined }), class: route.page === page || (page === 'schools' && route.page === 'school') ? 'active' : '' }, t(key));

  let bureauPicker: HTMLElement | null = null;
  if (ctx.me.role === 'admin') {
    const select = h('select', { id: 'bureau', 'aria-label': t('bureau') }, bureaus.map((b) => h('option', { value: b.id, selected: b.id === ctx.bureau }, b.name)));
    select.addEventListener('change', () => {
      location.hash = withQuery({ bureau: select.value });
    });
    bureauPicker = select;
  }

  return h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand' }, h('strong', {}, t('appTitle')), h('span', { class: 'who' }, ctx.me.bureau?.name ?? `${ctx.me.label} · ${t('admin')}`)),
    h('nav', { class: 'main-nav' }, nav('summary', 'navSummary'), nav('schools', 'navSchools'), nav('teachers', 'navTeachers'), nav('policy', 'navPolicy')),
    h(
      'div',
      { class: 'tools' },
      bureauPicker,
      h('label', { for: 'year' }, t('year')),
      yearSelect,
      h('span', { id: 'load-ms', class: 'load-ms' }),
      h('button', { type: 'button', class: 'lang', onclick: actions.toggleLang }, t('language')),
      h('button', { type: 'button', class: 'sign-out', onclick: actions.signOut }, t('signOut')),
    ),
  );
}
