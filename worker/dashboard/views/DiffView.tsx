/** What changed against the previous version: added and removed teachers, hours and status changes. */
import type { ComponentChildren } from 'preact';
import type { SubmissionDiff } from '../../../shared/api/responses.js';
import { type StringKey, t } from '../i18n.js';
import { StatusBadge, Typed } from '../ui.js';

const MAX_LISTED = 30;

function Group({ k, items }: { k: StringKey; items: ComponentChildren[] }) {
  const count = items.length;
  return (
    <div class="diff-group" data-diff={k}>
      <h3>
        {t(k)}
        <span class="diff-count">{` ${count}`}</span>
      </h3>
      {count === 0 ? (
        <p class="empty">{t('noChanges')}</p>
      ) : (
        <ul>
          {items.slice(0, MAX_LISTED)}
          {count > MAX_LISTED ? <li class="more">{`… +${count - MAX_LISTED}`}</li> : null}
        </ul>
      )}
    </div>
  );
}

export function DiffView({ diff }: { diff: SubmissionDiff }) {
  return (
    <div class="diff-body">
      {diff.previous ? null : <p class="note">{t('noPrevious')}</p>}
      <div class="diff-grid">
        <Group
          k="added"
          items={diff.added.map((d) => (
            <li>
              <Typed text={d.name} />
              {` ${d.idMasked}`}
            </li>
          ))}
        />
        <Group
          k="removed"
          items={diff.removed.map((d) => (
            <li>
              <Typed text={d.name} />
              {` ${d.idMasked}`}
            </li>
          ))}
        />
        <Group
          k="hoursChanged"
          items={diff.hoursChanged.map((d) => (
            <li>
              <Typed text={d.name} />
              {`: ${d.before} → ${d.after}`}
            </li>
          ))}
        />
        <Group
          k="statusChanged"
          items={diff.statusChanged.map((d) => (
            <li>
              <Typed text={d.name} />
              {': '}
              <StatusBadge status={d.before} />
              {' → '}
              <StatusBadge status={d.after} />
            </li>
          ))}
        />
      </div>
    </div>
  );
}
