/** CSV and Excel buttons for one export; the file comes through the client so the token stays in a header. */
import type { Download, ExportFormat, Sent } from '../../../client/index.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { save } from '../remote.js';
import { errorText } from './state.js';

/** `fetchFile` asks the API for the export in a format (the summary, or the filtered teacher list). */
export function exportButtons(label: string, fetchFile: (format: ExportFormat) => Promise<Sent<Download>>, fileStem: string): HTMLElement {
  const message = h('span', { class: 'export-message', role: 'status' });
  const button = (format: ExportFormat): HTMLButtonElement => {
    const b = h('button', { type: 'button', class: `export-${format}` }, t(format === 'csv' ? 'exportCsv' : 'exportXlsx'));
    b.addEventListener('click', () => {
      b.disabled = true;
      message.textContent = t('exporting');
      save(fetchFile(format), `${fileStem}.${format}`)
        .then(() => (message.textContent = ''))
        .catch((err: unknown) => (message.textContent = errorText(err)))
        .finally(() => (b.disabled = false));
    });
    return b;
  };
  return h('div', { class: 'exports' }, h('span', { class: 'export-label' }, label), button('csv'), button('xlsx'), message);
}
