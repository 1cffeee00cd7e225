/**
 * "A reviewer never sees a verdict computed from a superseded version" (archive.md §1), read path by
 * read path: each test leaves A1's 2025 verdict marked (a correction of A2's 2023 ledger that fails
 * after its commit, before its re-evaluation), then reads it through one route only. The route must
 * re-evaluate it first, and what it answers must be the new verdict. And when a read cannot bring
 * everything up to date (more than one request's budget), the answers say so.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import { todayInBeijing } from '../../shared/policy/index.js';
import { allTeachers, bureauSummary, teacherPage } from '../../worker/db/bureau.js';
import type { BureauRow } from '../../worker/db/tenants.js';
import { ApiError } from '../../worker/errors.js';
import { NOW, SCHOOLS, seedTenants, type TestApp, TOKENS, testApp } from './helpers.js';
import {
  a2Ledger,
  client,
  cycleHours,
  staleCurrent,
  submitFiveYears,
  submitLedger,
  trainingsOf,
  wu,
} from './history-kit.js';

/** The training of 吴二's that A2's 2023 ledger drops and restores in turn. */
const toggled = trainingsOf(wu, 2023)[0]!;
let dropped = false;

/** A1's current 2025 version as stored. */
const a1In2025 = () =>
  env.DB.prepare(
    `SELECT s.id, s.stale_since, s.evaluated_at FROM current_submissions c JOIN submissions s ON s.id = c.submission_id
      WHERE c.school_code = ?1 AND c.year = 2025`,
  )
    .bind(SCHOOLS.A1.code)
    .first<{ id: string; stale_since: string | null; evaluated_at: string }>();

/**
 * A2 corrects 2023 (drops or restores `toggled`) in a request that fails after its commit: the later
 * verdicts that counted it stay marked. Returns 吴二's 2025 cycle_hours actual as it must now be read.
 */
async function leaveStale(): Promise<number> {
  dropped = !dropped;
  const failing = testApp({
    faults: (step) => {
      if (step === 'respond') throw new Error('injected fault after the commit');
    },
  });
  const ledger = dropped ? a2Ledger(2023, toggled.course) : a2Ledger(2023);
  expect((await submitLedger(TOKENS.clerkA2, 2023, ledger, failing)).status).toBe(500);
  expect((await a1In2025())!.stale_since).not.toBeNull();
  return cycleHours(wu) - (dropped ? toggled.hours : 0);
}

/** An app whose clock is a minute later than the last one's: a re-evaluation it runs is stamped with it. */
let clock = NOW.getTime();
function reader(): { app: TestApp; at: string } {
  clock += 60_000;
  const at = new Date(clock);
  return { app: testApp({ now: () => at }), at: at.toISOString() };
}

/** The CSV line of 吴二 in A1 (the exports list the unmet rules' ids in their last column). */
const wuLine = (csv: string) => csv.split('\n').find((l) => l.includes(SCHOOLS.A1.code) && l.includes(wu.name))!;

type Read = (app: TestApp) => Promise<{ actual?: number; cycleUnmet?: boolean }>;

