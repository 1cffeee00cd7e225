import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import type { IssuedToken, SchoolInfo } from '../../shared/api/responses.js';
import { buildWorkbook, call, gzip, makeId, newKey, SCHOOLS, seedTenants, TOKENS, testApp, YEAR } from './helpers.js';

const teacher = { name: '郑七', id: makeId(41, '女'), gender: '女' as const };
const workbook = buildWorkbook(SCHOOLS.A1, [teacher], []);

async function codeOf(res: Response): Promise<[number, string]> {
  return [res.status, (await res.json<ApiErrorBody>()).error.code];
}

async function post(app: ReturnType<typeof testApp>, rawBody: BodyInit, headers: Record<string, string> = {}) {
  return call(app, 'POST', '/api/v1/submissions', {
    token: TOKENS.clerkA1,
    rawBody,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey(), ...headers },
  });
}

async function storedRows(): Promise<number> {
  const r = await env.DB.prepare(
    'SELECT (SELECT COUNT(*) FROM submissions) + (SELECT COUNT(*) FROM teachers) AS n',
  ).first<{ n: number }>();
  return r!.n;
}

describe('bad requests', () => {
  const app = testApp();
  beforeAll(seedTenants);

  it('should answer every malformed body with a clear 4xx code and write nothing', async () => {
    const good = JSON.stringify({ year: YEAR, workbook });
    const zipped = new Uint8Array(await gzip(good));
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const cases: [string, Promise<Response>, [number, string]][] = [
      [
        'wrong content type',
        post(app, good, { 'Content-Type': 'text/plain' }),
        [415, 'request.unsupported_media_type'],
      ],
      ['unknown encoding', post(app, good, { 'Content-Encoding': 'br' }), [415, 'request.unsupported_encoding']],
      ['truncated JSON', post(app, good.slice(0, good.length / 2)), [400, 'request.invalid_json']],
      [
        'truncated gzip',
        post(app, zipped.slice(0, zipped.length / 2), { 'Content-Encoding': 'gzip' }),
        [400, 'request.invalid_body'],
      ],
      ['not gzip at all', post(app, good, { 'Content-Encoding': 'gzip' }), [400, 'request.invalid_body']],
      ['deeply nested JSON', post(app, `{"year": ${YEAR}, "workbook": ${deep}}`), [400, 'request.invalid']],
      ['a bare nested array', post(app, deep), [400, 'request.invalid']],
      ['unknown field', post(app, JSON.stringify({ year: YEAR, workbook, extra: 1 })), [400, 'request.invalid']],
      ['year out of range', post(app, JSON.stringify({ year: 1e308, workbook })), [400, 'request.invalid']],
      ['a future year', post(app, JSON.stringify({ year: 2027, workbook })), [400, 'request.invalid']],
      [
        'a huge cell',
        post(app, JSON.stringify({ year: YEAR, workbook: { sheets: [{ name: 'x', rows: [['y'.repeat(40_000)]] }] } })),
        [400, 'request.invalid'],
      ],
      [
        'an object cell',
        post(app, JSON.stringify({ year: YEAR, workbook: { sheets: [{ name: 'x', rows: [[{ f: '=1+1' }]] }] } })),
        [400, 'request.invalid'],
      ],
      ['empty body', post(app, ''), [400, 'request.invalid_json']],
      ['bad If-Match', post(app, good, { 'If-Match': 'abc' }), [400, 'request.invalid']],
    ];
    for (const [name, res, want] of cases) expect(await codeOf(await res), name).toEqual(want);
    expect(await storedRows()).toBe(0);
  });

  it('should answer an unknown API route with the one error shape', async () => {
    expect(await codeOf(await call(app, 'GET', '/api/v1/nope', { token: TOKENS.admin }))).toEqual([404, 'not_found']);
  });

  it('should refuse to run without its secrets', async () => {
    const noKey = { ID_HMAC_KEY: '' };
    expect(await codeOf(await call(app, 'GET', '/api/v1/health', { env: noKey }))).toEqual([
      500,
      'config.missing_secret',
    ]);
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook },
      headers: { 'Idempotency-Key': newKey() },
      env: { ID_ENC_KEY: 'dG9vIHNob3J0' },
    });
    expect(await codeOf(res)).toEqual([500, 'config.missing_secret']);
  });

  it('should answer a flooding token with 429 and Retry-After', async () => {
    const flood = testApp();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await call(flood, 'GET', '/api/v1/me', {
        token: TOKENS.clerkA2,
        env: { RATE_LIMIT_PER_MINUTE: '4' },
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('Retry-After');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(
      (await call(flood, 'GET', '/api/v1/me', { token: TOKENS.reviewerA, env: { RATE_LIMIT_PER_MINUTE: '4' } })).status,
    ).toBe(200);
  });

  it('should keep quotes, semicolons and comment markers intact in every text field (parameterized SQL)', async () => {
    const nasty = `O'Brien"; DROP TABLE schools; -- /* 学校 */`;
    const b = await call(app, 'POST', '/api/v1/admin/bureaus', {
      token: TOKENS.admin,
      body: { id: 'x-1', name: nasty },
    });
    expect(b.status).toBe(201);
    const s = await call(app, 'POST', '/api/v1/admin/schools', {
      token: TOKENS.admin,
      body: { code: `C'1;--`, name: nasty, type: '小学', rural: true, bureauId: 'x-1' },
    });
    expect(s.status).toBe(201);
    const list = await (await call(app, 'GET', '/api/v1/admin/schools?bureau=x-1', { token: TOKENS.admin })).json<{
      items: SchoolInfo[];
    }>();
    expect(list.items).toMatchObject([{ code: `C'1;--`, name: nasty, bureauId: 'x-1' }]);
    const dup = await call(app, 'POST', '/api/v1/admin/bureaus', {
      token: TOKENS.admin,
      body: { id: 'x-1', name: 'again' },
    });
    expect(await codeOf(dup)).toEqual([409, 'conflict.exists']);
  });

  it('should issue a token that works at once and stops working when revoked', async () => {
    const issued = await (
      await call(app, 'POST', '/api/v1/admin/tokens', {
        token: TOKENS.admin,
        body: { role: 'reviewer', bureauId: 'A', label: '审核员甲' },
      })
    ).json<IssuedToken>();
    expect((await call(app, 'GET', `/api/v1/bureau/summary?year=${YEAR}`, { token: issued.token })).status).toBe(200);
    const tokens = await env.DB.prepare('SELECT hash FROM tokens WHERE id = ?1')
      .bind(issued.info.id)
      .first<{ hash: string }>();
    expect(tokens!.hash).not.toContain(issued.token);
    expect(
      (await call(app, 'POST', `/api/v1/admin/tokens/${issued.info.id}/revoke`, { token: TOKENS.admin })).status,
    ).toBe(200);
    expect(
      await codeOf(await call(app, 'GET', `/api/v1/bureau/summary?year=${YEAR}`, { token: issued.token })),
    ).toEqual([401, 'auth.revoked_token']);
    const bad = await call(app, 'POST', '/api/v1/admin/tokens', {
      token: TOKENS.admin,
      body: { role: 'clerk', bureauId: 'A', label: 'x' },
    });
    expect(await codeOf(bad)).toEqual([400, 'request.invalid']);
  });

  it('should store a bureau policy and apply it to the next submission', async () => {
    const put = await call(app, 'PUT', `/api/v1/policies/${YEAR}?bureau=A&deadline=${YEAR}-11-30`, {
      token: TOKENS.admin,
      body: { id: 'a-strict', rules: { annual_district_plus_hours: { required: 400 } } },
    });
    expect(put.status).toBe(200);
    const bad = await call(app, 'PUT', `/api/v1/policies/${YEAR}?bureau=A`, {
      token: TOKENS.admin,
      body: { id: 'x', rules: { nope: {} } },
    });
    expect(await codeOf(bad)).toEqual([400, 'policy.invalid']);
    const got = await (await call(app, 'GET', `/api/v1/policies/${YEAR}`, { token: TOKENS.clerkA1 })).json<{
      source: string;
      deadline: string;
    }>();
    expect(got).toMatchObject({ source: 'bureau', deadline: `${YEAR}-11-30` });
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook },
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as {
      compliance: { policy: { id: string }; teachers: { rules: { rule: string; required: number }[] }[] };
    };
    expect(receipt.compliance.policy.id).toBe('a-strict');
    expect(receipt.compliance.teachers[0]!.rules.find((r) => r.rule === 'annual_district_plus_hours')!.required).toBe(
      400,
    );
  });
});
