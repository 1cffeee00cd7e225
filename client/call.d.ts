/**
 * One logical call to the API, however many attempts it takes: every outcome becomes a value (the
 * body, or a failure with a stable code from shared/api/errors.ts), never an exception, so that the
 * pane, the dashboard and the CLI branch on the same codes.
 */
import type { ClientResponse } from 'hono/client';
import type { ErrorCode } from '../shared/api/errors.js';
import { type RetryOptions } from './retry.js';
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
export type ApiResult<T> = {
    ok: true;
    value: T;
} | ApiFailure;
/** What `call` and `download` answer: an ApiResult that also says how many attempts it took. */
export type Sent<T> = {
    ok: true;
    value: T;
    attempts: number;
} | ApiFailure;
/** hc's per-call options for one attempt: the attempt's abort signal (its timeout and the caller's). */
export interface AttemptOptions {
    init: {
        signal: AbortSignal;
    };
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
/** A JSON call through the typed routes: `call((o) => api(conn).health.$get(undefined, o))`. */
export declare function call<T>(send: (attempt: AttemptOptions) => Promise<ClientResponse<T>>, options?: CallOptions): Promise<Sent<T>>;
/** A file download (the exports): the bytes and their suggested name, with the token in a header, never in a URL. */
export declare function download(send: (attempt: AttemptOptions) => Promise<Answer>, options?: CallOptions): Promise<Sent<Download>>;
/** `attachment; filename="a.csv"; filename*=UTF-8''%E6%95%99.csv` → the UTF-8 name when given. */
export declare function filenameOf(disposition: string | null): string | null;
export {};
