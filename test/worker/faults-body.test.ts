/**
 * Bad request bodies on every route that reads one: truncated, malformed, corrupt or oversized
 * (plain and gzip, a gzip bomb included), wrong content types and encodings, huge strings, deep
 * nesting, numbers out of range, unknown fields. Each is a 4xx with a stable code — never a 500 —
 * and leaves every table exactly as it was.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../shared/api/errors.js';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import type { EncodedWorkbook } from '../../shared/grid.js';
import { expectApiError, tableCounts } from './faults-kit.js';
import {
  buildWorkbook,
  call,
  gzip,
  makeId,
  newKey,
  passingTrainings,
  revised,
  SCHOOLS,
  seedTenants,
  submit,
  type TeacherSpec,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';

const app = testApp();
const teachers: TeacherSpec[] = [
  { name: '赵六', id: makeId(21, '男'), gender: '男' },
  { name: '钱七', id: makeId(22, '女'), gender: '女' },
];
const workbook = buildWorkbook(SCHOOLS.A1, teachers, passingTrainings(teachers[0]!));
const validSubmission = { year: YEAR, workbook };

let subA1 = '';

/** The routes that read a JSON body, each with a valid body and the token allowed to send it. */
const BODY_ROUTES = () => [
  {
    name: 'POST /submissions',
    method: 'POST',
    path: '/api/v1/submissions',
    token: TOKENS.clerkA1,
    valid: validSubmission,
  },
  {
    name: 'POST /submissions/:id/review',
    method: 'POST',
    path: `/api/v1/submissions/${subA1}/review`,
    token: TOKENS.reviewerA,
    valid: { decision: 'approve' },
  },
  {
    name: 'PUT /policies/:year',
    method: 'PUT',
    path: `/api/v1/policies/${YEAR}?bureau=A`,
    token: TOKENS.admin,
    valid: { id: 'a-2025' },
  },
  {
    name: 'POST /admin/bureaus',
    method: 'POST',
    path: '/api/v1/admin/bureaus',
    token: TOKENS.admin,
    valid: { id: 'Z', name: '测试局' },
  },
  {
    name: 'POST /admin/schools',
    method: 'POST',
    path: '/api/v1/admin/schools',
    token: TOKENS.admin,
    valid: { code: '3299990001', name: '测试学校', type: '小学', rural: false, bureauId: 'A' },
  },
  {
    name: 'POST /admin/tokens',
    method: 'POST',
    path: '/api/v1/admin/tokens',
    token: TOKENS.admin,
    valid: { role: 'reviewer', bureauId: 'A', label: 'x' },
  },
];

/** A stream of `total` bytes of JSON whitespace in 1 MiB chunks, so the bomb is built without holding it. */
function spaces(total: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk.byteLength, total - sent);
      controller.enqueue(n === chunk.byteLength ? chunk : chunk.slice(0, n));
      sent += n;
    },
  });
}

