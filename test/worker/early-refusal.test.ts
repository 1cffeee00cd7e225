/**
 * Every early refusal reads the request body to its end before it answers. A body left unread made
 * the next request on the same keep-alive connection hang under wrangler dev (and made workerd
 * alone reset the connection); test/browser/early-refusal.test.ts shows that over a real socket.
 * Here each body is a stream that records how much of it the worker pulled.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../shared/api/errors.js';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import { expectApiError } from './faults-kit.js';
import {
  buildWorkbook,
  gzip,
  makeId,
  newKey,
  passingTrainings,
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
  { name: '孙八', id: makeId(31, '男'), gender: '男' },
  { name: '吴十', id: makeId(32, '女'), gender: '女' },
  { name: '郑一', id: makeId(33, '男'), gender: '男' },
];
/** The school's roster with its first n teachers: each n a different ledger (the same one twice is "unchanged"). */
const rosterOf = (n: number) => buildWorkbook(SCHOOLS.A1, teachers.slice(0, n), passingTrainings(teachers[0]!));
const workbook = rosterOf(1);
const submissionText = JSON.stringify({ year: YEAR, workbook: rosterOf(3) });

/** A body of these bytes in 16 KiB chunks that counts what was pulled and whether its end was reached. */
function trackedBody(bytes: Uint8Array) {
  const state = { pulled: 0, ended: false, cancelled: false };
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) {
        state.ended = true;
        controller.close();
        return;
      }
      const chunk = bytes.slice(at, at + 16 * 1024);
      at += chunk.byteLength;
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

interface Case {
  name: string;
  path?: string;
  token?: string;
  headers?: Record<string, string>;
  env?: Record<string, string>;
  body: () => Promise<Uint8Array> | Uint8Array;
  status: number;
  code: ApiErrorCode;
}

const text = (s: string) => new TextEncoder().encode(s);
const JSON_TYPE = { 'Content-Type': 'application/json' };
/** Big enough that an unread rest would not fit in a socket buffer (the stall needed ~100 KB). */
const PADDED = () => text(JSON.stringify({ year: YEAR, workbook, pad: ' '.repeat(400_000) }));
let subA1 = '';

