/**
 * When an earlier ledger changes (archive.md §1): the later verdicts that counted it are
 * re-evaluated before the correcting clerk is answered, and what a failed request left stale is
 * re-evaluated on the next read. Each test corrects a ledger of its own and compares with the
 * verdict as it found it, so the tests pass alone and in any order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import { SCHOOLS, seedTenants, TOKENS, testApp } from './helpers.js';
import {
  a2Ledger,
  client,
  cycleHours,
  readingSuperseded,
  ruleOf,
  staleCurrent,
  submitFiveYears,
  submitLedger,
  trainingsOf,
  wu,
  zhou,
} from './history-kit.js';

describe('a correction of an earlier ledger', () => {
  let receipts = new Map<string, SubmissionReceipt>();

  beforeAll(async () => {
    await seedTenants();
    receipts = await submitFiveYears();
  });

  /** 吴二's cycle_hours in A1's ledger of the year, as a reviewer reads it now. */
  const wuCycle = async (year: 2024 | 2025) => {
    const id = receipts.get(`A1 ${year}`)!.submission.id;
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
});
