/** What changed against the previous version: added and removed teachers, hours and status changes. */
import type { SubmissionDiff } from '../../../shared/api/responses.js';
import { h, typed, type Child } from '../dom.js';
import { t, type StringKey } from '../i18n.js';
import { statusBadge } from './badges.js';

const MAX_LISTED = 30;

function group(key: StringKey, count: number, items: Child[]): HTMLElement {
  return h(
    'div',
    { class: 'diff-group', 'data-diff': key },
    h('h3', {}, t(key), h('span', { class: 'diff-count' }, ` ${count}`)),
    count === 0 ? h('p', { class: 'empty' }, t('noChanges')) : h('ul', {}, items.slice(0, MAX_LISTED), count > MAX_LISTED ? h('li', { class: 'more' }, `… +${count - MAX_LISTED}`) : null),
  );
}

export function diffView(diff: SubmissionDiff): HTMLElement {
  return h(
    'div',
    { class: 'diff-body' },
    diff.previous ? null : h('p', { class: 'note' }, t('noPrevious')),
    h(
      'div',
      { class: 'diff-grid' },
      group('added', diff.added.length, diff.added.map((d) => h('li', {}, typed(d.name), ` ${d.idMasked}`))),
      group('removed', diff.removed.length, diff.removed.map((d) => h('li', {}, typed(d.name), ` ${d.idMasked}`))),
      group('hoursChanged', diff.hoursChanged.length, diff.hoursChanged.map((d) => h('li', {}, typed(d.name), `: ${d.before} → ${d.after}`))),
      group('statusChanged', diff.statusChanged.length, diff.statusChanged.map((d) => h('li', {}, typed(d.name), ': ', statusBadge(d.before), ' → ', statusBadge(d.after)))),
    ),
  );
}
