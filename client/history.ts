/**
 * The teachers' history for a preview (archive.md §1): the one call the pane and `check --server`
 * make before evaluating. It asks the worker for the roster's records in the bureau's other ledgers
 * (the IDs travel in the body, never in a URL) and returns the record set that the shared
 * buildRecordSet makes of them — the very set the worker evaluates when the workbook is submitted,
 * so that preview, CLI and server give the same verdict.
 */
import type { HistoryResponse } from '../shared/api/history.js';
import { buildRecordSet, type RecordSet, rosterIds } from '../shared/history/index.js';
import type { Records } from '../shared/records.js';
import { type ApiResult, type CallOptions, call } from './call.js';
import { api, type Connection } from './routes.js';

export interface RecordSetWithHistory {
  set: RecordSet;
  /** The token's school, whose own ledger of the year the history leaves out. */
  school: HistoryResponse['school'];
}

/** An answer with one history per roster teacher, as buildRecordSet needs it. */
const fits =
  (ids: readonly string[]) =>
  (body: unknown): boolean => {
    const h = body as Partial<HistoryResponse> | null;
    return (
      typeof h === 'object' &&
      h !== null &&
      Array.isArray(h.sources) &&
      Array.isArray(h.teachers) &&
      h.teachers.length === ids.length
    );
  };

/**
 * The record set of a workbook's valid records for `year`, with the server's history (a read:
 * retried like every read). Evaluate it with evaluateCompliance(set, policy, { year, asOf }).
 * A failure is the client's ApiFailure: the worker's code, network.*, or response.invalid for an
 * answer that does not fit the roster.
 */
export async function fetchRecordSet(
  conn: Connection,
  records: Records,
  year: number,
  options: CallOptions = {},
): Promise<ApiResult<RecordSetWithHistory>> {
  const ids = rosterIds(records);
  const routes = api(conn);
  // A POST that only reads: sending it twice does no harm.
  const answer = await call((o) => routes.history.$post({ json: { year, ids } }, o), {
    ...options,
    idempotent: true,
    accept: fits(ids),
  });
  if (!answer.ok) return answer;
  return { ok: true, value: { set: buildRecordSet(records, year, answer.value), school: answer.value.school } };
}
