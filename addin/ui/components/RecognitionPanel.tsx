/**
 * The recognition of training records (archive.md §2), per record: after submitting as the server
 * decided it for the current version (RecognitionPanel), and in the preview as the pane matched the
 * workbook against the bureau's catalogue (PreviewRecognitionPanel). How many of each status, then
 * the records to check — their row, course, hours recorded and counted, status, the likely entry and
 * a reviewer's reason — and, closed, those recognised.
 */
import type { RecordRecognition, SubmissionRecognition } from '../../../shared/api/catalogue.js';
import { SHEETS } from '../../../shared/contract/sheets.js';
import { RECOGNITION_STATUSES } from '../../../shared/recognition/types.js';
import type { Messages } from '../messages.js';
import type { PreviewRecognition, PreviewRecordRecognition } from '../recognition-preview.js';
import { usePane } from './context.js';

/** Records listed at once; the bureau's recognition queue has them all. */
const LISTED = 200;
/** With more records to check than this, their list starts closed. */
const OPEN_BELOW = 10;

type Listed = RecordRecognition & Partial<Pick<PreviewRecordRecognition, 'pendingList' | 'likelyCourse'>>;

/** Whether the clerk has something to look at: anything but a plain 已认定. */
const toCheck = (r: Listed) => r.status !== 'recognized' || r.pendingList === true;

function RecognitionCard({ r, m }: { r: Listed; m: Messages }) {
  const pending = r.pendingList === true;
  const tone = r.status === 'recognized' && !pending ? 'pass' : r.status === 'unmatched' || pending ? 'warn' : 'fail';
  return (
    <li
      class={`recognition-card ${r.status}`}
      data-status={r.status}
      data-row={r.row}
      data-pending-list={pending ? 'true' : 'false'}
    >
      <div class="teacher-head">
        <span class="place">{m.recognitionRow(SHEETS.trainings.name, r.row)}</span>
        <span class={`badge ${tone}`}>{pending ? m.pendingList : m.recognitionStatus[r.status]}</span>
      </div>
      <p class="reason">
        <span class="user-text">{r.course}</span>
        {m.recognitionDates(r.startDate, r.endDate)}
        {m.recognitionHours(r.hours, r.countedHours)}
      </p>
      {pending ? <p class="reason muted">{m.pendingListNote}</p> : null}
      {r.basis === 'code_unknown' ? <p class="reason muted">{m.recognitionBasis.code_unknown}</p> : null}
      {r.likely ? (
        <p class="reason likely" data-likely={r.likely}>
          {m.recognitionLikely(r.likely)}
          {r.likelyCourse ? <span class="user-text">{r.likelyCourse}</span> : null}
        </p>
      ) : null}
      {r.reason ? <p class="reason user-text">{m.recognitionReason(r.reason)}</p> : null}
    </li>
  );
}

function RecognitionList({ records, m }: { records: readonly Listed[]; m: Messages }) {
  const open = records.filter(toCheck);
  const done = records.filter((r) => !toCheck(r));
  return (
    <>
      {open.length === 0 ? <p class="status ok">{m.allRecognized}</p> : null}
      <details class="group to-check" open={open.length <= OPEN_BELOW} hidden={open.length === 0}>
        <summary>{m.recognitionToCheck(open.length)}</summary>
        <ul class="recognition-list">
          {open.slice(0, LISTED).map((r) => (
            <RecognitionCard key={r.row} r={r} m={m} />
          ))}
        </ul>
      </details>
      <details class="group recognized" hidden={done.length === 0}>
        <summary>{m.recognizedRecords(done.length)}</summary>
        <ul class="recognition-list">
          {done.slice(0, LISTED).map((r) => (
            <RecognitionCard key={r.row} r={r} m={m} />
          ))}
        </ul>
      </details>
    </>
  );
}

function tallyOf(value: SubmissionRecognition | PreviewRecognition, m: Messages): string[] {
  const tally = RECOGNITION_STATUSES.filter((s) => value.counts[s] > 0).map((s) =>
    m.recognitionCount(s, value.counts[s]),
  );
  if ('pendingList' in value && value.pendingList > 0) tally.push(m.pendingListCount(value.pendingList));
  return tally;
}

/** After submitting: the current version's recognition, as the server stored it. */
export function RecognitionPanel() {
  const { t, recognition } = usePane();
  const current = recognition.value;
  if (!current || current.value.mode === 'off' || current.value.records.length === 0) return null;
  const m = t.value;
  return (
    <div id="recognition" class="recognition" data-version={current.version}>
      <h3>{m.recognitionTitle(current.version)}</h3>
      <p class="muted">{m.recognitionSummary(tallyOf(current.value, m), m.recognitionMode[current.value.mode])}</p>
      <RecognitionList records={current.value.records} m={m} />
    </div>
  );
}

/** In the preview (connected): the workbook's records against the bureau's catalogue. */
export function PreviewRecognitionPanel({ value, m }: { value: PreviewRecognition; m: Messages }) {
  if (value.mode === 'off') return null;
  return (
    <div id="preview-recognition" class="recognition" data-records={value.records.length}>
      <h3>{m.recognitionPreviewTitle}</h3>
      {value.records.length === 0 ? (
        <p class="muted">{m.noCatalogue}</p>
      ) : (
        <>
          <p class="muted">{m.recognitionSummary(tallyOf(value, m), m.recognitionMode[value.mode])}</p>
          <RecognitionList records={value.records} m={m} />
        </>
      )}
    </div>
  );
}