const CASES: Case[] = [
  { name: '401 without a token', body: PADDED, headers: JSON_TYPE, status: 401, code: 'auth.missing_token' },
  {
    name: '401 with an unknown token',
    token: 'no-such-token',
    body: PADDED,
    headers: JSON_TYPE,
    status: 401,
    code: 'auth.invalid_token',
  },
  {
    name: '401 with a revoked token',
    token: TOKENS.revoked,
    body: PADDED,
    headers: JSON_TYPE,
    status: 401,
    code: 'auth.revoked_token',
  },
  {
    name: '403 for a reviewer posting a roster',
    token: TOKENS.reviewerA,
    body: PADDED,
    headers: JSON_TYPE,
    status: 403,
    code: 'auth.forbidden',
  },
  {
    name: '429 past the rate limit',
    token: TOKENS.clerkA2,
    env: { RATE_LIMIT_PER_MINUTE: '0' },
    body: PADDED,
    headers: JSON_TYPE,
    status: 429,
    code: 'rate_limited',
  },
  {
    name: '415 for text/plain',
    token: TOKENS.clerkA1,
    body: PADDED,
    headers: { 'Content-Type': 'text/plain' },
    status: 415,
    code: 'request.unsupported_media_type',
  },
  {
    name: '415 for Content-Encoding br',
    token: TOKENS.clerkA1,
    body: PADDED,
    headers: { ...JSON_TYPE, 'Content-Encoding': 'br' },
    status: 415,
    code: 'request.unsupported_encoding',
  },
  {
    name: '413 on a declared length over the limit',
    token: TOKENS.clerkA1,
    env: { MAX_BODY_BYTES: '65536' },
    body: PADDED,
    headers: JSON_TYPE,
    status: 413,
    code: 'request.too_large',
  },
  {
    name: '413 on a streamed body that passes the limit',
    token: TOKENS.clerkA1,
    env: { MAX_BODY_BYTES: '65536' },
    body: PADDED,
    headers: { ...JSON_TYPE, 'X-No-Length': '1' },
    status: 413,
    code: 'request.too_large',
  },
  {
    name: '413 on a gzip body that expands past the limit',
    token: TOKENS.clerkA1,
    env: { MAX_BODY_BYTES: '65536' },
    body: async () => new Uint8Array(await gzip(JSON.stringify({ year: YEAR, workbook, pad: ' '.repeat(40_000_000) }))),
    headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
    status: 413,
    code: 'request.too_large',
  },
  {
    name: '400 on bytes that are not gzip',
    token: TOKENS.clerkA1,
    body: () => new Uint8Array(200_000).map(() => Math.floor(Math.random() * 256)),
    headers: { ...JSON_TYPE, 'Content-Encoding': 'gzip' },
    status: 400,
    code: 'request.invalid_body',
  },
  {
    name: '400 on bytes that are not UTF-8',
    token: TOKENS.clerkA1,
    body: () => new Uint8Array([0x7b, 0xff, ...PADDED()]),
    headers: JSON_TYPE,
    status: 400,
    code: 'request.invalid_body',
  },
  {
    name: '404 on an unknown API path',
    path: '/api/v1/nowhere',
    token: TOKENS.clerkA1,
    body: PADDED,
    headers: JSON_TYPE,
    status: 404,
    code: 'not_found',
  },
  {
    name: '404 on a review of a foreign submission',
    path: '/api/v1/submissions/none/review',
    token: TOKENS.reviewerA,
    body: () => text(JSON.stringify({ decision: 'approve' }) + ' '.repeat(200_000)),
    headers: JSON_TYPE,
    status: 404,
    code: 'not_found',
  },
  {
    name: '409 on a review of an old version',
    path: '/api/v1/submissions/:old/review',
    token: TOKENS.reviewerA,
    body: () => text(JSON.stringify({ decision: 'approve' })),
    headers: JSON_TYPE,
    status: 409,
    code: 'submission.not_reviewable',
  },
];

describe('early refusals', () => {
  beforeAll(async () => {
    await seedTenants();
    const first = await submit(app, TOKENS.clerkA1, workbook);
    expect(first.status).toBe(201);
    subA1 = (await first.json<SubmissionReceipt>()).submission.id;
    expect((await submit(app, TOKENS.clerkA1, rosterOf(2))).status).toBe(201);
  });

  for (const c of CASES) {
    it(`should read the whole body before answering ${c.name}`, async () => {
      const bytes = await c.body();
      const { stream, state } = trackedBody(bytes);
      const headers: Record<string, string> = { 'Idempotency-Key': newKey(), ...(c.headers ?? {}) };
      if (c.token) headers.Authorization = `Bearer ${c.token}`;
      if (!headers['X-No-Length']) headers['Content-Length'] = String(bytes.byteLength);
      const path = (c.path ?? '/api/v1/submissions').replace(':old', subA1);
      const res = await app.request(path, { method: 'POST', headers, body: stream }, { ...env, ...(c.env ?? {}) });
      // Before the answer is read: the worker must have drained the body already.
      expect({ pulled: state.pulled, ended: state.ended, cancelled: state.cancelled }).toEqual({
        pulled: bytes.byteLength,
        ended: true,
        cancelled: false,
      });
      await expectApiError(res, c.status, c.code);
    });
  }

  it('should still store a submission whose body arrives as a stream (the drain reads nothing twice)', async () => {
    const bytes = text(submissionText);
    const { stream, state } = trackedBody(bytes);
    const res = await app.request(
      '/api/v1/submissions',
      {
        method: 'POST',
        headers: {
          ...JSON_TYPE,
          Authorization: `Bearer ${TOKENS.clerkA1}`,
          'Idempotency-Key': newKey(),
          'If-Match': '"2"',
        },
        body: stream,
      },
      env,
    );
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json<SubmissionReceipt>()).submission.version).toBe(3);
    expect(state).toEqual({ pulled: bytes.byteLength, ended: true, cancelled: false });
  });
});
