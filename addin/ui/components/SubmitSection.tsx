/**
 * 提交, with a confirmation: before anything is sent the pane shows the school, the year, the
 * teachers, the records and the version this replaces; the clerk confirms or cancels. Then the
 * receipt (version, time, file and content digest) and the bureau's review.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Messages } from '../messages.js';
import type { Confirmation } from '../state.js';
import { beijingTime, shortHash } from '../view.js';
import { usePane } from './context.js';
import { Status } from './Status.js';

function when(iso: string, m: Messages): string {
  return beijingTime(iso, m.locale);
}

function Confirm({ c, m }: { c: Confirmation; m: Messages }) {
  const pane = usePane();
  const f = c.facts;
  const send = useRef<HTMLButtonElement>(null);
  // The confirmation appears below the button that asked for it: bring it into view and give the
  // keyboard its 确认提交, so the clerk reads it before anything else.
  useEffect(() => {
    send.current?.scrollIntoView({ block: 'nearest' });
    send.current?.focus({ preventScroll: true });
  }, [c]);
  return (
    <div id="confirm" class="confirm" role="dialog" aria-labelledby="confirm-title">
      <h3 id="confirm-title">{m.confirmTitle}</h3>
      <dl class="facts">
        <dt>{m.confirmSchool}</dt>
        <dd id="confirm-school">
          {f.schoolName}（{f.schoolCode}）
        </dd>
        <dt>{m.confirmYear}</dt>
        <dd id="confirm-year">{f.year}</dd>
        <dt>{m.confirmTeachers}</dt>
        <dd id="confirm-teachers">{m.teachersCount(f.teachers)}</dd>
        <dt>{m.confirmRecords}</dt>
        <dd id="confirm-records">{m.recordsCount(f.trainings, f.duties, f.milestones)}</dd>
        <dt>{m.confirmReplaces}</dt>
        <dd id="confirm-replaces" data-version={c.replaces?.version ?? 0}>
          {c.replaces
            ? m.replacesVersion(
                c.replaces.version,
                when(c.replaces.submittedAt, m),
                m.submissionStatus[c.replaces.status],
              )
            : m.firstVersion}
        </dd>
        {c.fileName ? (
          <>
            <dt>{m.confirmFile}</dt>
            <dd id="confirm-file">{c.fileName}</dd>
          </>
        ) : null}
      </dl>
      <div class="row">
        <button id="confirm-submit" type="button" ref={send} onClick={pane.confirmSubmit}>
          {m.confirmSend}
        </button>
        <button id="cancel-submit" type="button" class="secondary" onClick={pane.cancelSubmit}>
          {m.cancel}
        </button>
      </div>
    </div>
  );
}

function Review({ m }: { m: Messages }) {
  const { review } = usePane();
  const current = review.value;
  if (current === null) return null;
  if (current === 'none') return <p class="muted">{m.noSubmission}</p>;
  return (
    <dl class="review">
      <dt>{m.reviewStatus}</dt>
      <dd id="review-state" data-status={current.status}>
        {`${m.submissionStatus[current.status]}（${m.colVersion} ${current.version}）`}
      </dd>
      {current.review.comment ? (
        <>
          <dt>{m.reviewComment}</dt>
          <dd id="review-comment" class="user-text">
            {current.review.comment}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function SubmitSection() {
  const pane = usePane();
  const { t, busy, confirmation, pending, receipt, isClerk, run } = pane;
  const m = t.value;
  const c = confirmation.value;
  const r = receipt.value;
  const blocked = run.value !== null && !run.value.outcome.result.ok;
  let status = pane.submitStatus.value;
  if (!status && !isClerk.value) status = { tone: 'info', text: (x) => x.needConnection };
  else if (!status && blocked) status = { tone: 'error', text: (x) => x.submitBlocked };
  const sending = busy.value.has('submit') || busy.value.has('send');
  return (
    <section id="submit-section">
      <h2>{m.submitTitle}</h2>
      <div class="row">
        <button
          id="submit"
          type="button"
          disabled={!pane.workbookOpen.value || !isClerk.value || sending || c !== null}
          onClick={pane.prepareSubmit}
        >
          {m.submitButton}
        </button>
        {pending.value && !sending ? (
          <button id="retry" type="button" onClick={pane.confirmSubmit}>
            {m.retry}
          </button>
        ) : null}
        <button
          id="refresh-review"
          type="button"
          class="secondary"
          disabled={!isClerk.value || busy.value.has('refresh')}
          onClick={pane.refresh}
        >
          {m.refresh}
        </button>
      </div>
      {c ? <Confirm c={c} m={m} /> : null}
      <Status id="submit-status" say={status} />
      {r ? (
        <div id="receipt" class="receipt" data-version={r.summary.version} data-hash={r.summary.contentHash}>
          <p>
            {m.summaryLine(
              r.summary.summary.teachers,
              r.summary.summary.pass,
              r.summary.summary.warn,
              r.summary.summary.fail,
              r.summary.summary.passRate,
            )}
          </p>
          <p id="receipt-file" class="muted" title={r.summary.contentHash}>
            {m.receiptFile(r.fileName ?? m.workbookLevel, shortHash(r.summary.contentHash))}
          </p>
        </div>
      ) : null}
      <div id="review-status">
        <Review m={m} />
      </div>
    </section>
  );
}
