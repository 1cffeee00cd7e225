/** Approve or return the current version; the comment reaches the school's clerk through GET /submissions. */
import { useState } from 'preact/hooks';
import type { ReviewRequest } from '../../../shared/api/requests.js';
import type { SubmissionSummary } from '../../../shared/api/responses.js';
import { dateTime, personLabel, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { errorText, Typed } from '../ui.js';

export function ReviewForm({ current, onDone }: { current: SubmissionSummary; onDone: () => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  const send = (decision: ReviewRequest['decision']): void => {
    const text = comment.trim();
    if (decision === 'return' && !text) {
      setMessage({ text: t('commentRequired'), ok: false });
      document.getElementById('review-comment')?.focus();
      return;
    }
    const body: ReviewRequest = text ? { decision, comment: text } : { decision };
    setBusy(true);
    value(client.submissions.review(current.id, body))
      .then(() => {
        setMessage({ text: t('reviewDone'), ok: true });
        onDone();
      })
      .catch((err: unknown) => setMessage({ text: errorText(err), ok: false }))
      .finally(() => setBusy(false));
  };

  const last = current.review;
  return (
    <div class="review-form">
      {last.reviewedAt ? (
        <p class="last-review">
          {`${t('lastComment')}: `}
          <q>
            <Typed text={last.comment ?? '—'} />
          </q>
          {' — '}
          <Typed text={personLabel(last.reviewedBy)} />
          {` ${dateTime(last.reviewedAt)}`}
        </p>
      ) : null}
      <label for="review-comment">{t('reviewComment')}</label>
      <textarea
        id="review-comment"
        rows={3}
        maxLength={2000}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <div class="buttons">
        <button type="button" class="approve" disabled={busy} onClick={() => send('approve')}>
          {t('approve')}
        </button>
        <button type="button" class="return" disabled={busy} onClick={() => send('return')}>
          {t('returnIt')}
        </button>
      </div>
      <p class={`form-message ${message ? (message.ok ? 'ok' : 'error') : ''}`} role="status">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
