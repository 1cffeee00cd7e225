/** The district's teachers across schools, e.g. everyone who misses the ethics training, with its export. */
import type { PageContext } from '../context.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { teacherList } from '../views/teacher-list.js';

export async function renderTeachers(main: HTMLElement, ctx: PageContext, query: URLSearchParams): Promise<void> {
  const list = teacherList({ ctx, query });
  replace(main, h('div', { class: 'page-head' }, h('h1', {}, `${t('navTeachers')} · ${ctx.year}`)), list.el);
  await list.loaded;
  if (ctx.isCurrent()) ctx.ready();
}
