/**
 * Shared by the fault, security and fuzz tests: the API's routes as the app itself lists them, row
 * counts of every table (to prove a refused request wrote nothing), and the error-shape check.
 */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api/errors.js';
import type { TestApp } from './helpers.js';

/** Every code of shared/api/errors.ts: a response outside this list is not a stable code. */
export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  'auth.missing_token',
  'auth.invalid_token',
  'auth.revoked_token',
  'auth.expired_token',
  'auth.forbidden',
  'config.missing_secret',
  'request.too_large',
  'request.invalid_json',
  'request.invalid_body',
  'request.unsupported_media_type',
  'request.unsupported_encoding',
  'request.invalid',
  'submission.invalid',
  'submission.school_mismatch',
  'submission.version_conflict',
  'submission.not_reviewable',
  'idempotency.key_required',
  'idempotency.key_reused',
  'policy.invalid',
  'conflict.exists',
  'token.revoked',
  'not_found',
  'rate_limited',
  'internal',
];

/** "GET /api/v1/submissions/:id" for every handler the app registered under /api/v1 (middleware excluded). */
export function apiRoutes(app: TestApp): string[] {
  const keys = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

export async function tableCounts(): Promise<Record<string, number>> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' ORDER BY name",
  ).all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of tables.results) {
    counts[name] = (await env.DB.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).first<{ n: number }>())!.n;
  }
  return counts;
}

/** A 4xx in the one error shape, with a code of shared/api/errors.ts (and this one, when given). */
export async function expectApiError(res: Response, status: number, code?: ApiErrorCode): Promise<ApiErrorBody> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBe(status);
  const body = JSON.parse(text) as ApiErrorBody;
  expect(API_ERROR_CODES).toContain(body.error.code);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
  return body;
}

/** Either a 2xx, or a 4xx with a stable code: never a 5xx, never a body outside the error shape. */
export async function expectHandled(res: Response): Promise<{ status: number; code: string | null }> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  if (res.status < 300) return { status: res.status, code: null };
  expect(res.status).toBeGreaterThanOrEqual(400);
  const body = JSON.parse(text) as ApiErrorBody;
  expect(API_ERROR_CODES).toContain(body.error.code);
  return { status: res.status, code: body.error.code };
}