const reads: [string, Read][] = [
  [
    'GET /bureau/summary',
    async (app) => {
      const s = await (await client(TOKENS.reviewerA, app).bureau.summary.$get({ query: { year: '2025' } })).json();
      const a1 = s.schools.find((r) => r.code === SCHOOLS.A1.code)!;
      expect(a1.stale).toBe(false);
      expect(s.recomputing).toBe(0);
      return { cycleUnmet: s.byRule.find((r) => r.rule === 'cycle_hours')!.fail === 1 };
    },
  ],
  [
    'GET /bureau/teachers (the whole bureau)',
    async (app) => {
      const page = await (await client(TOKENS.reviewerA, app).bureau.teachers.$get({ query: { year: '2025' } })).json();
      const row = page.items.find((t) => t.schoolCode === SCHOOLS.A1.code && t.name === wu.name)!;
      expect(row.stale).toBe(false);
      return { actual: row.rules.find((r) => r.rule === 'cycle_hours')!.actual };
    },
  ],
  [
    'GET /bureau/schools/:code',
    async (app) => {
      const res = await client(TOKENS.reviewerA, app).bureau.schools[':code'].$get({
        param: { code: SCHOOLS.A1.code },
        query: { year: '2025' },
      });
      const current = (await res.json()).versions.find((v) => v.current)!;
      expect(current.stale).toBe(false);
      return {};
    },
  ],
  [
    'GET /bureau/schools/:code/teachers/:row',
    async (app) => {
      const row = await env.DB.prepare(
        `SELECT t.row FROM teachers t JOIN current_submissions c ON c.submission_id = t.submission_id
          WHERE c.school_code = ?1 AND c.year = 2025 AND t.name = ?2`,
      )
        .bind(SCHOOLS.A1.code, wu.name)
        .first<{ row: number }>();
      const res = await client(TOKENS.reviewerA, app).bureau.schools[':code'].teachers[':row'].$get({
        param: { code: SCHOOLS.A1.code, row: String(row!.row) },
        query: { year: '2025' },
      });
      const view = await res.json();
      return { actual: view.rules.find((r) => r.rule === 'cycle_hours')!.actual };
    },
  ],
  [
    'GET /bureau/export',
    async (app) => {
      const res = await client(TOKENS.reviewerA, app).bureau.export.$get({ query: { year: '2025', format: 'csv' } });
      return { cycleUnmet: wuLine(await res.text()).includes('cycle_hours') };
    },
  ],
  [
    'GET /admin/export (full IDs)',
    async (app) => {
      const res = await client(TOKENS.admin, app).admin.export.$get({
        query: { year: '2025', bureau: 'A', format: 'csv' },
      });
      return { cycleUnmet: wuLine(await res.text()).includes('cycle_hours') };
    },
  ],
  [
    'GET /bureau/exports/teachers',
    async (app) => {
      const res = await client(TOKENS.reviewerA, app).bureau.exports.teachers.$get({
        query: { year: '2025', format: 'csv' },
      });
      return { cycleUnmet: wuLine(await res.text()).includes('cycle_hours') };
    },
  ],
  [
    'GET /bureau/exports/summary',
    async (app) => {
      const res = await client(TOKENS.reviewerA, app).bureau.exports.summary.$get({
        query: { year: '2025', format: 'csv' },
      });
      expect(res.status).toBe(200);
      return {};
    },
  ],
  [
    'GET /statistics',
    async (app) => {
      const s = await (await client(TOKENS.reviewerA, app).statistics.$get({ query: { year: '2025' } })).json();
      expect(s.schools.find((r) => r.code === SCHOOLS.A1.code)!.stale).toBe(false);
      return {};
    },
  ],
  [
    'GET /statistics/export',
    async (app) => {
      const res = await client(TOKENS.reviewerA, app).statistics.export.$get({ query: { year: '2025' } });
      expect(res.status).toBe(200);
      return {};
    },
  ],
  [
    'GET /submissions (the list)',
    async (app) => {
      const list = await (await client(TOKENS.reviewerA, app).submissions.$get({ query: { year: '2025' } })).json();
      expect(list.items.find((s) => s.schoolCode === SCHOOLS.A1.code && s.current)!.stale).toBe(false);
      return {};
    },
  ],
  [
    'GET /submissions/:id',
    async (app) => {
      const id = (await a1In2025())!.id;
      const d = await (await client(TOKENS.reviewerA, app).submissions[':id'].$get({ param: { id } })).json();
      expect(d.submission.stale).toBe(false);
      return {};
    },
  ],
  [
    'GET /submissions/:id/diff',
    async (app) => {
      const id = (await a1In2025())!.id;
      const res = await client(TOKENS.reviewerA, app).submissions[':id'].diff.$get({ param: { id } });
      expect(res.status).toBe(200);
      return {};
    },
  ],
];

describe('every read of verdicts after an earlier ledger changed', () => {
  beforeAll(async () => {
    await seedTenants();
    await submitFiveYears();
  });

  it.each(reads)('%s should re-evaluate the marked verdict first and answer the new one', async (_, read) => {
    const expected = await leaveStale();
    const { app, at } = reader();
    const seen = await read(app);
    expect(await a1In2025()).toMatchObject({ stale_since: null, evaluated_at: at });
    if (seen.actual !== undefined) expect(seen.actual).toBe(expected);
    if (seen.cycleUnmet !== undefined) expect(seen.cycleUnmet).toBe(expected < cycleHours(wu));
  });

  it('should say which verdicts are still being recomputed, and refuse an export, where a read has not reached them', async () => {
    // What the routes answer beyond one request's budget: the reads below skip the re-evaluation.
    await leaveStale();
    const bureau = await env.DB.prepare("SELECT * FROM bureaus WHERE id = 'A'").first<BureauRow>();
    const summary = await bureauSummary(env.DB, bureau!, 2025, todayInBeijing(NOW));
    expect(summary.schools.find((s) => s.code === SCHOOLS.A1.code)!.stale).toBe(true);
    // A2's 2025 verdict too: 郑三 is in the corrected 2023 ledger.
    expect(summary.schools.filter((s) => s.stale).map((s) => s.code)).toEqual([SCHOOLS.A1.code, SCHOOLS.A2.code]);
    expect(summary.recomputing).toBe(2);
    const page = await teacherPage(env.DB, { bureauId: 'A', year: 2025 }, 1, 50);
    expect(page.items.map((t) => [t.schoolCode, t.stale])).toEqual([
      [SCHOOLS.A1.code, true],
      [SCHOOLS.A1.code, true],
      [SCHOOLS.A2.code, true],
    ]);
    const refused = await allTeachers(env.DB, { bureauId: 'A', year: 2025 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(503);
    expect((refused as ApiError).code).toBe('verdicts.recomputing');

    // Through the route, the same export re-evaluates first and then has nothing to refuse.
    const res = await client(TOKENS.reviewerA).bureau.export.$get({ query: { year: '2025', format: 'csv' } });
    expect(
      res.status,
      JSON.stringify(
        (await res
          .clone()
          .json()
          .catch(() => null)) as ApiErrorBody | null,
      ),
    ).toBe(200);
    expect((await a1In2025())!.stale_since).toBeNull();
    // Other years' verdicts wait for a read of their year.
    expect(await staleCurrent()).toBeGreaterThan(0);
  });
});
