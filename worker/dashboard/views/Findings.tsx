/** A workbook's findings at their cells, as the import of a catalogue answers them (IDs already masked). */
import type { Finding } from '../../../shared/contract/codes.js';
import { t } from '../i18n.js';
import { Typed } from '../ui.js';

export function Findings({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <table class="data findings">
      <thead>
        <tr>
          <th>{t('findingSheet')}</th>
          <th>{t('findingCell')}</th>
          <th>{t('findingMessage')}</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => (
          <tr class={`sev-${f.severity}`} data-code={f.code}>
            <td>
              <Typed text={f.sheet ?? '—'} />
            </td>
            <td>{f.cell ?? '—'}</td>
            <td>{f.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
