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

export const RETRY_DEFAULTS = { maxAttempts: 3, timeoutMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 } as const;

/**
 * The wait after attempt `attempt` (1-based): half of the exponential step plus a random half, so
 * the waits grow and spread. `retryAfterMs` (the server's ask) is a floor.
 */
export function backoffDelay(
  attempt: number,
  retryAfterMs: number | null,
  { baseDelayMs, maxDelayMs, random }: { baseDelayMs: number; maxDelayMs: number; random: () => number },
): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After in seconds or as an HTTP date, in milliseconds; null when absent or unreadable. */
export function retryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
