import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import {
  buildWorkbook,
  call,
  makeId,
  newKey,
  passingTrainings,
  revised,
  SCHOOLS,
  seedTenants,
  submit,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';

type Who =
  | 'none'
  | 'clerkOwn'
  | 'clerkSameBureau'
  | 'clerkForeign'
  | 'reviewerOwn'
  | 'reviewerForeign'
  | 'admin'
  | 'revoked'
  | 'expired';

const TOKEN_OF: Record<Who, string | undefined> = {
  none: undefined,
  clerkOwn: TOKENS.clerkA1,
  clerkSameBureau: TOKENS.clerkA2,
  clerkForeign: TOKENS.clerkB1,
  reviewerOwn: TOKENS.reviewerA,
  reviewerForeign: TOKENS.reviewerB,
  admin: TOKENS.admin,
  revoked: TOKENS.revoked,
  expired: TOKENS.expired,
};
const EVERYONE = Object.keys(TOKEN_OF) as Who[];

interface Route {
  name: string;
  method: string;
  path: (id: string) => string;
  body?: unknown;
  headers?: () => Record<string, string>;
  expect: Partial<Record<Who, number>>;
}

const teacher = { name: '王五', id: makeId(7, '男'), gender: '男' as const };
const workbookA1 = buildWorkbook(SCHOOLS.A1, [teacher], passingTrainings(teacher));

/** Every route × every kind of caller; a foreign tenant's id is 404, a wrong role 403, no valid token 401. */
const ROUTES: Route[] = [
  { name: 'health', method: 'GET', path: () => '/api/v1/health', expect: { none: 200, admin: 200, revoked: 200 } },
  {
    name: 'me',
    method: 'GET',
    path: () => '/api/v1/me',
    expect: {
      clerkOwn: 200,
      clerkSameBureau: 200,
      clerkForeign: 200,
      reviewerOwn: 200,
      reviewerForeign: 200,
      admin: 200,
    },
  },
  {
    name: 'list',
    method: 'GET',
    path: () => `/api/v1/submissions?year=${YEAR}`,
    expect: {
      clerkOwn: 200,
      clerkSameBureau: 200,
      clerkForeign: 200,
      reviewerOwn: 200,
      reviewerForeign: 200,
      admin: 200,
    },
  },
  ...(['', '/compliance', '/diff'] as const).map(
    (suffix): Route => ({
      name: `submission${suffix}`,
      method: 'GET',
      path: (id) => `/api/v1/submissions/${id}${suffix}`,
      expect: {
        clerkOwn: 200,
        clerkSameBureau: 404,
        clerkForeign: 404,
        reviewerOwn: 200,
        reviewerForeign: 404,
        admin: 200,
      },
    }),
  ),
  {
    name: 'review',
    method: 'POST',
    path: (id) => `/api/v1/submissions/${id}/review`,
    body: { decision: 'approve' },
    expect: { clerkOwn: 403, clerkForeign: 403, reviewerOwn: 200, reviewerForeign: 404, admin: 200 },
  },
  {
    name: 'summary',
    method: 'GET',
    path: () => `/api/v1/bureau/summary?year=${YEAR}&bureau=A`,
    expect: { clerkOwn: 403, reviewerOwn: 200, reviewerForeign: 404, admin: 200 },
  },
  {
    name: 'teachers',
    method: 'GET',
    path: () => `/api/v1/bureau/teachers?year=${YEAR}&school=${SCHOOLS.A1.code}&bureau=A`,
    expect: { clerkOwn: 403, reviewerOwn: 200, reviewerForeign: 404, admin: 200 },
  },
  {
    name: 'school versions',
    method: 'GET',
    path: () => `/api/v1/bureau/schools/${SCHOOLS.A1.code}?year=${YEAR}&bureau=A`,
    expect: { clerkOwn: 403, reviewerOwn: 200, reviewerForeign: 404, admin: 200 },
  },
  {
    name: 'export',
    method: 'GET',
    path: () => `/api/v1/bureau/export?year=${YEAR}&bureau=A`,
    expect: { clerkOwn: 403, reviewerOwn: 200, reviewerForeign: 404, admin: 200 },
  },
  {
    name: 'summary export',
    method: 'GET',
    path: () => `/api/v1/bureau/exports/summary?year=${YEAR}&bureau=A`,
    expect: { clerkOwn: 403, reviewerOwn: 200, reviewerForeign: 404, admin: 200 },
  },
  {
    name: 'policy get',
    method: 'GET',
    path: () => `/api/v1/policies/${YEAR}?bureau=A`,
    expect: {
      clerkOwn: 200,
      clerkSameBureau: 200,
      clerkForeign: 404,
      reviewerOwn: 200,
      reviewerForeign: 404,
      admin: 200,
    },
  },
  {
    name: 'policy put',
    method: 'PUT',
    path: () => `/api/v1/policies/${YEAR}?bureau=A`,
    body: { id: 'a-2025' },
    expect: { clerkOwn: 403, reviewerOwn: 403, admin: 200 },
  },
  {
    name: 'admin bureaus',
    method: 'GET',
    path: () => '/api/v1/admin/bureaus',
    expect: { clerkOwn: 403, reviewerOwn: 403, admin: 200 },
  },
  {
    name: 'admin tokens',
    method: 'GET',
    path: () => '/api/v1/admin/tokens',
    expect: { clerkOwn: 403, reviewerOwn: 403, admin: 200 },
  },
  {
    name: 'admin export',
    method: 'GET',
    path: () => `/api/v1/admin/export?year=${YEAR}&bureau=A`,
    expect: { clerkOwn: 403, reviewerOwn: 403, reviewerForeign: 403, admin: 200 },
  },
  // Last: it moves the school to a new version. Another school's clerk sends A1's workbook: refused as a mismatch.
  {
    name: 'submit',
    method: 'POST',
    path: () => '/api/v1/submissions',
    body: { year: YEAR, workbook: revised(workbookA1) },
    headers: () => ({ 'Idempotency-Key': newKey() }),
    expect: {
      clerkOwn: 201,
      clerkSameBureau: 400,
      clerkForeign: 400,
      reviewerOwn: 403,
      reviewerForeign: 403,
      admin: 403,
    },
  },
];

describe('access matrix', () => {
  const app = testApp();
  let id = '';

  beforeAll(async () => {
    await seedTenants();
    const res = await submit(app, TOKENS.clerkA1, workbookA1);
    id = (await res.json<SubmissionReceipt>()).submission.id;
  });

  for (const route of ROUTES) {
    it(`should answer ${route.name} with the right status for every caller`, async () => {
      const got: Partial<Record<Who, number>> = {};
      const want: Partial<Record<Who, number>> = {};
      for (const who of EVERYONE) {
        const res = await call(app, route.method, route.path(id), {
          token: TOKEN_OF[who],
          body: route.body,
          headers: route.headers?.(),
        });
        got[who] = res.status;
        const unauthenticated = ['none', 'revoked', 'expired'].includes(who);
        want[who] = route.expect[who] ?? (route.name === 'health' ? 200 : unauthenticated ? 401 : 403);
      }
      expect(got).toEqual(want);
    });
  }

  it("should list only the caller's own tenant's submissions", async () => {
    for (const token of [TOKENS.clerkA2, TOKENS.clerkB1, TOKENS.reviewerB]) {
      const list = await (await call(app, 'GET', `/api/v1/submissions?year=${YEAR}`, { token })).json<{
        items: { id: string }[];
      }>();
      expect(list.items.map((i) => i.id)).not.toContain(id);
    }
    for (const token of [TOKENS.clerkA1, TOKENS.reviewerA, TOKENS.admin]) {
      const list = await (await call(app, 'GET', `/api/v1/submissions?year=${YEAR}`, { token })).json<{
        items: { id: string }[];
      }>();
      expect(list.items.map((i) => i.id)).toContain(id);
    }
  });

  it('should answer an unknown token, a revoked and an expired one with distinct 401 codes', async () => {
    const codes: string[] = [];
    for (const token of ['nope', TOKENS.revoked, TOKENS.expired, undefined]) {
      const res = await call(app, 'GET', '/api/v1/me', { token });
      codes.push(((await res.json()) as { error: { code: string } }).error.code);
    }
    expect(codes).toEqual(['auth.invalid_token', 'auth.revoked_token', 'auth.expired_token', 'auth.missing_token']);
  });
});
