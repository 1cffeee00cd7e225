/**
 * A full resident ID number never reaches a log line or a reviewer: every console call of this
 * whole file is captured, every response body kept (xlsx unzipped), and both are scanned for every
 * full ID of the submitted workbooks. The one audited full export is the positive control: the
 * scanner must find every ID there.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SubmissionReceipt, TeacherPage } from '../../shared/api/responses.js';
import { encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import { generateSchool } from '../fixtures/generate-school.js';
import {
  type CallOptions,
  call,
  newKey,
  revised,
  SCHOOLS,
  seedTenants,
  type TestApp,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';
import { unzipText } from './security-kit.js';

const logs: string[] = [];
const responses: { who: string; what: string; status: number; text: string }[] = [];

function school(seed: number, code: string, teachers: number): { grid: WorkbookGrid; ids: string[] } {
  const grid = generateSchool({ seed, teachers, year: YEAR, withDuties: true, withMilestones: true });
  grid.sheets.find((s) => s.name === '学校概况')!.rows.find((r) => r[0] === '学校代码')![1] = code;
  const roster = grid.sheets.find((s) => s.name === '教师名册')!;
  const c = roster.rows[0]!.indexOf('身份证号');
  return { grid, ids: roster.rows.slice(1).map((r) => String(r[c])) };
}

const A1 = school(301, SCHOOLS.A1.code, 40);
const A2 = school(302, SCHOOLS.A2.code, 25);
const ALL_IDS = [...A1.ids, ...A2.ids];

const WHO: Record<string, string> = {
  [TOKENS.clerkA1]: 'clerk',
  [TOKENS.clerkA2]: 'clerk',
  [TOKENS.reviewerA]: 'reviewer',
  [TOKENS.admin]: 'admin',
};

/** A request whose answer is kept for the scan (xlsx as the text of its parts). */
async function req(app: TestApp, method: string, path: string, o: CallOptions = {}): Promise<Response> {
  const res = await call(app, method, path, o);
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  const zipped = (res.headers.get('Content-Type') ?? '').includes('spreadsheetml');
  const text = zipped ? [...(await unzipText(bytes)).values()].join('\n') : new TextDecoder().decode(bytes);
  responses.push({ who: WHO[o.token ?? ''] ?? 'anonymous', what: `${method} ${path}`, status: res.status, text });
  return res;
}

const findIds = (text: string) => ALL_IDS.filter((id) => text.toUpperCase().includes(id.toUpperCase()));