async function gzipStream(stream: ReadableStream<Uint8Array>): Promise<ArrayBuffer> {
  return new Response(stream.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
}

interface RawCase {
  name: string;
  body: () => Promise<BodyInit> | BodyInit;
  headers?: Record<string, string>;
  env?: Record<string, string>;
  status: number;
  code: ApiErrorCode;
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const GZIP = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };

/** Transport-level faults: the same answer on every body-reading route. */
const RAW_CASES: RawCase[] = [
  {
    name: 'a truncated JSON body',
    body: () => JSON.stringify(validSubmission).slice(0, 200),
    headers: JSON_TYPE,
    status: 400,
    code: 'request.invalid_json',
  },
  { name: 'an empty body', body: () => '', headers: JSON_TYPE, status: 400, code: 'request.invalid_json' },
  {
    name: 'a body that is not JSON',
    body: () => "{year: 2025, workbook: 'x'}",
    headers: JSON_TYPE,
    status: 400,
    code: 'request.invalid_json',
  },
  {
    name: 'JSON with a trailing comma',
    body: () => '{"year": 2025,}',
    headers: JSON_TYPE,
    status: 400,
    code: 'request.invalid_json',
  },
  {
    name: 'bytes that are not UTF-8',
    body: () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    headers: JSON_TYPE,
    status: 400,
    code: 'request.invalid_body',
  },
  {
    name: 'a gzip header on a plain body',
    body: () => JSON.stringify(validSubmission),
    headers: GZIP,
    status: 400,
    code: 'request.invalid_body',
  },
  {
    name: 'random bytes declared gzip',
    body: () => crypto.getRandomValues(new Uint8Array(4096)),
    headers: GZIP,
    status: 400,
    code: 'request.invalid_body',
  },
  {
    name: 'a gzip stream cut in half',
    body: async () => {
      const z = new Uint8Array(await gzip(JSON.stringify(validSubmission)));
      return z.slice(0, Math.floor(z.byteLength / 2));
    },
    headers: GZIP,
    status: 400,
    code: 'request.invalid_body',
  },
  {
    name: 'gzip of a truncated JSON text',
    body: () => gzip(JSON.stringify(validSubmission).slice(0, 150)),
    headers: GZIP,
    status: 400,
    code: 'request.invalid_json',
  },
  {
    name: 'text/plain',
    body: () => JSON.stringify(validSubmission),
    headers: { 'Content-Type': 'text/plain' },
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'no Content-Type',
    body: () => JSON.stringify(validSubmission),
    headers: {},
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'a form post',
    body: () => 'year=2025&workbook=x',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'multipart/form-data',
    body: () => '--b\r\n\r\n{}\r\n--b--',
    headers: { 'Content-Type': 'multipart/form-data; boundary=b' },
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'application/jsonx',
    body: () => '{}',
    headers: { 'Content-Type': 'application/jsonx' },
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: 'Content-Encoding br',
    body: () => '{}',
    headers: { ...JSON_TYPE, 'Content-Encoding': 'br' },
    status: 415,
    code: 'request.unsupported_encoding',
  },
  {
    name: 'Content-Encoding deflate',
    body: () => '{}',
    headers: { ...JSON_TYPE, 'Content-Encoding': 'deflate' },
    status: 415,
    code: 'request.unsupported_encoding',
  },
  {
    name: 'Content-Encoding gzip, gzip',
    body: () => '{}',
    headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip, gzip' },
    status: 415,
    code: 'request.unsupported_encoding',
  },
  {
    name: 'a plain body over the limit',
    body: () => JSON.stringify({ ...validSubmission, pad: 'x'.repeat(5000) }),
    headers: JSON_TYPE,
    env: { MAX_BODY_BYTES: '4096' },
    status: 413,
    code: 'request.too_large',
  },
  {
    name: 'a gzip body that expands past the limit',
    body: () => gzip(JSON.stringify({ ...validSubmission, pad: 'x'.repeat(50_000) })),
    headers: GZIP,
    env: { MAX_BODY_BYTES: '20000' },
    status: 413,
    code: 'request.too_large',
  },
];

async function sendRaw(route: ReturnType<typeof BODY_ROUTES>[number], c: RawCase): Promise<Response> {
  return call(app, route.method, route.path, {
    token: route.token,
    rawBody: await c.body(),
    headers: { ...(c.headers ?? {}), 'Idempotency-Key': newKey() },
    env: c.env,
  });
}

function postSubmission(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(app, 'POST', '/api/v1/submissions', {
    token: TOKENS.clerkA1,
    body,
    headers: { 'Idempotency-Key': newKey(), ...headers },
  });
}

function cloneWorkbook(edit: (w: EncodedWorkbook) => void): EncodedWorkbook {
  const w = structuredClone(workbook);
  edit(w);
  return w;
}

describe('bad request bodies', () => {
  beforeAll(async () => {
    await seedTenants();
    const res = await submit(app, TOKENS.clerkA1, workbook);
    expect(res.status).toBe(201);
    subA1 = (await res.json<SubmissionReceipt>()).submission.id;
  });

  for (const c of RAW_CASES) {
    it(`should answer ${c.name} with ${c.status} ${c.code} on every body route, writing nothing`, async () => {
      const before = await tableCounts();
      for (const route of BODY_ROUTES()) {
        const err = await expectApiError(await sendRaw(route, c), c.status);
        expect(err.error.code, route.name).toBe(c.code);
      }
      expect(await tableCounts()).toEqual(before);
    });
  }

  it('should stop a gzip bomb (64 KB that expands to 64 MiB) at the default 48 MiB limit with 413', async () => {
    const bomb = await gzipStream(spaces(64 * 1024 * 1024));
    expect(bomb.byteLength).toBeLessThan(128 * 1024);
    const before = await tableCounts();
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      rawBody: bomb,
      headers: { ...GZIP, 'Idempotency-Key': newKey() },
    });
    const err = await expectApiError(res, 413, 'request.too_large');
    expect(err.error.details).toEqual({ limitBytes: 48 * 1024 * 1024 });
    expect(await tableCounts()).toEqual(before);
  });

  it('should refuse a declared Content-Length over the limit before reading the body', async () => {
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      rawBody: JSON.stringify(validSubmission),
      headers: { ...JSON_TYPE, 'Content-Length': String(49 * 1024 * 1024), 'Idempotency-Key': newKey() },
    });
    await expectApiError(res, 413, 'request.too_large');
  });

  it('should refuse a streamed plain body without a length once it passes the limit', async () => {
    const before = await tableCounts();
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      rawBody: spaces(2 * 1024 * 1024),
      headers: { ...JSON_TYPE, 'Idempotency-Key': newKey() },
      env: { MAX_BODY_BYTES: String(1024 * 1024) },
    });
    await expectApiError(res, 413, 'request.too_large');
    expect(await tableCounts()).toEqual(before);
  });

  /** Well-formed JSON that breaks the submission schema or the workbook's rules. */
  const SUBMISSION_CASES: {
    name: string;
    body: () => unknown;
    headers?: Record<string, string>;
    status: number;
    code: ApiErrorCode;
  }[] = [
    { name: 'null', body: () => null, status: 400, code: 'request.invalid' },
    { name: 'an array', body: () => [validSubmission], status: 400, code: 'request.invalid' },
    { name: 'a string', body: () => 'workbook', status: 400, code: 'request.invalid' },
    {
      name: 'an unknown top-level field',
      body: () => ({ ...validSubmission, force: true }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an unknown field on a sheet',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => Object.assign(w.sheets[0]!, { hidden: true })) }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an unknown key in a date cell',
      body: () => ({
        year: YEAR,
        workbook: cloneWorkbook((w) => (w.sheets[2]!.rows[1]![6] = { d: '2025-03-01', tz: 'x' } as never)),
      }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a __proto__ field',
      body: () => JSON.parse(`{"year":${YEAR},"workbook":{"sheets":[]},"__proto__":{"admin":true}}`) as unknown,
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a date cell that is no date (in a date column)',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[2]!.rows[1]![6] = { d: '2025-13-45' })) }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a date cell that is no date (in a text column)',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[2]!.rows[1]![2] = { d: '师德' })) }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a date cell that is no date (as a header)',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[1]!.rows[0]![0] = { d: 'x' })) }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a year of 1e308',
      body: () => ({ ...validSubmission, year: 1e308 }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a negative year',
      body: () => ({ ...validSubmission, year: -2025 }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a fractional year',
      body: () => ({ ...validSubmission, year: 2025.5 }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'the year as a string',
      body: () => ({ ...validSubmission, year: '2025' }),
      status: 400,
      code: 'request.invalid',
    },
    { name: 'a future year', body: () => ({ ...validSubmission, year: 2100 }), status: 400, code: 'request.invalid' },
    {
      name: 'hours of 1e300 in a cell',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[2]!.rows[1]![8] = 1e300)) }),
      status: 400,
      code: 'submission.invalid',
    },
    {
      name: 'hours of -1e300 in a cell',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[2]!.rows[1]![8] = -1e300)) }),
      status: 400,
      code: 'submission.invalid',
    },
    {
      name: 'a string cell of 32,768 characters',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[1]!.rows[1]![0] = '张'.repeat(32_768))) }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a 1 MB string cell',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[1]!.rows[1]![13] = 'x'.repeat(1_000_000))) }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a name of 32,767 characters',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[1]!.rows[1]![0] = '张'.repeat(32_767))) }),
      status: 400,
      code: 'submission.invalid',
    },
    {
      name: 'a sheet name of 65 characters',
      body: () => ({ year: YEAR, workbook: cloneWorkbook((w) => (w.sheets[0]!.name = 'x'.repeat(65))) }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a row of 201 cells',
      body: () => ({
        year: YEAR,
        workbook: cloneWorkbook((w) => (w.sheets[1]!.rows[1] = Array.from({ length: 201 }, () => 'x'))),
      }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: '21 sheets',
      body: () => ({
        year: YEAR,
        workbook: { sheets: Array.from({ length: 21 }, (_, i) => ({ name: `s${i}`, rows: [] })) },
      }),
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'no sheets',
      body: () => ({ year: YEAR, workbook: { sheets: [] } }),
      status: 400,
      code: 'submission.invalid',
    },
    {
      name: 'a workbook nested 100,000 arrays deep',
      body: () => JSON.parse(`{"year":${YEAR},"workbook":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) as unknown,
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a cell nested 10,000 objects deep',
      body: () =>
        JSON.parse(
          `{"year":${YEAR},"workbook":{"sheets":[{"name":"教师名册","rows":[[${'{"d":'.repeat(10_000)}"x"${'}'.repeat(10_000)}]]}]}}`,
        ) as unknown,
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an If-Match that is not a version',
      body: () => validSubmission,
      headers: { 'If-Match': '"1e3"' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an If-Match of ten digits',
      body: () => validSubmission,
      headers: { 'If-Match': '"9999999999"' },
      status: 400,
      code: 'request.invalid',
    },
    // Other content than the stored version's: the same content would be answered as unchanged.
    {
      name: 'an If-Match far ahead',
      body: () => ({ year: YEAR, workbook: revised(workbook) }),
      headers: { 'If-Match': '"999999999"' },
      status: 409,
      code: 'submission.version_conflict',
    },
    {
      name: 'an Idempotency-Key of 10,000 characters',
      body: () => validSubmission,
      headers: { 'Idempotency-Key': 'k'.repeat(10_000) },
      status: 400,
      code: 'idempotency.key_required',
    },
    {
      name: 'an Idempotency-Key with a quote and a semicolon',
      body: () => validSubmission,
      headers: { 'Idempotency-Key': "abc'; DROP TABLE submissions; --" },
      status: 400,
      code: 'idempotency.key_required',
    },
  ];

  for (const c of SUBMISSION_CASES) {
    it(`should answer a submission with ${c.name} with ${c.status} ${c.code}, writing nothing`, async () => {
      const before = await tableCounts();
      await expectApiError(await postSubmission(c.body(), c.headers), c.status, c.code);
      expect(await tableCounts()).toEqual(before);
    });
  }

  /** Schema faults of the smaller bodies: the same stable code, nothing written. */
  const OTHER_CASES: { name: string; route: string; body: unknown; status: number; code: ApiErrorCode }[] = [
    {
      name: 'an unknown decision',
      route: 'review',
      body: { decision: 'delete' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an unknown field',
      route: 'review',
      body: { decision: 'approve', status: 'approved' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a comment of 2,001 characters',
      route: 'review',
      body: { decision: 'return', comment: '改'.repeat(2001) },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a return without a comment',
      route: 'review',
      body: { decision: 'return' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an unknown field',
      route: 'policy',
      body: { id: 'x', strict: false },
      status: 400,
      code: 'policy.invalid',
    },
    {
      name: 'an unknown rule',
      route: 'policy',
      body: { id: 'x', rules: { no_such_rule: {} } },
      status: 400,
      code: 'policy.invalid',
    },
    {
      name: 'hours of 1e309 (Infinity once parsed)',
      route: 'policy',
      body: JSON.parse('{"id":"x","rules":{"annual_hours":{"minHours":1e309}}}') as unknown,
      status: 400,
      code: 'policy.invalid',
    },
    {
      name: 'a policy id of 100,000 characters',
      route: 'policy',
      body: { id: 'p'.repeat(100_000) },
      status: 400,
      code: 'policy.invalid',
    },
    {
      name: 'a policy nested 10,000 objects deep',
      route: 'policy',
      body: JSON.parse(`{"id":"x","rules":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`) as unknown,
      status: 400,
      code: 'policy.invalid',
    },
    { name: 'null', route: 'policy', body: null, status: 400, code: 'policy.invalid' },
    {
      name: 'a bureau id with a quote',
      route: 'bureau',
      body: { id: "A'--", name: 'x' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an unknown field',
      route: 'bureau',
      body: { id: 'Q', name: 'x', admin: true },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'rural as a string',
      route: 'school',
      body: { code: '3299990002', name: 'x', type: '小学', rural: 'yes', bureauId: 'A' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'a clerk token for a bureau',
      route: 'token',
      body: { role: 'clerk', bureauId: 'A', label: 'x' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an admin token with a school',
      route: 'token',
      body: { role: 'admin', schoolCode: SCHOOLS.A1.code, label: 'x' },
      status: 400,
      code: 'request.invalid',
    },
    {
      name: 'an expiry that is not a timestamp',
      route: 'token',
      body: { role: 'reviewer', bureauId: 'A', label: 'x', expiresAt: 'tomorrow' },
      status: 400,
      code: 'request.invalid',
    },
  ];

  for (const c of OTHER_CASES) {
    it(`should answer a ${c.route} body with ${c.name} with ${c.status} ${c.code}, writing nothing`, async () => {
      const route = BODY_ROUTES().find((r) =>
        r.name.includes(
          c.route === 'policy'
            ? 'policies'
            : c.route === 'token'
              ? 'tokens'
              : c.route === 'school'
                ? 'schools'
                : c.route === 'bureau'
                  ? 'bureaus'
                  : 'review',
        ),
      )!;
      const before = await tableCounts();
      await expectApiError(
        await call(app, route.method, route.path, { token: route.token, body: c.body }),
        c.status,
        c.code,
      );
      expect(await tableCounts()).toEqual(before);
    });
  }

  it('should answer query parameters out of range with 400 request.invalid', async () => {
    for (const q of [
      'year=1e400',
      'year=-1',
      'year=abc',
      'page=0',
      'page=99999999999',
      'pageSize=100000',
      'status=ok',
      "rule=x'--",
      `q=${'x'.repeat(41)}`,
    ]) {
      await expectApiError(
        await call(app, 'GET', `/api/v1/bureau/teachers?${q}`, { token: TOKENS.reviewerA }),
        400,
        'request.invalid',
      );
    }
    await expectApiError(
      await call(app, 'GET', '/api/v1/policies/99999', { token: TOKENS.reviewerA }),
      400,
      'request.invalid',
    );
    await expectApiError(
      await call(app, 'GET', '/api/v1/submissions?year=2025.5', { token: TOKENS.clerkA1 }),
      400,
      'request.invalid',
    );
  });

  it('should leave the stored version current and complete after all of the above', async () => {
    const cur = await env.DB.prepare(
      'SELECT submission_id, version FROM current_submissions WHERE school_code = ?1 AND year = ?2',
    )
      .bind(SCHOOLS.A1.code, YEAR)
      .first<{ submission_id: string; version: number }>();
    expect(cur).toEqual({ submission_id: subA1, version: 1 });
    const res = await call(app, 'GET', `/api/v1/submissions/${subA1}/compliance`, { token: TOKENS.clerkA1 });
    expect(res.status).toBe(200);
    expect((await res.json<SubmissionReceipt>()).compliance.teachers).toHaveLength(2);
  });

  it('should accept the valid body on every route (the faults above were the only difference)', async () => {
    // Reversed: the review must run while subA1 is still current, before the new submission.
    for (const route of BODY_ROUTES().reverse()) {
      const res = await call(app, route.method, route.path, {
        token: route.token,
        body: route.valid,
        headers: { 'Idempotency-Key': newKey() },
      });
      expect(res.status, `${route.name}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  });
});
