/**
 * Recognition across schools (archive.md §1 and §2): a teacher who moved during the year is on two
 * schools' ledgers, and each school's verdict counts the other's records with the recognition they
 * got where they were submitted. A queue decision on one school's records re-evaluates that school,
 * and the other school's verdict, which counted those records, is brought up to date on its next read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueImportResult, RecognitionDecisionResult, RecognitionQueue } from '../../shared/api/catalogue.js';
import type { SubmissionCompliance, SubmissionReceipt } from '../../shared/api/responses.js';
import type { EncodedWorkbook } from '../../shared/grid.js';
import {
  buildWorkbook,
  call,
  makeId,
  SCHOOLS,
  seedTenants,
  submit,
  type TeacherSpec,
  TOKENS,
  type TrainingSpec,
  testApp,
  YEAR,
} from './helpers.js';

const app = testApp();
const MOVED: TeacherSpec = { name: '钱七', id: makeId(21, '男'), gender: '男' };
const STAYED: TeacherSpec = { name: '孙八', id: makeId(22, '女'), gender: '女' };
const y = (md: string) => `${YEAR}-${md}`;

const training = (
  t: TeacherSpec,
  course: string,
  start: string,
  end: string,
  hours: number,
  category = '学科教学',
): TrainingSpec => ({
  id: t.id,
  name: t.name,
  course,
  level: '区级',
  category,
  start: y(start),
  end: y(end),
  hours,
});
const ethics = (t: TeacherSpec) => ({ ...training(t, '校本师德学习', '01-06', '01-07', 4, '师德师风'), level: '校级' });

const catalogue: EncodedWorkbook = {
  sheets: [
    {
      name: '培训项目目录',
      rows: [
        ['项目编号', '培训项目', '培训级别', '培训类别', '培训形式', '开始日期', '结束日期', '认定学时'],
        ['LX2025-001', '新教师入岗培训', '区级', '新教师入岗', '集中面授', y('03-01'), y('03-31'), 24],
      ],
    },
  ],
};

async function json<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return res.json<T>();
}

const annualOf = (c: SubmissionCompliance, name: string) => {
  const r = c.compliance.teachers
    .find((t) => t.name === name)!
    .rules.find((x) => x.rule === 'annual_district_plus_hours')!;
  return [r.actual, r.status];
};

describe('recognition across the schools of a teacher who moved', () => {
  let a1: SubmissionReceipt;
  let a2: SubmissionReceipt;

  beforeAll(async () => {
    await seedTenants();
    const policy = { id: 'a-require', recognition: 'require', rules: { cycle_hours: { enabled: false } } };
    expect(
      (await call(app, 'PUT', `/api/v1/policies/${YEAR}?bureau=A`, { token: TOKENS.admin, body: policy })).status,
    ).toBe(200);
    await json<CatalogueImportResult>(
      await call(app, 'POST', `/api/v1/catalogue/${YEAR}/import`, {
        token: TOKENS.reviewerA,
        body: { workbook: catalogue },
      }),
    );
    // A1 kept the teacher until summer: the induction (recognised) and a backbone course (not in the catalogue).
    a1 = await json<SubmissionReceipt>(
      await submit(
        app,
        TOKENS.clerkA1,
        buildWorkbook(
          SCHOOLS.A1,
          [MOVED],
          [
            training(MOVED, '新教师入岗培训', '03-03', '03-05', 20, '新教师入岗'),
            training(MOVED, '区级骨干教师研修班', '07-01', '07-05', 30, '骨干研修'),
            ethics(MOVED),
          ],
        ),
      ),
      201,
    );
    // A2 has the teacher from the autumn, with no district training of its own, and one other teacher.
    a2 = await json<SubmissionReceipt>(
      await submit(app, TOKENS.clerkA2, buildWorkbook(SCHOOLS.A2, [MOVED, STAYED], [ethics(MOVED), ethics(STAYED)])),
      201,
    );
  });

  it("should count the other school's records with the recognition they got there", async () => {
    // Under require only the recognised 20 count, in A2 as in A1.
    expect(annualOf(a2 as SubmissionCompliance, '钱七')).toEqual([20, 'fail']);
    const a1Now = await json<SubmissionCompliance>(
      await call(app, 'GET', `/api/v1/submissions/${a1.submission.id}/compliance`, { token: TOKENS.reviewerA }),
    );
    expect(annualOf(a1Now, '钱七')).toEqual([20, 'fail']);
    // A2's receipt lists only its own records' recognition (its district records: none).
    expect(a2.recognition.records).toEqual([]);
  });

  it("should bring the other school's verdict up to date after a decision on this school's records", async () => {
    const queue = await json<RecognitionQueue>(
      await call(app, 'GET', `/api/v1/recognition/${YEAR}/queue`, { token: TOKENS.reviewerA }),
    );
    const group = queue.groups.find((g) => g.course === '区级骨干教师研修班')!;
    expect(group.schools.map((s) => s.code)).toEqual([SCHOOLS.A1.code]);
    const d = await json<RecognitionDecisionResult>(
      await call(app, 'POST', `/api/v1/recognition/${YEAR}/decisions`, {
        token: TOKENS.reviewerA,
        body: { action: 'add', group: group.group, hours: 30 },
      }),
    );
    expect(d.reevaluated.map((r) => [r.schoolCode, r.before.pass, r.after.pass])).toEqual([[SCHOOLS.A1.code, 0, 1]]);
    // A2 counted A1's records: its verdict was marked stale, and reading it re-evaluates it first.
    const a2Now = await json<SubmissionCompliance>(
      await call(app, 'GET', `/api/v1/submissions/${a2.submission.id}/compliance`, { token: TOKENS.clerkA2 }),
    );
    expect(annualOf(a2Now, '钱七')).toEqual([50, 'pass']);
    expect(annualOf(a2Now, '孙八')).toEqual([0, 'fail']);
    expect(a2Now.submission.stale).toBe(false);
  });
});
