/**
 * Tokens that cannot be used for long: clerk and reviewer tokens get the end of the school year by
 * default, an admin renews them, `token list` shows when each stops, and an expired token is told so
 * in plain words. Idempotency keys belong to the school, so a clerk whose token was re-issued
 * retries a submission and gets the first answer, not a 409 or a second version.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import type { IssuedToken, Me, SubmissionList, SubmissionReceipt, TokenInfo } from '../../shared/api/responses.js';
import { expectApiError } from './faults-kit.js';
import {
  buildWorkbook,
  call,
  makeId,
  NOW,
  passingTrainings,
  SCHOOLS,
  seedTenants,
  submit,
  type TeacherSpec,
  TOKENS,
  testApp,
} from './helpers.js';

const app = testApp();
const teachers: TeacherSpec[] = [{ name: '周九', id: makeId(41, '女'), gender: '女' }];
const workbookA1 = buildWorkbook(SCHOOLS.A1, teachers, passingTrainings(teachers[0]!));
const workbookA2 = buildWorkbook(SCHOOLS.A2, teachers, passingTrainings(teachers[0]!));

async function issue(body: Record<string, unknown>): Promise<IssuedToken> {
  const res = await call(app, 'POST', '/api/v1/admin/tokens', { token: TOKENS.admin, body });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json<IssuedToken>();
}

/** The same app a day, a year later. */
const later = (iso: string) => testApp({ now: () => new Date(iso) });

// Storage is one per test file: the tenants are seeded once for both groups.
beforeAll(seedTenants);

describe('token expiry', () => {
  it('should give a new clerk or reviewer token the end of the school year (NOW is 1 Mar 2026)', async () => {
    const clerk = await issue({ role: 'clerk', schoolCode: SCHOOLS.A1.code, label: '填报员' });
    const reviewer = await issue({ role: 'reviewer', bureauId: 'A', label: '审核员' });
    const admin = await issue({ role: 'admin', label: '信息中心' });
    expect(clerk.info.expiresAt).toBe('2026-08-31T16:00:00.000Z');
    expect(reviewer.info.expiresAt).toBe('2026-08-31T16:00:00.000Z');
    expect(admin.info.expiresAt).toBeNull();
    const me = await (await call(app, 'GET', '/api/v1/me', { token: clerk.token })).json<Me>();
    expect(me.expiresAt).toBe('2026-08-31T16:00:00.000Z');
  });

  it('should accept a token until midnight of 31 Aug in Beijing, then say plainly that it expired', async () => {
    const clerk = await issue({ role: 'clerk', schoolCode: SCHOOLS.A2.code, label: '填报员乙' });
    expect((await call(later('2026-08-31T15:59:59Z'), 'GET', '/api/v1/me', { token: clerk.token })).status).toBe(200);
    const body = await expectApiError(
      await call(later('2026-08-31T16:00:00Z'), 'GET', '/api/v1/me', { token: clerk.token }),
      401,
      'auth.expired_token',
    );
    expect(body.error.message).toContain('有效期至 2026-08-31');
    expect(body.error.message).toContain('续期');
    expect(body.error.messageEn).toContain('valid until 2026-08-31');
    expect(body.error.details).toEqual({ expiredAt: '2026-08-31T16:00:00.000Z', lastValidDay: '2026-08-31' });
  });

  it('should let the admin renew an expired token to the next school year, and the same token works again', async () => {
    const clerk = await issue({ role: 'clerk', schoolCode: SCHOOLS.A3.code, label: '填报员丙' });
    const september = later('2026-09-02T02:00:00Z');
    expect((await call(september, 'GET', '/api/v1/me', { token: clerk.token })).status).toBe(401);
    const renewed = await call(september, 'POST', `/api/v1/admin/tokens/${clerk.info.id}/renew`, {
      token: TOKENS.admin,
      body: {},
    });
    expect(renewed.status).toBe(200);
    expect((await renewed.json<TokenInfo>()).expiresAt).toBe('2027-08-31T16:00:00.000Z');
    expect((await call(september, 'GET', '/api/v1/me', { token: clerk.token })).status).toBe(200);
    const audit = await env.DB.prepare("SELECT details FROM audit_log WHERE action = 'token.renew'").all<{
      details: string;
    }>();
    expect(audit.results.map((r) => JSON.parse(r.details))).toContainEqual({
      token: clerk.info.id,
      expiresAt: '2027-08-31T16:00:00.000Z',
    });
  });

  it('should renew to a date the admin gives, but never to the past, nor a revoked token', async () => {
    const reviewer = await issue({ role: 'reviewer', bureauId: 'B', label: '审核员乙' });
    const given = await call(app, 'POST', `/api/v1/admin/tokens/${reviewer.info.id}/renew`, {
      token: TOKENS.admin,
      body: { expiresAt: '2026-12-31T16:00:00Z' },
    });
    expect((await given.json<TokenInfo>()).expiresAt).toBe('2026-12-31T16:00:00.000Z');
    await expectApiError(
      await call(app, 'POST', `/api/v1/admin/tokens/${reviewer.info.id}/renew`, {
        token: TOKENS.admin,
        body: { expiresAt: '2026-01-01T00:00:00Z' },
      }),
      400,
      'request.invalid',
    );
    await expectApiError(
      await call(app, 'POST', `/api/v1/admin/tokens/tok-${TOKENS.revoked}/renew`, { token: TOKENS.admin, body: {} }),
      409,
      'token.revoked',
    );
    await expectApiError(
      await call(app, 'POST', '/api/v1/admin/tokens/tok_none/renew', { token: TOKENS.admin, body: {} }),
      404,
      'not_found',
    );
    await expectApiError(
      await call(app, 'POST', `/api/v1/admin/tokens/${reviewer.info.id}/renew`, { token: TOKENS.reviewerA, body: {} }),
      403,
      'auth.forbidden',
    );
  });

  it('should refuse to issue a token that is born expired', async () => {
    const res = await call(app, 'POST', '/api/v1/admin/tokens', {
      token: TOKENS.admin,
      body: { role: 'clerk', schoolCode: SCHOOLS.A1.code, label: 'x', expiresAt: NOW.toISOString() },
    });
    await expectApiError(res, 400, 'request.invalid');
  });

  it('should list every token with its expiry', async () => {
    const list = await (await call(app, 'GET', '/api/v1/admin/tokens', { token: TOKENS.admin })).json<{
      items: TokenInfo[];
    }>();
    const expired = list.items.find((t) => t.id === `tok-${TOKENS.expired}`)!;
    expect(expired.expiresAt).toBe('2026-02-01T00:00:00Z');
    expect(list.items.filter((t) => t.label.startsWith('填报员')).every((t) => t.expiresAt !== null)).toBe(true);
  });
});