describe('full ID numbers in logs and reviewer responses', () => {
  const app = testApp();
  let subA1 = '';
  let subA1v2 = '';

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logs.push(
          args
            .map((a) =>
              typeof a === 'string' ? a : a instanceof Error ? `${a.message}\n${a.stack}` : JSON.stringify(a),
            )
            .join(' '),
        );
      });
    }
    await seedTenants();
  });

  afterAll(() => {
    vi.restoreAllMocks();
  });

  it('should take the submissions (clerks see their receipts)', async () => {
    const post = (token: string, grid: WorkbookGrid) =>
      req(app, 'POST', '/api/v1/submissions', {
        token,
        body: { year: YEAR, workbook: encodeWorkbook(grid) },
        gzip: true,
        headers: { 'Idempotency-Key': newKey() },
      });
    const r1 = await post(TOKENS.clerkA1, A1.grid);
    expect(r1.status).toBe(201);
    subA1 = (await r1.json<SubmissionReceipt>()).submission.id;
    expect((await post(TOKENS.clerkA2, A2.grid)).status).toBe(201);
    // A second version without the last teacher, so the diff has a removed teacher to show.
    const v2 = structuredClone(A1.grid);
    const roster = v2.sheets.find((s) => s.name === '教师名册')!;
    const gone = roster.rows.pop()!;
    for (const name of ['培训记录', '骨干履职', '青年教师考核']) {
      const sh = v2.sheets.find((s) => s.name === name);
      if (sh) sh.rows = sh.rows.filter((r, i) => i === 0 || r[0] !== gone[1]);
    }
    const r2 = await post(TOKENS.clerkA1, v2);
    expect(r2.status).toBe(201);
    subA1v2 = (await r2.json<SubmissionReceipt>()).submission.id;
  });

  it('should refuse a workbook with a mistyped ID without echoing the full numbers of the others', async () => {
    const bad = structuredClone(A1.grid);
    const roster = bad.sheets.find((s) => s.name === '教师名册')!;
    const c = roster.rows[0]!.indexOf('身份证号');
    roster.rows[1]![c] =
      `${String(roster.rows[1]![c]).slice(0, 17)}${String(roster.rows[1]![c]).endsWith('0') ? '1' : '0'}`;
    const res = await req(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook: encodeWorkbook(bad) },
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(res.status).toBe(400);
  });

  it('should answer every reviewer view (summary, teachers, versions, compliance, diff, exports, review)', async () => {
    const t = TOKENS.reviewerA;
    const paths = [
      '/api/v1/me',
      `/api/v1/bureau/summary?year=${YEAR}`,
      `/api/v1/bureau/teachers?year=${YEAR}&pageSize=500`,
      `/api/v1/bureau/teachers?year=${YEAR}&status=fail`,
      `/api/v1/bureau/teachers?year=${YEAR}&school=${SCHOOLS.A1.code}`,
      `/api/v1/bureau/schools/${SCHOOLS.A1.code}?year=${YEAR}`,
      `/api/v1/submissions?year=${YEAR}`,
      `/api/v1/submissions/${subA1}`,
      `/api/v1/submissions/${subA1}/compliance`,
      `/api/v1/submissions/${subA1v2}/compliance`,
      `/api/v1/submissions/${subA1v2}/diff`,
      `/api/v1/policies/${YEAR}`,
      ...['csv', 'xlsx'].flatMap((f) => [
        `/api/v1/bureau/export?year=${YEAR}&format=${f}`,
        `/api/v1/bureau/exports/summary?year=${YEAR}&format=${f}`,
        `/api/v1/bureau/exports/teachers?year=${YEAR}&format=${f}`,
      ]),
    ];
    for (const p of paths) expect((await req(app, 'GET', p, { token: t })).status, p).toBe(200);
    const page = await (
      await req(app, 'GET', `/api/v1/bureau/teachers?year=${YEAR}&pageSize=500`, { token: t })
    ).json<TeacherPage>();
    expect(page.total).toBe(A1.ids.length - 1 + A2.ids.length);
    expect(page.items.every((i) => /^\d{6}\*{8}[\dX]{4}$/.test(i.idMasked))).toBe(true);
    // A reviewer who pastes an ID into the name search: the query string is never logged.
    expect((await req(app, 'GET', `/api/v1/bureau/teachers?year=${YEAR}&q=${A1.ids[0]}`, { token: t })).status).toBe(
      200,
    );
    expect(
      (
        await req(app, 'POST', `/api/v1/submissions/${subA1v2}/review`, {
          token: t,
          body: { decision: 'return', comment: '请补充培训证明' },
        })
      ).status,
    ).toBe(200);
  });

  it("should keep an ID out of the log when a storage failure's message carries one (500 logged scrubbed)", async () => {
    const failing = testApp({
      faults: (step) => {
        if (step === 'stage-trainings')
          throw new Error(`D1_ERROR: constraint failed on ${A2.ids[0]} / ${A2.ids[1]!.toLowerCase()}`);
      },
    });
    const res = await req(failing, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA2,
      body: { year: YEAR, workbook: revised(encodeWorkbook(A2.grid)) },
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(res.status).toBe(500);
    expect(logs.some((l) => l.includes('D1_ERROR'))).toBe(true);
  });

  it('should find every ID in the audited full export (the scanner works on csv and xlsx)', async () => {
    for (const f of ['csv', 'xlsx']) {
      const res = await call(app, 'GET', `/api/v1/admin/export?year=${YEAR}&bureau=A&format=${f}`, {
        token: TOKENS.admin,
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const text = f === 'xlsx' ? [...(await unzipText(bytes)).values()].join('\n') : new TextDecoder().decode(bytes);
      expect(findIds(text).length).toBe(A1.ids.length - 1 + A2.ids.length);
    }
  });

  it('should have no full ID in any log line of this file', () => {
    expect(logs.length).toBeGreaterThan(20);
    const leaks = logs.flatMap((l) => findIds(l).map((id) => `${id.slice(0, 6)}… in ${l.slice(0, 120)}`));
    expect(leaks).toEqual([]);
  });

  it('should have no full ID in any response to a reviewer', () => {
    const reviewer = responses.filter((r) => r.who === 'reviewer');
    expect(reviewer.length).toBeGreaterThan(15);
    const leaks = reviewer.flatMap((r) => findIds(r.text).map((id) => `${id.slice(0, 6)}… in ${r.what}`));
    expect(leaks).toEqual([]);
  });

  it("should have no full ID in a clerk's receipts (a 400's findings quote the clerk's own cells, as validate does)", () => {
    const receipts = responses.filter((r) => r.who === 'clerk' && r.status < 300);
    expect(receipts.length).toBe(3);
    const leaks = receipts.flatMap((r) => findIds(r.text).map((id) => `${id.slice(0, 6)}… in ${r.what}`));
    expect(leaks).toEqual([]);
  });
});
