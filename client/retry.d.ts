/**
 * When and how long a client waits before trying a call again: exponential backoff with jitter (so
 * that 300 schools cut off by the same outage do not all come back in the same second), never
 * sooner than the server's Retry-After.
 */
export interface RetryOptions {
    /** Attempts in all, the first included. */
    maxAttempts?: number;
    /** How long one attempt may wait for the answer's headers and body. */
    timeoutMs?: number;
    baseDelayMs?: number;
    /** The longest wait between attempts; a Retry-After beyond it ends the retries instead. */
    maxDelayMs?: number;
    /** Called before each wait, e.g. to show "retrying in 4 s". */
    onRetry?: (info: RetryInfo) => void;
    /** Seams for tests. */
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
}
export interface RetryInfo {
    /** The attempt that just failed (1 = the first). */
    attempt: number;
    delayMs: number;
    /** The failure's code, e.g. `network.unreachable` or `rate_limited`. */
    reason: string;
}
export declare const RETRY_DEFAULTS: {
    readonly maxAttempts: 3;
    readonly timeoutMs: 60000;
    readonly baseDelayMs: 500;
    readonly maxDelayMs: 30000;
};
/**
 * The wait after attempt `attempt` (1-based): half of the exponential step plus a random half, so
 * the waits grow and spread. `retryAfterMs` (the server's ask) is a floor.
 */
export declare function backoffDelay(attempt: number, retryAfterMs: number | null, { baseDelayMs, maxDelayMs, random }: {
    baseDelayMs: number;
    maxDelayMs: number;
    random: () => number;
}): number;
/** Retry-After in seconds or as an HTTP date, in milliseconds; null when absent or unreadable. */
export declare function retryAfter(value: string | null, now?: number): number | null;
export declare function defaultSleep(ms: number): Promise<void>;
