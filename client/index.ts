/** The one client of the Shixun API, for the task pane, the bureau dashboard and the CLI. */
export { call, download, filenameOf, type ApiFailure, type ApiResult, type AttemptOptions, type CallOptions, type Download, type FailureKind, type Sent } from './call.js';
export { createClient, type ClientOptions, type ExportFormat, type Scope, type ShixunClient } from './client.js';
export { clientMessage, type ClientMessage } from './messages.js';
export { backoffDelay, retryAfter, RETRY_DEFAULTS, type RetryInfo, type RetryOptions } from './retry.js';
export { fetchHistory, fetchRecordSet, type RecordSetWithHistory } from './history.js';
export { api, type Connection, type Routes } from './routes.js';
export {
  gzip,
  newIdempotencyKey,
  submissionRequest,
  submitOver,
  submitWorkbook,
  type SubmitInput,
  type SubmitOptions,
  type SubmitResult,
} from './submit.js';
