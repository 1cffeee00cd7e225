/**
 * The submit client shared by the task pane, the standalone page and the CLI (browser and Node 20:
 * fetch, CompressionStream, crypto.randomUUID only).
 *
 * One submission is one Idempotency-Key, kept across every retry, so the worker stores it at most
 * once however many times the network drops an answer. Network errors, timeouts, 5xx and 429 are
 * retried with exponential backoff and jitter (429 and 503 honour Retry-After); any other 4xx is an
 * answer, never retried.
 */
import type { ApiErrorBody, SubmissionInvalidDetails } from '../../shared/api/errors.js';
import type { SubmissionReceipt, SubmissionSummary } from '../../shared/api/responses.js';
import type { SubmissionRequest } from '../../shared/api/submission.js';
import type { Finding } from '../../shared/contract/codes.js';
import { encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import type { ComplianceReport } from '../../shared/policy/types.js';

export const SUBMISSIONS_PATH = '/api/v1/submissions';

export interface SubmitOptions {
  /** The worker's origin, e.g. http://localhost:8787. */
  server: string;
  token: string;
  year: number;
  /** The recognized sheets only: nothing else of the clerk's workbook leaves the machine. */
  workbook: WorkbookGrid;
  /** The version the clerk started from, when known: a newer one on the server turns into `conflict`. */
  ifMatch?: number;
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  timeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Called before each retry, e.g. to show "retrying in 4 s". */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** Seams for tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  idempotencyKey?: string;
}

export type SubmitFailureKind = 'rejected' | 'network' | 'server' | 'auth' | 'conflict';

export interface SubmitError {
  /** The worker's stable error code, or `network.*` for failures before any answer. */
  code: string;
  message: string;
}

export type SubmitResult =
  | {
      ok: true;
      /** True when the server already had exactly these records as its current version: nothing was stored. */
      unchanged: boolean;
      receipt: SubmissionSummary;
      compliance: ComplianceReport;
      idempotencyKey: string;
      attempts: number;
    }
  | {
      ok: false;
      kind: SubmitFailureKind;
      /** HTTP status of the last answer; null when no answer came. */
      status: number | null;
      error: SubmitError;
      /** The worker's findings when it rejected the workbook (the same ones validate prints). */
      findings?: Finding[];
      idempotencyKey: string;
      attempts: number;
    };

const DEFAULTS = { maxAttempts: 5, timeoutMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

type Attempt =
  | { done: true; result: SubmitResult }
  | { done: false; kind: 'network' | 'server'; status: number | null; error: SubmitError; retryAfterMs: number | null };

export async function submitWorkbook(opts: SubmitOptions): Promise<SubmitResult> {
  const {
    maxAttempts = DEFAULTS.maxAttempts,
    timeoutMs = DEFAULTS.timeoutMs,
    baseDelayMs = DEFAULTS.baseDelayMs,
    maxDelayMs = DEFAULTS.maxDelayMs,
    sleep = defaultSleep,
    random = Math.random,
    idempotencyKey = newIdempotencyKey(),
  } = opts;
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const body: SubmissionRequest = { year: opts.year, workbook: encodeWorkbook(opts.workbook) };
  // Compressed once: every retry sends the very same bytes under the same key.
  const gzipped = await gzip(JSON.stringify(body));
  const headers: Record<string, string> = {
    authorization: `Bearer ${opts.token}`,
    'content-type': 'application/json',
    'content-encoding': 'gzip',
    'idempotency-key': idempotencyKey,
  };
  if (opts.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
  const url = new URL(SUBMISSIONS_PATH, opts.server).toString();

  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(doFetch, url, headers, gzipped, timeoutMs, opts.signal, idempotencyKey, attempt);
    if (outcome.done) return outcome.result;
    if (attempt >= maxAttempts || opts.signal?.aborted) {
      return { ok: false, kind: outcome.kind, status: outcome.status, error: outcome.error, idempotencyKey, attempts: attempt };
    }
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    const jittered = backoff / 2 + random() * (backoff / 2);
    const delayMs = Math.min(maxDelayMs, Math.max(jittered, outcome.retryAfterMs ?? 0));
    opts.onRetry?.({ attempt, delayMs, reason: outcome.error.code });
    await sleep(delayMs);
  }
}

async function attemptOnce(
  doFetch: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: Uint8Array<ArrayBuffer>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  idempotencyKey: string,
  attempts: number,
): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  let res: Response;
  try {
    res = await doFetch(url, { method: 'POST', headers, body, signal: controller.signal });
  } catch (e) {
    const timedOut = controller.signal.aborted && !signal?.aborted;
    return {
      done: false,
      kind: 'network',
      status: null,
      error: {
        code: timedOut ? 'network.timeout' : 'network.unreachable',
        message: timedOut ? `no answer within ${timeoutMs / 1000} s` : e instanceof Error ? e.message : String(e),
      },
      retryAfterMs: null,
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  const payload = await readJson(res);
  if (res.ok) {
    const receipt = payload as SubmissionReceipt | null;
    if (receipt?.submission && receipt.compliance) {
      return {
        done: true,
        result: { ok: true, unchanged: receipt.outcome === 'unchanged', receipt: receipt.submission, compliance: receipt.compliance, idempotencyKey, attempts },
      };
    }
    return { done: false, kind: 'server', status: res.status, error: { code: 'response.invalid', message: 'the server answered without a receipt' }, retryAfterMs: null };
  }
  const error = apiError(payload, res);
  if (res.status === 429 || res.status >= 500) {
    return { done: false, kind: 'server', status: res.status, error, retryAfterMs: retryAfter(res.headers.get('retry-after')) };
  }
  const failure = { ok: false as const, status: res.status, error, idempotencyKey, attempts };
  if (res.status === 401 || res.status === 403) return { done: true, result: { ...failure, kind: 'auth' } };
  if (res.status === 409 || res.status === 412) return { done: true, result: { ...failure, kind: 'conflict' } };
  const findings = (payload as ApiErrorBody | null)?.error?.code === 'submission.invalid'
    ? ((payload as ApiErrorBody).error.details as SubmissionInvalidDetails | undefined)?.findings
    : undefined;
  return { done: true, result: { ...failure, kind: 'rejected', ...(findings ? { findings } : {}) } };
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a proxy's HTML error page): the status alone describes it, see apiError.
    return null;
  }
}

function apiError(payload: unknown, res: Response): SubmitError {
  const e = (payload as Partial<ApiErrorBody> | null)?.error;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  return { code: `http.${res.status}`, message: `HTTP ${res.status} ${res.statusText}`.trim() };
}

/** Retry-After in seconds or as an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
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

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
