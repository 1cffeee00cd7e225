/** Loading and error states, so that a slow or failed call is never a blank page. */
import { h } from '../dom.js';
import { currentLang, t } from '../i18n.js';
import { CallError } from '../remote.js';

export function loading(): HTMLElement {
  return h('div', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('loading'));
}

export function errorText(err: unknown): string {
  if (err instanceof CallError) {
    const f = err.failure;
    if (f.kind === 'network') return t('networkError');
    if (f.status === 401) return t('badToken');
    // The code stays in the answer's JSON; a reviewer reads the message only.
    return currentLang() === 'zh' ? f.message : f.messageEn;
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
