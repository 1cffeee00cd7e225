/** CSV and Excel buttons for one export; the file comes through fetch so the token stays in a header. */
import { download, type Query } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { errorText } from './state.js';

/** `kind` picks GET /bureau/exports/summary (one row per school) or /bureau/exports/teachers (the filtered list). */
export function exportButtons(kind: 'summary' | 'teachers', label: string, query: Query, fileStem: string): HTMLElement {
  const message = h('span', { class: 'export-message', role: 'status' });
  const button = (format: 'csv' | 'xlsx'): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: `export-${format}` }, t(format === 'csv' ? 'exportCsv' : 'exportXlsx'));
    b.addEventListener('click', () => {
      b.disabled = true;
      message.textContent = t('exporting');
      download(`/bureau/exports/${kind}`, { ...query, format }, `${fileStem}.${format}`)
        .then(() => (message.textContent = ''))
        .catch((err: unknown) => (message.textContent = errorText(err)))
        .finally(() => (b.disabled = false));
    });
    return b;
  };
  return h('div', { class: 'exports' }, h('span', { class: 'export-label' }, label), button('csv'), button('xlsx'), message);
}
