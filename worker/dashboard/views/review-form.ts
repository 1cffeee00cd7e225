/** Approve or return the current version; the comment reaches the school's clerk through GET /submissions. */
import type { ReviewRequest } from '../../../shared/api/requests.js';
import type { SubmissionSummary } from '../../../shared/api/responses.js';
import { h, typed } from '../dom.js';
import { dateTime, personLabel, t } from '../i18n.js';
import { client, value } from '../remote.js';
import { errorText } from './state.js';

export function reviewForm(current: SubmissionSummary, onDone: () => void): HTMLElement {
  const comment = h('textarea', { id: 'review-comment', rows: 3, maxlength: 2000 });
  const message = h('p', { class: 'form-message', role: 'status' });
  const approve = h('button', { type: 'button', class: 'approve' }, t('approve'));
  const giveBack = h('button', { type: 'button', class: 'return' }, t('returnIt'));

  const send = (decision: ReviewRequest['decision']): void => {
    const text = comment.value.trim();
    if (decision === 'return' && !text) {
      message.textContent = t('commentRequired');
      message.className = 'form-message error';
      comment.focus();
      return;
    }
    const body: ReviewRequest = text ? { decision, comment: text } : { decision };
    approve.disabled = giveBack.disabled = true;
    value(client.submissions.review(current.id, body))
      .then(() => {
        message.textContent = t('reviewDone');
        message.className = 'form-message ok';
        onDone();
      })
      .catch((err: unknown) => {
        message.textContent = errorText(err);
        message.className = 'form-message error';
        approve.disabled = giveBack.disabled = false;
      });
  };
  approve.addEventListener('click', () => send('approve'));
  giveBack.addEventListener('click', () => send('return'));

  const last = current.review;
  return h(
    'div',
    { class: 'review-form' },
    last.reviewedAt
      ? h('p', { class: 'last-review' }, `${t('lastComment')}: `, h('q', {}, typed(last.comment ?? '—')), ' — ', typed(personLabel(last.reviewedBy)), ` ${dateTime(last.reviewedAt)}`)
      : null,
    h('label', { for: 'review-comment' }, t('reviewComment')),
    comment,
    h('div', { class: 'buttons' }, approve, giveBack),
    message,
  );
}
