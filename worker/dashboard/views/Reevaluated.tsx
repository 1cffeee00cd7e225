/** What a catalogue change or a queue decision moved: the ledgers re-evaluated, with passing teachers before and after. */
import type { ReevaluatedSubmission } from '../../../shared/api/catalogue.js';
import { t } from '../i18n.js';

export function Reevaluated({ items, pending }: { items: ReevaluatedSubmission[]; pending: number }) {
  const moved = items.filter((r) => r.before.pass !== r.after.pass || r.before.fail !== r.after.fail);
  return (
    <div class="reevaluated" role="status">
      {moved.length === 0 && pending === 0 ? <p>{t('reevaluatedNone')}</p> : null}
      {items.length > 0 ? (
        <>
          <p>{t('reevaluatedHead', { n: items.length })}</p>
          <ul>
            {moved.map((r) => (
              <li data-school={r.schoolCode}>
                {t('reevaluatedLine', {
                  school: `${r.schoolName} ${r.schoolCode}`,
                  before: r.before.pass,
                  after: r.after.pass,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {pending > 0 ? <p>{t('reevaluatedPending', { n: pending })}</p> : null}
    </div>
  );
}
