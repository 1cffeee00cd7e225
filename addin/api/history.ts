/**
 * The teachers' history for a preview (archive.md §1): the one call the pane and `check --server`
 * make. It asks the worker for the roster's records in the bureau's other ledgers (the IDs travel
 * in the body) and returns the record set that the shared buildRecordSet makes of them — the very
 * set the worker evaluates when the workbook is submitted, so the verdicts agree.
 */
import type { HistoryResponse } from '../../shared/api/history.js';
import { buildRecordSet, rosterIds, type RecordSet } from '../../shared/history/index.js';
import type { Records } from '../../shared/records.js';
import { api, call, type ApiResult, type Connection } from './client.js';

export interface RecordSetWithHistory {
  set: RecordSet;
  /** The token's school, whose own ledger of the year the history leaves out. */
  school: HistoryResponse['school'];
}

/**
 * The record set of `records` for `year` with the server's history; the failure is the worker's
 * error (or network.unreachable, or response.invalid for an answer that does not fit the roster).
 * Evaluate it with evaluateCompliance(set, policy, { year, asOf }).
 */
export async function fetchRecordSet(conn: Connection, records: Records, year: number): Promise<ApiResult<RecordSetWithHistory>> {
  const ids = rosterIds(records);
  const answer = await call(() => api(conn).history.$post({ json: { year, ids } }));
  if (!answer.ok) return answer;
  const history = answer.value;
  if (!Array.isArray(history.teachers) || history.teachers.length !== ids.length || !Array.isArray(history.sources)) {
    return { ok: false, status: 200, code: 'response.invalid', message: 'the history does not answer one entry per roster teacher' };
  }
  return { ok: true, value: { set: buildRecordSet(records, year, history), school: history.school } };
}
