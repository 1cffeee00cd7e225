/**
 * A per-token flood limit kept in the isolate's memory: a fixed one-minute window. It protects the
 * one D1 database from a runaway client, not from an attacker (each isolate counts on its own).
 */
import type { Env } from '../env.js';
import { ApiError } from '../errors.js';

const WINDOW_MS = 60_000;
const windows = new Map<string, { start: number; count: number }>();

export function checkRate(tokenId: string, env: Env, now: number): void {
  const limit = Number(env.RATE_LIMIT_PER_MINUTE ?? 1200);
  let w = windows.get(tokenId);
  if (!w || now - w.start >= WINDOW_MS) {
    if (windows.size > 10_000) windows.clear();
    w = { start: now, count: 0 };
    windows.set(tokenId, w);
  }
  w.count++;
  if (w.count > limit) {
    const retryAfter = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
    throw new ApiError(
      429,
      'rate_limited',
      `请求过于频繁，请 ${retryAfter} 秒后重试`,
      `Too many requests; retry in ${retryAfter} s`,
      { retryAfter },
      { 'Retry-After': String(retryAfter) },
    );
  }
}
