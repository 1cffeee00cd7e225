/** The one client of the Shixun API, for the task pane, the bureau dashboard and the CLI. */
export {
  type ApiFailure,
  type ApiResult,
  type AttemptOptions,
  type CallOptions,
  call,
  type Download,
  download,
  type FailureKind,
  filenameOf,
  type Sent,
} from './call.js';
export { type ClientOptions, createClient, type ExportFormat, type Scope, type ShixunClient } from './client.js';
export { fetchHistory, fetchRecordSet, type RecordSetWithHistory } from './history.js';
export { type ClientMessage, clientMessage } from './messages.js';
export { backoffDelay, RETRY_DEFAULTS, type RetryInfo, type RetryOptions, retryAfter } from './retry.js';
export { api, type Connection, type Routes } from './routes.js';
export {
  contentHash,
  gzip,
  newIdempotencyKey,
  type PreparedBody,
  prepareBody,
  type SubmitInput,
  type SubmitOptions,
  type SubmitResult,
  submissionRequest,
  submitOver,
  submitWorkbook,
} from './submit.js';
