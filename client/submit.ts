/**
 * A clerk's submission, for the task pane, the standalone page and the CLI (browser and Node 20:
 * fetch, CompressionStream, crypto.getRandomValues only).
 *
 * One submission is one Idempotency-Key, kept across every retry, so the worker stores it at most
 * once however many times the network drops an answer; that makes it safe to retry network
 * errors, timeouts and every 5xx as well as 429 (Retry-After honoured). Any other 4xx is an answer,
 * never retried. The body goes through the typed route as JSON and is gzipped on the way out by a
 * custom fetch, compressed once: every retry sends the very same bytes.
 */

import type { SubmissionRecognition } from '../shared/api/catalogue.js';
import { recordsContent } from '../shared/api/content.js';
import type { SubmissionInvalidDetails } from '../shared/api/errors.js';
import type { SubmissionReceipt, SubmissionSummary } from '../shared/api/responses.js';
import type { SubmissionRequest } from '../shared/api/submission.js';
import type { Finding } from '../shared/contract/codes.js';
import { encodeWorkbook, type WorkbookGrid } from '../shared/grid.js';
import type { ComplianceReport } from '../shared/policy/types.js';
import type { Records } from '../shared/records.js';
import { type ApiFailure, type CallOptions, call } from './call.js';
import type { RetryOptions } from './retry.js';
import { api, type Connection } from './routes.js';

/**
 * A submission's body made ahead by prepareBody, where the cells are (the pane's Web Worker holds
 * them; the page never does): the very bytes submitOver would send for the same year and grid.
 */
export interface PreparedBody {
  /** gzip of the JSON text of submissionRequest(year, workbook). */
  gzip: Uint8Array<ArrayBuffer>;
}

export interface SubmitInput {
  year: number;
  /**
   * The recognized sheets only: nothing else of the clerk's workbook leaves the machine. Or their
   * body made by prepareBody with this same year.
   */
  workbook: WorkbookGrid | PreparedBody;
  /** The version the clerk started from, when known: a newer one on the server turns into `conflict`. */
  ifMatch?: number;
  /** Given when the clerk retries a submission that failed: the same key and the same cells. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Everything one submission needs, for callers without a client at hand (the CLI, the pane). */
export interface SubmitOptions extends SubmitInput, RetryOptions {
  /** The worker's origin, e.g. http://localhost:8787. */
  server: string;
  token: string;
  /** A seam for tests: it sees the gzipped request. */
  fetch?: typeof fetch;
}

export type SubmitResult =
  | {
      ok: true;
      /** True when the server already had exactly these records as its current version: nothing was stored. */
      unchanged: boolean;
      receipt: SubmissionSummary;
      compliance: ComplianceReport;
      /** Each 区级-or-higher record's recognition against the bureau's catalogue. */
      recognition: SubmissionRecognition;
      idempotencyKey: string;
      attempts: number;
    }
  | (ApiFailure & {
      /** The worker's findings when it rejected the workbook (the same ones validate prints). */
      findings?: Finding[];
      idempotencyKey: string;
    });

/** Five attempts: a submission near the deadline is worth waiting for. */
const SUBMIT_ATTEMPTS = 5;

export async function submitWorkbook(opts: SubmitOptions): Promise<SubmitResult> {
  const { server, token, fetch, year, workbook, ifMatch, idempotencyKey, signal, ...retry } = opts;
  return submitOver(
    { server, token, ...(fetch ? { fetch } : {}) },
    { year, workbook, ifMatch, idempotencyKey, signal },
    retry,
  );
}

/** The submission over one connection (createClient's `submissions.submit`). */
export async function submitOver(
  conn: Connection,
  input: SubmitInput,
  retry: RetryOptions = {},
): Promise<SubmitResult> {
  const idempotencyKey = input.idempotencyKey ?? newIdempotencyKey();
  const { workbook } = input;
  const prepared = 'gzip' in workbook ? workbook.gzip : null;
  const routes = api({ ...conn, fetch: gzipFetch(conn.fetch ?? ((...args) => globalThis.fetch(...args))) });
  const headers: Record<string, string> = { 'idempotency-key': idempotencyKey };
  if (input.ifMatch !== undefined) headers['if-match'] = `"${input.ifMatch}"`;
  // A prepared body goes as it is, under the headers hc and gzipFetch give a JSON body.
  if (prepared) Object.assign(headers, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  const args = prepared ? (undefined as never) : { json: submissionRequest(input.year, workbook as WorkbookGrid) };
  const options: CallOptions = {
    maxAttempts: SUBMIT_ATTEMPTS,
    ...retry,
    idempotent: true,
    ...(input.signal ? { signal: input.signal } : {}),
    accept: (b) => isReceipt(b),
  };
  const result = await call(
    (attempt) =>
      routes.submissions.$post(args, {
        init: prepared ? { ...attempt.init, body: prepared } : attempt.init,
        headers,
      }),
    options,
  );
  if (result.ok) {
    const receipt = result.value as SubmissionReceipt;
    return {
      ok: true,
      unchanged: receipt.outcome === 'unchanged',
      receipt: receipt.submission,
      compliance: receipt.compliance,
      recognition: receipt.recognition,
      idempotencyKey,
      attempts: result.attempts,
    };
  }
  const findings =
    result.code === 'submission.invalid'
      ? (result.details as SubmissionInvalidDetails | undefined)?.findings
      : undefined;
  return { ...result, idempotencyKey, ...(findings ? { findings } : {}) };
}

/** The request body of a submission: hc sends it as JSON.stringify of this object. */
export function submissionRequest(year: number, workbook: WorkbookGrid): SubmissionRequest {
  return { year, workbook: encodeWorkbook(workbook) };
}

/** The body submitOver sends for `year` and `workbook`, made ahead (in the pane's Web Worker). */
export async function prepareBody(year: number, workbook: WorkbookGrid): Promise<PreparedBody> {
  return { gzip: await gzip(JSON.stringify(submissionRequest(year, workbook))) };
}

/**
 * The contentHash the worker records for a submission of these validated records, so a client can
 * tell content identical to the current version before sending it.
 */
export async function contentHash(records: Records): Promise<string> {
  const text = recordsContent(records);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isReceipt(body: unknown): boolean {
  const r = body as Partial<SubmissionReceipt> | null;
  return typeof r === 'object' && r !== null && typeof r.submission === 'object' && typeof r.compliance === 'object';
}

/**
 * A fetch that gzips the JSON body hc made, remembering the last text it compressed: the retries of
 * one submission cost no second compression and carry identical bytes.
 */
function gzipFetch(inner: typeof fetch): typeof fetch {
  let last: { text: string; bytes: Uint8Array<ArrayBuffer> } | null = null;
  return async (input, init) => {
    if (typeof init?.body !== 'string') return inner(input, init);
    const text = init.body;
    if (last?.text !== text) last = { text, bytes: await gzip(text) };
    const headers = new Headers(init.headers);
    headers.set('content-encoding', 'gzip');
    return inner(input, { ...init, headers, body: last.bytes });
  };
}

export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A v4 UUID. crypto.randomUUID exists only in secure contexts; a page served over plain http from a
 * school's intranet still has getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
