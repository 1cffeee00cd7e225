/**
 * The recognition of the current version's training records (archive.md §2), as the server
 * decided it: how many of each status, then every record not simply recognised — its row, course,
 * hours recorded and counted, its status and a reviewer's reason — so the clerk knows what to check.
 */
import { SHEETS } from '../../../shared/contract/sheets.js';
import { RECOGNITION_STATUSES } from '../../../shared/recognition/types.js';
import { usePane } from './context.js';

/** Records listed at once; the bureau's recognition queue has them all. */
const LISTED = 200;
/** With more records to check than this, their list starts closed. */
const OPEN_BELOW = 10;

export function RecognitionPanel() {
  const { t, recognition } = usePane();
  const current = recognition.value;
  if (!current || current.value.mode === 'off' || current.value.records.length === 0) return null;
  const m = t.value;
  const { counts, records, mode } = current.value;
  const open = records.filter((r) => r.status !== 'recognized');
  const tally = RECOGNITION_STATUSES.filter((s) => counts[s] > 0).map((s) => m.recognitionCount(s, counts[s]));
  return (
    <div id="recognition" class="recognition" data-version={current.version}>
      <h3>{m.recognitionTitle(current.version)}</h3>
      <p class="muted">{m.recognitionSummary(tally, m.recognitionMode[mode])}</p>
      {open.length === 0 ? <p class="status ok">{m.allRecognized}</p> : null}
      <details class="group" open={open.length <= OPEN_BELOW} hidden={open.length === 0}>
        <summary>{m.recognitionToCheck(open.length)}</summary>
        <ul class="recognition-list">
          {open.slice(0, LISTED).map((r) => (
            <li key={r.row} class={`recognition-card ${r.status}`} data-status={r.status} data-row={r.row}>
              <div class="teacher-head">
                <span class="place">{m.recognitionRow(SHEETS.trainings.name, r.row)}</span>
                <span class={`badge ${r.status === 'unmatched' ? 'warn' : 'fail'}`}>
                  {m.recognitionStatus[r.status]}
                </span>
              </div>
              <p class="reason">
                <span class="user-text">{r.course}</span>
                {m.recognitionDates(r.startDate, r.endDate)}
                {m.recognitionHours(r.hours, r.countedHours)}
              </p>
              {r.reason ? <p class="reason user-text">{m.recognitionReason(r.reason)}</p> : null}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
