import { h } from '../dom.js';
import { t } from '../i18n.js';

/** Previous / next with the row count; pages are numbered from 1. */
export function pager(page: number, pageSize: number, total: number, go: (page: number) => void): HTMLElement {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'pagination' },
    h('span', { class: 'count' }, t('count', { n: total })),
    h('button', { type: 'button', disabled: page <= 1, onclick: () => go(page - 1) }, t('prev')),
    h('span', { class: 'page' }, t('page', { p: Math.min(page, pages), n: pages })),
    h('button', { type: 'button', disabled: page >= pages, onclick: () => go(page + 1) }, t('next')),
  );
}
