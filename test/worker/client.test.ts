import { env } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../client/index.js';
import { decodeWorkbook } from '../../shared/grid.js';
import type { AppType } from '../../worker/index.js';
import {
  buildWorkbook,
  makeId,
  NOW,
  newKey,
  passingTrainings,
  SCHOOLS,
  seedTenants,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';

describe('hc<AppType>', () => {
  const app = testApp();
  const client = (token: string) =>
    hc<AppType>('http://shixun.test', {
      headers: { Authorization: `Bearer ${token}` },
      fetch: (input: RequestInfo | URL, init?: RequestInit) =>
        app.request(input instanceof Request ? input : String(input), init, env),
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
    expect(body.daysLeft).toBe(
      Math.round((Date.parse(`${YEAR}-12-31`) - Date.parse(NOW.toISOString().slice(0, 10))) / 86_400_000),
    );

    const diff = await client(TOKENS.clerkA1).api.v1.submissions[':id'].diff.$get({
      param: { id: receipt.submission.id },
    });
    expect((await diff.json()).added).toHaveLength(1);
  });

  it('should carry the one client’s gzipped submission through the worker and replay it under the same key', async () => {
    const teacher = { name: '褚九', id: makeId(52, '女'), gender: '女' as const };
    const workbook = decodeWorkbook(buildWorkbook(SCHOOLS.A2, [teacher], passingTrainings(teacher)));
    const encodings: (string | null)[] = [];
    const clerk = createClient({
      server: 'http://shixun.test',
      token: TOKENS.clerkA2,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        encodings.push(new Headers(init?.headers).get('content-encoding'));
        return app.request(String(input), init, env);
      },
    });
    const first = await clerk.submissions.submit({ year: YEAR, workbook, idempotencyKey: 'client-test-key-1' });
    if (!first.ok) throw new Error(`${first.code}: ${first.message}`);
    expect(first.receipt).toMatchObject({ schoolCode: SCHOOLS.A2.code, version: 1 });
    expect(first.compliance.teachers[0]?.status).toBe('pass');
    // The clerk's retry after a lost answer: the same key gets the same receipt, no second version.
    const again = await clerk.submissions.submit({ year: YEAR, workbook, idempotencyKey: 'client-test-key-1' });
    expect(again).toMatchObject({ ok: true, receipt: { id: first.receipt.id, version: 1 } });
    expect(encodings).toEqual(['gzip', 'gzip']);

    const list = await clerk.submissions.list(YEAR);
    expect(list.ok && list.value.items.map((i) => i.version)).toEqual([1]);
    const stranger = createClient({
      server: 'http://shixun.test',
      token: 'not-a-token',
      fetch: async (input, init) => app.request(String(input), init, env),
    });
    const refused = await stranger.me();
    expect(refused).toMatchObject({ ok: false, kind: 'auth', status: 401 });
  });
});
