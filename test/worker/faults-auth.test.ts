/**
 * Tokens on every route: missing, malformed, unknown, revoked and expired tokens of every role are
 * refused with their own 401 code, and a token of another tenant (or of a role the route is not
 * for) gets 404 or 403 — on every handler the app registers, so a new route cannot escape.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../shared/api/errors.js';
import type { HistoryResponse } from '../../shared/api/history.js';
import type { Me, SubmissionList, SubmissionReceipt } from '../../shared/api/responses.js';
import { apiRoutes, expectApiError, tableCounts } from './faults-kit.js';
import {
  buildWorkbook,
  call,
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
const teachers: TeacherSpec[] = [{ name: '王五', id: makeId(11, '男'), gender: '男' }];
const workbookA1 = buildWorkbook(SCHOOLS.A1, teachers, passingTrainings(teachers[0]!));

/** Extra dead tokens so that every role has a revoked and an expired one. */
const DEAD = {
  revokedReviewer: 'h7-revoked-reviewer',
  revokedAdmin: 'h7-revoked-admin',
  expiredClerk: 'h7-expired-clerk',
  expiredAdmin: 'h7-expired-admin',
} as const;

async function sha256Hex(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function seedDeadTokens(): Promise<void> {
  const rows: [string, string, string | null, string | null, string | null, string | null][] = [
    [DEAD.revokedReviewer, 'reviewer', null, 'A', null, '2026-01-02T00:00:00Z'],
    [DEAD.revokedAdmin, 'admin', null, null, null, '2026-01-02T00:00:00Z'],
    // Expires exactly at the pinned clock (2026-03-01T04:00Z): the boundary counts as expired.
    [DEAD.expiredClerk, 'clerk', SCHOOLS.A1.code, null, '2026-03-01T04:00:00Z', null],
    [DEAD.expiredAdmin, 'admin', null, null, '2026-02-01T00:00:00Z', null],
  ];
  const db = env.DB;
  await db.batch(
    await Promise.all(
      rows.map(async ([t, role, school, bureau, expires, revoked]) =>
        db
          .prepare(
            'INSERT INTO tokens (id, hash, role, school_code, bureau_id, label, created_at, expires_at, revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)',
          )
          .bind(
            `tok-${t}`,
            await sha256Hex(t),
            role,
            school,
            bureau,
            `label ${t}`,
            '2026-01-01T00:00:00Z',
            expires,
            revoked,
          ),
      ),
    ),
  );
}

let subA1 = '';

/** A concrete request for a route: params filled with bureau A's objects, a valid body where one is read. */
function requestFor(route: string): { method: string; path: string; body?: unknown; headers?: Record<string, string> } {
  const [method, pattern] = route.split(' ') as [string, string];
  const path = pattern
    .replace(':id/revoke', `tok-${TOKENS.clerkA2}/revoke`)
    .replace(':id/renew', `tok-${TOKENS.clerkA2}/renew`)
    .replace(':id', subA1)
    .replace(':code', SCHOOLS.A1.code)
    .replace(':row', '2')
    .replace(':year', String(YEAR));
  const bodies: Record<string, unknown> = {
    'POST /api/v1/submissions': { year: YEAR, workbook: workbookA1 },
    'POST /api/v1/submissions/:id/review': { decision: 'approve' },
    'POST /api/v1/history': { year: YEAR + 1, ids: [teachers[0]!.id] },
    'PUT /api/v1/policies/:year': {},
    'POST /api/v1/admin/bureaus': { id: 'C', name: '新区教育局' },
    'POST /api/v1/admin/schools': { code: '3299990001', name: '新学校', type: '小学', rural: false, bureauId: 'A' },
    'POST /api/v1/admin/tokens': { role: 'reviewer', bureauId: 'A', label: 'x' },
    'POST /api/v1/catalogue/:year/import': {
      workbook: {
        sheets: [
          {
            name: '培训项目目录',
            rows: [['项目编号', '培训项目', '培训级别', '培训类别', '培训形式', '开始日期', '结束日期', '认定学时']],
          },
        ],
      },
    },
    'PUT /api/v1/catalogue/:year/entries/:code': {
      course: '新教师入岗培训',
      level: '区级',
      category: '新教师入岗',
      form: '集中面授',
      startDate: `${YEAR}-03-01`,
      endDate: `${YEAR}-03-02`,
      hours: 8,
    },
    'POST /api/v1/recognition/:year/decisions': {
      action: 'reject',
      group: `课程|区级|${YEAR}-03-01|${YEAR}-03-02`,
      reason: '不予认定',
    },
    'POST /api/v1/admin/tokens/:id/renew': {},
  };
  const query = route === 'PUT /api/v1/policies/:year' ? '?bureau=A' : '';
  return { method, path: path + query, body: bodies[route], headers: { 'Idempotency-Key': newKey() } };
}

interface ForeignCase {
  token: string;
  /** Overrides the route's default request path (foreign query parameters). */
  path?: string;
  body?: unknown;
  status: number;
  code?: ApiErrorCode;
  /** For 200 answers: what must not leak. */
  check?: (body: unknown) => void;
}

/**
 * For every route: requests by tokens of bureau B (or of a school of A other than the owner), and by
 * roles the route is not for. Bureau A's objects: school A1, its submission, bureau A's views.
 */
function foreignCases(): Record<string, ForeignCase[]> {
  const forbidden = (...tokens: string[]) =>
    tokens.map((token): ForeignCase => ({ token, status: 403, code: 'auth.forbidden' }));
  const notFound = (token: string, path?: string): ForeignCase => ({ token, path, status: 404, code: 'not_found' });
  const sub = `/api/v1/submissions/${subA1}`;
  const adminOnly = forbidden(TOKENS.reviewerA, TOKENS.clerkA1);
  return {
    'GET /api/v1/me': [
      { token: TOKENS.reviewerB, status: 200, check: (b) => expect((b as Me).bureau?.id).toBe('B') },
      { token: TOKENS.clerkB1, status: 200, check: (b) => expect((b as Me).school?.code).toBe(SCHOOLS.B1.code) },
    ],
    'POST /api/v1/submissions': [
      { token: TOKENS.clerkB1, status: 400, code: 'submission.school_mismatch' },
      { token: TOKENS.clerkA2, status: 400, code: 'submission.school_mismatch' },
      ...forbidden(TOKENS.reviewerA, TOKENS.admin),
    ],
    'GET /api/v1/submissions': [TOKENS.reviewerB, TOKENS.clerkB1, TOKENS.clerkA2].map((token) => ({
      token,
      path: `/api/v1/submissions?year=${YEAR}`,
      status: 200,
      check: (b: unknown) => expect((b as SubmissionList).items.map((i) => i.id)).not.toContain(subA1),
    })),
    'GET /api/v1/submissions/:id': [notFound(TOKENS.reviewerB), notFound(TOKENS.clerkB1), notFound(TOKENS.clerkA2)],
    'GET /api/v1/submissions/:id/compliance': [
      notFound(TOKENS.reviewerB, `${sub}/compliance`),
      notFound(TOKENS.clerkA2, `${sub}/compliance`),
    ],
    'GET /api/v1/submissions/:id/diff': [
      notFound(TOKENS.reviewerB, `${sub}/diff`),
      notFound(TOKENS.clerkB1, `${sub}/diff`),
    ],
    'POST /api/v1/submissions/:id/review': [notFound(TOKENS.reviewerB), ...forbidden(TOKENS.clerkA1)],
    'GET /api/v1/bureau/summary': [
      notFound(TOKENS.reviewerB, '/api/v1/bureau/summary?bureau=A'),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/bureau/teachers': [
      notFound(TOKENS.reviewerB, '/api/v1/bureau/teachers?bureau=A'),
      notFound(TOKENS.reviewerB, `/api/v1/bureau/teachers?school=${SCHOOLS.A1.code}`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/bureau/schools/:code': [notFound(TOKENS.reviewerB), ...forbidden(TOKENS.clerkA1)],
    'GET /api/v1/bureau/schools/:code/teachers/:row': [notFound(TOKENS.reviewerB), ...forbidden(TOKENS.clerkA1)],
    // Another bureau's clerk asking for this teacher learns nothing of bureau A's ledgers.
    'POST /api/v1/history': [
      {
        token: TOKENS.clerkB1,
        status: 200,
        check: (b) =>
          expect(b as HistoryResponse).toMatchObject({
            sources: [],
            teachers: [{ trainings: [], duties: [], milestones: [] }],
          }),
      },
      ...forbidden(TOKENS.reviewerA, TOKENS.admin),
    ],
    'GET /api/v1/bureau/export': [
      notFound(TOKENS.reviewerB, '/api/v1/bureau/export?bureau=A'),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/bureau/exports/summary': [
      notFound(TOKENS.reviewerB, '/api/v1/bureau/exports/summary?bureau=A'),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/bureau/exports/teachers': [
      notFound(TOKENS.reviewerB, '/api/v1/bureau/exports/teachers?bureau=A'),
      notFound(TOKENS.reviewerB, `/api/v1/bureau/exports/teachers?school=${SCHOOLS.A1.code}`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/policies/:year': [
      notFound(TOKENS.reviewerB, `/api/v1/policies/${YEAR}?bureau=A`),
      notFound(TOKENS.clerkB1, `/api/v1/policies/${YEAR}?bureau=A`),
    ],
    'PUT /api/v1/policies/:year': forbidden(TOKENS.reviewerA, TOKENS.clerkA1),
    'GET /api/v1/admin/bureaus': adminOnly,
    'POST /api/v1/admin/bureaus': adminOnly,
    'GET /api/v1/admin/schools': adminOnly,
    'POST /api/v1/admin/schools': adminOnly,
    'GET /api/v1/admin/tokens': adminOnly,
    'POST /api/v1/admin/tokens': adminOnly,
    'POST /api/v1/admin/tokens/:id/revoke': adminOnly,
    'POST /api/v1/admin/tokens/:id/renew': adminOnly,
    'GET /api/v1/admin/export': adminOnly,
    // The catalogue of bureau A: its clerks read it, other bureaus' tokens name it in vain.
    'GET /api/v1/catalogue/template': [{ token: TOKENS.clerkB1, status: 200 }],
    'GET /api/v1/catalogue/:year': [
      notFound(TOKENS.reviewerB, `/api/v1/catalogue/${YEAR}?bureau=A`),
      notFound(TOKENS.clerkB1, `/api/v1/catalogue/${YEAR}?bureau=A`),
    ],
    'GET /api/v1/catalogue/:year/export': [
      notFound(TOKENS.reviewerB, `/api/v1/catalogue/${YEAR}/export?bureau=A`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'POST /api/v1/catalogue/:year/import': [
      notFound(TOKENS.reviewerB, `/api/v1/catalogue/${YEAR}/import?bureau=A`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'PUT /api/v1/catalogue/:year/entries/:code': [
      notFound(TOKENS.reviewerB, `/api/v1/catalogue/${YEAR}/entries/${SCHOOLS.A1.code}?bureau=A`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'DELETE /api/v1/catalogue/:year/entries/:code': [
      notFound(TOKENS.reviewerB, `/api/v1/catalogue/${YEAR}/entries/${SCHOOLS.A1.code}?bureau=A`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/recognition/:year/queue': [
      notFound(TOKENS.reviewerB, `/api/v1/recognition/${YEAR}/queue?bureau=A`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'POST /api/v1/recognition/:year/decisions': [
      notFound(TOKENS.reviewerB, `/api/v1/recognition/${YEAR}/decisions?bureau=A`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/statistics': [
      notFound(TOKENS.reviewerB, `/api/v1/statistics?bureau=A&year=${YEAR}`),
      ...forbidden(TOKENS.clerkA1),
    ],
    'GET /api/v1/statistics/export': [
      notFound(TOKENS.reviewerB, `/api/v1/statistics/export?bureau=A&year=${YEAR}`),
      ...forbidden(TOKENS.clerkA1),
    ],
  };
}

const PUBLIC_ROUTES = ['GET /api/v1/health'];

const BAD_TOKENS: { name: string; header: string | null; code: ApiErrorCode }[] = [
  { name: 'no Authorization header', header: null, code: 'auth.missing_token' },
  { name: 'a Basic scheme', header: 'Basic dGVzdDp0ZXN0', code: 'auth.missing_token' },
  { name: 'an empty bearer', header: 'Bearer ', code: 'auth.missing_token' },
  { name: 'an unknown token', header: 'Bearer no-such-token', code: 'auth.invalid_token' },
  { name: 'a 64 KB token', header: `Bearer ${'x'.repeat(65_536)}`, code: 'auth.invalid_token' },
  { name: 'a revoked clerk token', header: `Bearer ${TOKENS.revoked}`, code: 'auth.revoked_token' },
  { name: 'a revoked reviewer token', header: `Bearer ${DEAD.revokedReviewer}`, code: 'auth.revoked_token' },
  { name: 'a revoked admin token', header: `Bearer ${DEAD.revokedAdmin}`, code: 'auth.revoked_token' },
  { name: 'an expired clerk token', header: `Bearer ${DEAD.expiredClerk}`, code: 'auth.expired_token' },
  { name: 'an expired reviewer token', header: `Bearer ${TOKENS.expired}`, code: 'auth.expired_token' },
  { name: 'an expired admin token', header: `Bearer ${DEAD.expiredAdmin}`, code: 'auth.expired_token' },
];

describe('access on every route', () => {
  beforeAll(async () => {
    await seedTenants();
    await seedDeadTokens();
    const res = await submit(app, TOKENS.clerkA1, workbookA1);
    expect(res.status).toBe(201);
    subA1 = (await res.json<SubmissionReceipt>()).submission.id;
  });

  it('should list the routes this test knows, so that a new route fails here until its cases are added', () => {
    const known = [...PUBLIC_ROUTES, ...Object.keys(foreignCases())].sort();
    expect(apiRoutes(app)).toEqual(known);
  });

  it('should answer GET /health, the one public route, without a token', async () => {
    expect((await call(app, 'GET', '/api/v1/health')).status).toBe(200);
  });

  for (const bad of BAD_TOKENS) {
    it(`should refuse ${bad.name} with 401 ${bad.code} on every route and write nothing`, async () => {
      const before = await tableCounts();
      for (const route of apiRoutes(app).filter((r) => !PUBLIC_ROUTES.includes(r))) {
        const r = requestFor(route);
        const headers = { ...r.headers, ...(bad.header !== null ? { Authorization: bad.header } : {}) };
        const res = await call(app, r.method, r.path, { body: r.body, headers });
        const err = await expectApiError(res, 401, bad.code);
        expect(err.error.code, route).toBe(bad.code);
      }
      expect(await tableCounts()).toEqual(before);
    });
  }

  it("should refuse another tenant's objects (404) and other roles (403) on every route, and write nothing", async () => {
    const before = await tableCounts();
    const cases = foreignCases();
    for (const route of apiRoutes(app).filter((r) => !PUBLIC_ROUTES.includes(r))) {
      expect(cases[route], route).toBeDefined();
      for (const c of cases[route]!) {
        const r = requestFor(route);
        const res = await call(app, r.method, c.path ?? r.path, {
          token: c.token,
          body: c.body ?? r.body,
          headers: r.headers,
        });
        if (c.status === 200) {
          expect(res.status, `${route} as ${c.token}`).toBe(200);
          c.check?.(await res.json());
        } else {
          const err = await expectApiError(res, c.status, c.code);
          expect(err.error.code, `${route} as ${c.token}`).toBe(c.code);
        }
      }
    }
    expect(await tableCounts()).toEqual(before);
  });

  it('should still let the owner reach the objects the foreign tokens were refused', async () => {
    for (const path of [
      `/api/v1/submissions/${subA1}`,
      `/api/v1/submissions/${subA1}/compliance`,
      `/api/v1/submissions/${subA1}/diff`,
    ]) {
      expect((await call(app, 'GET', path, { token: TOKENS.clerkA1 })).status).toBe(200);
      expect((await call(app, 'GET', path, { token: TOKENS.reviewerA })).status).toBe(200);
    }
    expect(
      (await call(app, 'GET', `/api/v1/bureau/schools/${SCHOOLS.A1.code}?year=${YEAR}`, { token: TOKENS.reviewerA }))
        .status,
    ).toBe(200);
  });
});
