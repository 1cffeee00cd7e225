/** Loading and error states, so that a slow or failed call is never a blank page. */
import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

export function loading(): HTMLElement {
  return h('div', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'));
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('networkError');
    if (err.status === 401) return t('badToken');
    // The code stays in the answer's JSON; a reviewer reads the message only.
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

export function errorBox(err: unknown, retry?: () => void): HTMLElement {
  return h(
    'div',
    { class: 'state error', role: 'alert' },
    h('p', {}, errorText(err)),
    retry ? h('button', { type: 'button', onclick: () => retry() }, t('retry')) : null,
  );
}