describe('idempotency keys scoped by school', () => {
  it('should answer a retry sent with a re-issued token from the first response', async () => {
    const first = await issue({ role: 'clerk', schoolCode: SCHOOLS.A1.code, label: '旧令牌' });
    const key = 'retry-after-reissue-0001';
    const r1 = await submit(app, first.token, workbookA1, { key });
    expect(r1.status).toBe(201);
    const original = await r1.json<SubmissionReceipt>();

    // The answer was lost; meanwhile the admin revoked the token and issued a new one.
    expect(
      (await call(app, 'POST', `/api/v1/admin/tokens/${first.info.id}/revoke`, { token: TOKENS.admin })).status,
    ).toBe(200);
    const second = await issue({ role: 'clerk', schoolCode: SCHOOLS.A1.code, label: '新令牌' });
    // No If-Match: before this change the retry stored a second version; with If-Match "0" it was a 409.
    for (const ifMatch of [undefined, '0']) {
      const retry = await submit(app, second.token, workbookA1, { key, ...(ifMatch ? { ifMatch } : {}) });
      expect(retry.status, await retry.clone().text()).toBe(201);
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
      const replayed = await retry.json<SubmissionReceipt>();
      expect(replayed.submission.id).toBe(original.submission.id);
      expect(replayed.submission.version).toBe(1);
    }
    const list = await (
      await call(app, 'GET', '/api/v1/submissions?year=2025', { token: second.token })
    ).json<SubmissionList>();
    expect(list.items.map((i) => i.version)).toEqual([1]);
  });

  it('should still refuse the same key for a different body, whichever token of the school sends it', async () => {
    const res = await submit(app, TOKENS.clerkA1, buildWorkbook(SCHOOLS.A1, [], []), {
      key: 'retry-after-reissue-0001',
    });
    expect(res.status).toBe(422);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('idempotency.key_reused');
  });

  it("should not answer another school's request from this school's key", async () => {
    const res = await submit(app, TOKENS.clerkA2, workbookA2, { key: 'retry-after-reissue-0001' });
    expect(res.status).toBe(201);
    expect(res.headers.get('Idempotent-Replayed')).toBeNull();
    expect((await res.json<SubmissionReceipt>()).submission.schoolCode).toBe(SCHOOLS.A2.code);
  });
});
