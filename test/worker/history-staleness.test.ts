/**
 * When an earlier ledger changes (archive.md §1): the later verdicts that counted it are
 * re-evaluated before the correcting clerk is answered, and what a failed request left stale is
 * re-evaluated on the next read. Each test corrects a ledger of its own and compares with the
 * verdict as it found it, so the tests pass alone and in any order.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import {
  buildWorkbook,
  NOW,
  SCHOOLS,
  seedTenants,
  type TeacherSpec,
  TOKENS,
  type TrainingSpec,
  testApp,
} from './helpers.js';
import {
  a2Ledger,
  client,
  cycleHours,
  hoursOf,
  originsOf,
  readingSuperseded,
  ruleOf,
  staleCurrent,
  submitFiveYears,
  submitLedger,
  trainingsOf,
  wu,
  type Year,
  zheng,
  zhou,
} from './history-kit.js';

/** A short training of `t`'s in `year`, named `course`: a ledger that adds it is new content. */
const extra = (t: TeacherSpec, year: number, course: string): TrainingSpec => ({
  id: t.id,
  name: t.name,
  course,
  level: '校级',
  category: '学科教学',
  start: `${year}-05-06`,
  end: `${year}-05-06`,
  hours: 3,
});

/** A ledger of `school` for `year` with these teachers, their own trainings of the year and `more`. */
const ledgerOf = (school: keyof typeof SCHOOLS, year: Year, teachers: TeacherSpec[], more: TrainingSpec[] = []) =>
  buildWorkbook({ ...SCHOOLS[school], plan: `${year}-09-10` }, teachers, [
    ...teachers.flatMap((t) => trainingsOf(t, year)),
    ...more,
  ]);

/** A1's current 2025 version as stored: its id, its mark and when its verdict was computed. */
const a1In2025 = () =>
  env.DB.prepare(
    `SELECT s.id, s.stale_since, s.evaluated_at FROM current_submissions c JOIN submissions s ON s.id = c.submission_id
      WHERE c.school_code = ?1 AND c.year = 2025`,
  )
    .bind(SCHOOLS.A1.code)
    .first<{ id: string; stale_since: string | null; evaluated_at: string }>();

/**
 * An app whose submission lets `other` commit between its own history lookup and its commit (the
 * race), then fails after its commit and before its re-evaluation, so that its marks stay visible.
 */
const racing = (other: () => Promise<void>) =>
  testApp({
    faults: async (step) => {
      if (step === 'stage-sources') await other();
      if (step === 'respond') throw new Error('injected fault after the commit');
    },
  });

/** A clerk token for A3, which the shared seed leaves without one. */
async function seedClerkA3(): Promise<string> {
  const token = 'test-clerk-a3';
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  await env.DB.prepare(
    `INSERT INTO tokens (id, hash, role, school_code, bureau_id, label, created_at)
     VALUES ('tok-a3', ?1, 'clerk', ?2, NULL, 'label a3', '2026-01-01T00:00:00Z')`,
  )
    .bind(hash, SCHOOLS.A3.code)
    .run();
  return token;
}

