/**
 * One logical call to the API, however many attempts it takes: every outcome becomes a value (the
 * body, or a failure with a stable code from shared/api/errors.ts), never an exception, so that the
 * pane, the dashboard and the CLI branch on the same codes.
 */
import type { ClientResponse } from 'hono/client';
import type { ApiErrorBody, ErrorCode } from '../shared/api/errors.js';
import { clientMessage } from './messages.js';
import { backoffDelay, defaultSleep, RETRY_DEFAULTS, type RetryOptions, retryAfter } from './retry.js';

/** What the user can do about a failure: wait and retry, sign in again, reload, or fix the request. */
export type FailureKind = 'network' | 'server' | 'auth' | 'conflict' | 'rejected';

export interface ApiFailure {
  ok: false;
  kind: FailureKind;
  /** HTTP status of the last answer; null when no answer came. */
  status: number | null;
  code: ErrorCode;
  /** Chinese, for the user: the worker's own message when it answered in its error shape. */
  message: string;
  messageEn: string;
  /** The worker's `details` for codes that define them (shared/api/errors.ts). */
  details?: unknown;
  /** The wait the server asked for (Retry-After), in ms; null when it asked none. */
  retryAfterMs: number | null;
  attempts: number;
}

export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

/** What `call` and `download` answer: an ApiResult that also says how many attempts it took. */
export type Sent<T> = { ok: true; value: T; attempts: number } | ApiFailure;

/** hc's per-call options for one attempt: the attempt's abort signal (its timeout and the caller's). */
export interface AttemptOptions {
  init: { signal: AbortSignal };
}

export interface CallOptions extends RetryOptions {
  /**
   * True when sending the same request twice does no harm (reads; a submission under its
   * Idempotency-Key): network errors, timeouts and every 5xx are retried then. Other writes are
   * retried only on 429 and 503, the answers that say the request was not carried out.
   */
  idempotent?: boolean;
  signal?: AbortSignal;
  /** Checks a 2xx body before it counts as success; false makes it `response.invalid`. */
  accept?: (body: unknown) => boolean;
  /** Called on a 401 (a revoked or expired token), e.g. to sign out. */
  onUnauthorized?: () => void;
}

/** The parts of an answer the client reads; both fetch's Response and hc's ClientResponse have them. */
type Answer = Pick<Response, 'ok' | 'status' | 'statusText' | 'headers' | 'text' | 'blob'>;

/** A file the API answered with (an export), and the name it suggests. */
export interface Download {
  blob: Blob;
  /** From Content-Disposition; null when the answer names none. */
  filename: string | null;
}

type Outcome<T> = { ok: true; value: T } | Omit<ApiFailure, 'attempts'>;

const INVALID = Symbol('invalid');

/** A JSON call through the typed routes: `call((o) => api(conn).health.$get(undefined, o))`. */
export function call<T>(
  send: (attempt: AttemptOptions) => Promise<ClientResponse<T>>,
  options: CallOptions = {},
): Promise<Sent<T>> {
  const read = async (res: Answer): Promise<T | typeof INVALID> => {
    const body = parseJson(await res.text());
    if (body === INVALID || body === null || (options.accept && !options.accept(body))) return INVALID;
    return body as T;
  };
  return withRetries(send, read, { idempotent: true, ...options });
}

/** A file download (the exports): the bytes and their suggested name, with the token in a header, never in a URL. */
export function download(
  send: (attempt: AttemptOptions) => Promise<Answer>,
  options: CallOptions = {},
): Promise<Sent<Download>> {
  const read = async (res: Answer): Promise<Download> => ({
    blob: await res.blob(),
    filename: filenameOf(res.headers.get('content-disposition')),
  });
  return withRetries(send, read, { idempotent: true, ...options });
}

