import { env } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppType } from '../../worker/index.js';
import { buildWorkbook, makeId, newKey, NOW, passingTrainings, SCHOOLS, seedTenants, testApp, TOKENS, YEAR } from './helpers.js';

describe('hc<AppType>', () => {
  const app = testApp();
  const client = (token: string) =>
    hc<AppType>('http://shixun.test', {
      headers: { Authorization: `Bearer ${token}` },
      fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input instanceof Request ? input : String(input), init, env),
    });

  beforeAll(seedTenants);

  it('should submit and read back through the typed client', async () => {
    const teacher = { name: '冯八', id: makeId(51, '男'), gender: '男' as const };
    const res = await client(TOKENS.clerkA1).api.v1.submissions.$post(
      { json: { year: YEAR, workbook: buildWorkbook(SCHOOLS.A1, [teacher], passingTrainings(teacher)) } },
      { headers: { 'Idempotency-Key': newKey() } },
    );
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    const receipt = await res.json();
    expect(receipt.submission.version).toBe(1);
    expect(receipt.compliance.teachers[0]?.status).toBe('pass');

    const summary = await client(TOKENS.reviewerA).api.v1.bureau.summary.$get({ query: { year: String(YEAR) } });
    const body = await summary.json();
    expect(body.totals.submitted).toBe(1);
    expect(body.daysLeft).toBe(Math.round((Date.parse(`${YEAR}-12-31`) - Date.parse(NOW.toISOString().slice(0, 10))) / 86_400_000));

    const diff = await client(TOKENS.clerkA1).api.v1.submissions[':id'].diff.$get({ param: { id: receipt.submission.id } });
    expect((await diff.json()).added).toHaveLength(1);
  });
});
