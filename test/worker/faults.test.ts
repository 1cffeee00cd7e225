import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionCompliance, SubmissionReceipt } from '../../shared/api/responses.js';
import { STORE_STEPS, type StoreStep } from '../../worker/submission/store.js';
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
  type TeacherSpec,
  TOKENS,
  testApp,
} from './helpers.js';

const teachers: TeacherSpec[] = Array.from({ length: 6 }, (_, i) => ({
  name: `教师${'甲乙丙丁戊己'[i]}`,
  id: makeId(20 + i, i % 2 ? '女' : '男'),
  gender: i % 2 ? ('女' as const) : ('男' as const),
}));
const v1 = buildWorkbook(SCHOOLS.A1, teachers.slice(0, 4), teachers.slice(0, 4).flatMap(passingTrainings));
const v2 = buildWorkbook(SCHOOLS.A1, teachers, teachers.slice(0, 2).flatMap(passingTrainings));

async function counts() {
  const r = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM submissions WHERE school_code = ?1 AND status <> 'staging') AS stored,
            (SELECT COUNT(*) FROM submissions WHERE status = 'staging') AS staging,
            (SELECT version FROM current_submissions WHERE school_code = ?1) AS current`,
  )
    .bind(SCHOOLS.A1.code)
    .first<{ stored: number; staging: number; current: number }>();
  return r!;
}

describe('storage faults', () => {
  const good = testApp();
  let first: SubmissionReceipt;

  beforeAll(async () => {
    await seedTenants();
    first = await (await submit(good, TOKENS.clerkA1, v1)).json<SubmissionReceipt>();
  });

  for (const step of STORE_STEPS) {
    it(`should keep the previous version current and complete when storage fails at ${step}, and store exactly one version on retry`, async () => {
      const before = await counts();
      const failing = testApp({
        faults: (s: StoreStep) => {
          if (s === step) throw new Error(`injected fault at ${s}`);
        },
      });
      const key = newKey();
      const ifMatch = `"${before.current}"`;
      // A new version each time: the one stored by the step before would make the same content unchanged.
      const next = revised(v2);
      const failed = await submit(failing, TOKENS.clerkA1, next, { key, ifMatch });
      expect(failed.status).toBe(500);
      expect(((await failed.json()) as { error: { code: string } }).error.code).toBe('internal');

      const afterFault = await counts();
      if (step === 'respond') {
        // The fault came after the commit: the new version is stored, and the retry only replays it.
        expect(afterFault.current).toBe(before.current + 1);
      } else {
        expect(afterFault.current).toBe(before.current);
        expect(afterFault.stored).toBe(before.stored);
        const list = await (await call(good, 'GET', '/api/v1/submissions?year=2025', { token: TOKENS.clerkA1 })).json<{
          items: { id: string; current: boolean; counts: { teachers: number } }[];
        }>();
        const current = list.items.find((i) => i.current)!;
        const compliance = await (
          await call(good, 'GET', `/api/v1/submissions/${current.id}/compliance`, { token: TOKENS.reviewerA })
        ).json<SubmissionCompliance>();
        expect(compliance.compliance.teachers).toHaveLength(current.counts.teachers);
      }

      const retry = await submit(good, TOKENS.clerkA1, next, { key, ifMatch });
      expect(retry.status).toBe(201);
      const receipt = await retry.json<SubmissionReceipt>();
      expect(receipt.submission.version).toBe(before.current + 1);
      expect(receipt.submission.counts.teachers).toBe(6);
      expect(receipt.compliance.teachers).toHaveLength(6);
      const after = await counts();
      expect(after).toEqual({ stored: before.stored + 1, staging: 0, current: before.current + 1 });
    });
  }

  it('should leave the first version readable after all the faults', async () => {
    const res = await call(good, 'GET', `/api/v1/submissions/${first.submission.id}/compliance`, {
      token: TOKENS.clerkA1,
    });
    expect(res.status).toBe(200);
    expect((await res.json<SubmissionCompliance>()).compliance).toEqual(first.compliance);
  });
});