describe('a correction of an earlier ledger', () => {
  let receipts = new Map<string, SubmissionReceipt>();

  beforeAll(async () => {
    await seedTenants();
    receipts = await submitFiveYears();
  });

  /** 吴二's cycle_hours in A1's ledger of the year (the first version, or `id`), as a reviewer reads it now. */
  const wuCycle = async (year: 2024 | 2025, id = receipts.get(`A1 ${year}`)!.submission.id) => {
    const r = await (await client(TOKENS.reviewerA).submissions[':id'].compliance.$get({ param: { id } })).json();
    return { rule: ruleOf(r.compliance, wu, 'cycle_hours'), submission: r.submission, compliance: r.compliance };
  };

  it('should re-evaluate the later years that counted the replaced ledger before answering the clerk who corrected it', async () => {
    const before = await wuCycle(2025);
    const before2024 = await wuCycle(2024);
    const dropped = trainingsOf(wu, 2023)[0]!;
    const { status } = await submitLedger(TOKENS.clerkA2, 2023, a2Ledger(2023, dropped.course));
    expect(status).toBe(201);
    expect(await staleCurrent()).toBe(0);
    expect(await readingSuperseded()).toBe(0);
    const after = await wuCycle(2025);
    expect(after.rule.actual).toBe(before.rule.actual - dropped.hours);
    expect(after.rule.status).toBe('fail');
    expect(after.submission.stale).toBe(false);
    expect(after.submission.version).toBe(before.submission.version);
    // 周一 never was at A2: his verdict did not move.
    expect(ruleOf(after.compliance, zhou, 'cycle_hours').actual).toBe(cycleHours(zhou));
    expect((await wuCycle(2024)).rule.actual).toBe(before2024.rule.actual - dropped.hours);
  });

  it('should re-evaluate on read what a failed request left stale, so that no answer carries the old verdict', async () => {
    // The commit goes through, the request fails before its re-evaluation: the marks stay behind.
    const failing = testApp({
      faults: (step) => {
        if (step === 'respond') throw new Error('injected fault after the commit');
      },
    });
    const before = await wuCycle(2025);
    const dropped = trainingsOf(wu, 2022)[1]!;
    const { status } = await submitLedger(TOKENS.clerkA2, 2022, a2Ledger(2022, dropped.course), failing);
    expect(status).toBe(500);
    expect(await staleCurrent()).toBeGreaterThan(0);
    const page = await (
      await client(TOKENS.reviewerA).bureau.teachers.$get({ query: { year: '2025', school: SCHOOLS.A1.code } })
    ).json();
    const row = page.items.find((t) => t.name === '吴二')!;
    expect(row.rules.find((r) => r.rule === 'cycle_hours')!.actual).toBe(before.rule.actual - dropped.hours);
    // A reviewer browsing every year's summary brings every verdict of the bureau up to date.
    for (const year of ['2021', '2022', '2023', '2024', '2025']) {
      const summary = await (await client(TOKENS.reviewerA).bureau.summary.$get({ query: { year } })).json();
      expect(summary.schools.find((s) => s.code === SCHOOLS.A1.code)!.status).toBe('pending');
    }
    expect(await staleCurrent()).toBe(0);
    expect(await readingSuperseded()).toBe(0);
  });

  it('should neither mark nor re-evaluate a verdict for a commit of an unrelated school, even one racing its lookup', async () => {
    // A2's 2025 ledger holds only 郑三, who never was at A1; B1 is another bureau's school.
    const before = await a1In2025();
    expect(before!.stale_since).toBeNull();
    const later = testApp({ now: () => new Date(NOW.getTime() + 60_000) });
    expect(
      (await submitLedger(TOKENS.clerkA2, 2025, ledgerOf('A2', 2025, [zheng], [extra(zheng, 2025, '无关1')]), later))
        .status,
    ).toBe(201);
    expect(await a1In2025()).toEqual(before);

    // A1 submits while A2 commits again, and B1 commits a ledger holding 吴二: another bureau's
    // counter (here far ahead of A's) says nothing about what A1's lookup read.
    await env.DB.prepare("UPDATE bureaus SET history_seq = history_seq + 1000 WHERE id = 'B'").run();
    const race = racing(async () => {
      const a2 = ledgerOf('A2', 2025, [zheng], [extra(zheng, 2025, '无关2')]);
      expect((await submitLedger(TOKENS.clerkA2, 2025, a2)).status).toBe(201);
      const b1 = buildWorkbook({ ...SCHOOLS.B1, plan: '2025-09-10' }, [wu], trainingsOf(wu, 2025));
      expect((await submitLedger(TOKENS.clerkB1, 2025, b1)).status).toBe(201);
    });
    const a1 = ledgerOf('A1', 2025, [zhou, wu], [extra(zhou, 2025, '无关竞争')]);
    expect((await submitLedger(TOKENS.clerkA1, 2025, a1, race)).status).toBe(500);
    const raced = await a1In2025();
    expect(raced!.id).not.toBe(before!.id);
    expect(raced!.stale_since).toBeNull();
  });

  it('should mark a verdict whose lookup raced a new ledger holding one of its teachers, and answer it re-evaluated', async () => {
    const clerkA3 = await seedClerkA3();
    const before = await wuCycle(2025, (await a1In2025())!.id);
    // 吴二 also taught at A3 in 2022: its first ledger, committed while A1's 2025 one is being stored.
    const taught = extra(wu, 2022, '2022年跨校兼课培训');
    const race = racing(async () => {
      const a3 = buildWorkbook({ ...SCHOOLS.A3, plan: '2022-09-10' }, [wu], [taught]);
      expect((await submitLedger(clerkA3, 2022, a3)).status).toBe(201);
    });
    const a1 = ledgerOf('A1', 2025, [zhou, wu], [extra(zhou, 2025, '新增竞争')]);
    expect((await submitLedger(TOKENS.clerkA1, 2025, a1, race)).status).toBe(500);
    const raced = await a1In2025();
    expect(raced!.id).not.toBe(before.submission.id);
    expect(raced!.stale_since).not.toBeNull();

    // The first read re-evaluates it: 吴二's cycle now counts A3's records too.
    const after = await wuCycle(2025, (await a1In2025())!.id);
    expect(after.submission.id).toBe(raced!.id);
    expect(after.submission.stale).toBe(false);
    expect(after.rule.actual).toBe(before.rule.actual + taught.hours);
    expect(originsOf(after.compliance, after.rule)).toContain(`2022 ${SCHOOLS.A3.code}`);
    expect(await readingSuperseded()).toBe(0);
  });

  it('should mark a verdict whose lookup raced a new version that no longer holds a teacher it counted', async () => {
    // 吴二's whole 2023 at A2, as the verdict counts it before the race.
    expect([200, 201]).toContain((await submitLedger(TOKENS.clerkA2, 2023, a2Ledger(2023))).status);
    const before = await wuCycle(2025, (await a1In2025())!.id);
    expect(originsOf(before.compliance, before.rule)).toContain(`2023 ${SCHOOLS.A2.code}`);
    // A2 corrects 2023 without 吴二 at all: its new version holds none of A1's teachers.
    const race = racing(async () => {
      expect((await submitLedger(TOKENS.clerkA2, 2023, ledgerOf('A2', 2023, [zheng]))).status).toBe(201);
    });
    const a1 = ledgerOf('A1', 2025, [zhou, wu], [extra(zhou, 2025, '移除竞争')]);
    expect((await submitLedger(TOKENS.clerkA1, 2025, a1, race)).status).toBe(500);
    expect((await a1In2025())!.stale_since).not.toBeNull();

    const after = await wuCycle(2025, (await a1In2025())!.id);
    expect(after.submission.stale).toBe(false);
    expect(after.rule.actual).toBe(before.rule.actual - hoursOf(trainingsOf(wu, 2023)));
    expect(originsOf(after.compliance, after.rule)).not.toContain(`2023 ${SCHOOLS.A2.code}`);
    expect(await staleCurrent()).toBe(0);
    expect(await readingSuperseded()).toBe(0);
  });
});