async function withRetries<T>(
  send: (attempt: AttemptOptions) => Promise<Answer>,
  read: (res: Answer) => Promise<T | typeof INVALID>,
  options: CallOptions,
): Promise<Sent<T>> {
  const {
    maxAttempts = RETRY_DEFAULTS.maxAttempts,
    timeoutMs = RETRY_DEFAULTS.timeoutMs,
    baseDelayMs = RETRY_DEFAULTS.baseDelayMs,
    maxDelayMs = RETRY_DEFAULTS.maxDelayMs,
    sleep = defaultSleep,
    random = Math.random,
    idempotent = true,
    signal,
  } = options;
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptOnce(send, read, timeoutMs, signal);
    if (outcome.ok) return { ...outcome, attempts: attempt };
    const failure: ApiFailure = { ...outcome, attempts: attempt };
    if (failure.status === 401) options.onUnauthorized?.();
    if (!retryable(failure, idempotent) || attempt >= maxAttempts || signal?.aborted) return failure;
    const delayMs = backoffDelay(attempt, failure.retryAfterMs, { baseDelayMs, maxDelayMs, random });
    // A server that asks for a longer wait than we keep a person waiting: say so rather than retry early.
    if (delayMs > maxDelayMs) return failure;
    options.onRetry?.({ attempt, delayMs, reason: failure.code });
    await sleep(delayMs);
  }
}

function retryable(f: ApiFailure, idempotent: boolean): boolean {
  if (f.code === 'network.aborted') return false;
  if (f.status === 429 || f.status === 503) return true;
  if (!idempotent) return false;
  return f.kind === 'network' || f.kind === 'server';
}

async function attemptOnce<T>(
  send: (attempt: AttemptOptions) => Promise<Answer>,
  read: (res: Answer) => Promise<T | typeof INVALID>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Outcome<T>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // The answer and its body both count against the timeout, also for a send that ignores the signal.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
  // Each race below handles the rejection; this marks it handled between them too (no unhandled-rejection warning).
  aborted.catch(() => undefined);
  try {
    const res = await Promise.race([send({ init: { signal: controller.signal } }), aborted]);
    if (!res.ok) return await Promise.race([failureOf(res), aborted]);
    const value = await Promise.race([read(res), aborted]);
    if (value === INVALID) return { ...failure('response.invalid', res.status), kind: 'server' };
    return { ok: true, value };
  } catch (e) {
    if (signal?.aborted) return { ...failure('network.aborted', null), kind: 'network' };
    if (timedOut) return { ...failure('network.timeout', null, { timeoutMs }), kind: 'network' };
    return {
      ...failure('network.unreachable', null, { cause: e instanceof Error ? e.message : String(e) }),
      kind: 'network',
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function failure(
  code: Parameters<typeof clientMessage>[0],
  status: number | null,
  detail: Parameters<typeof clientMessage>[1] = {},
): Omit<ApiFailure, 'attempts' | 'kind'> {
  return { ok: false, status, code, ...clientMessage(code, detail), retryAfterMs: null };
}

/** A non-2xx answer: the worker's error shape when it is one, else its status (a proxy's HTML page). */
async function failureOf(res: Answer): Promise<Omit<ApiFailure, 'attempts'>> {
  const body = parseJson(await res.text());
  const error = body !== INVALID ? (body as Partial<ApiErrorBody> | null)?.error : undefined;
  const base =
    error && typeof error.code === 'string' && typeof error.message === 'string'
      ? {
          ok: false as const,
          status: res.status,
          code: error.code,
          message: error.message,
          messageEn: typeof error.messageEn === 'string' ? error.messageEn : error.message,
          ...(error.details !== undefined ? { details: error.details } : {}),
          retryAfterMs: null,
        }
      : failure(`http.${res.status}`, res.status, { statusText: res.statusText });
  return { ...base, kind: kindOf(res.status), retryAfterMs: retryAfter(res.headers.get('retry-after')) };
}

function kindOf(status: number): FailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429 || status >= 500) return 'server';
  return 'rejected';
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON (a proxy's HTML page, a cut body): the caller reports it by status or as response.invalid.
    return INVALID;
  }
}

/** `attachment; filename="a.csv"; filename*=UTF-8''%E6%95%99.csv` → the UTF-8 name when given. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed escape: fall back to the plain filename parameter below.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}
