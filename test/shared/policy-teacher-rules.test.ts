import { describe, expect, it } from 'vitest';
import { milestone, records, ruleOf, teacher, training, withTrainings } from '../fixtures/policy-records.js';

describe('annual_district_plus_hours', () => {
  const rule = 'annual_district_plus_hours';

  it('should fail 35.5 hours and pass 36 hours at the end of the year', () => {
    const t = teacher();
    expect(ruleOf(withTrainings(t, [training(t, '2026-05-10', 35.5)]), rule)).toMatchObject({
      status: 'fail',
      actual: 35.5,
      required: 36,
    });
    expect(ruleOf(withTrainings(t, [training(t, '2026-05-10', 36)]), rule)).toMatchObject({
      status: 'pass',
      actual: 36,
      required: 36,
    });
  });

  it('should count 区级, 市级, 省级 and 国家级 hours but not 校级', () => {
    const t = teacher();
    const levels = (['区级', '市级', '省级', '国家级'] as const).map((level) =>
      training(t, '2026-04-01', 9, { level }),
    );
    expect(ruleOf(withTrainings(t, levels), rule)).toMatchObject({ status: 'pass', actual: 36 });
    const withSchool = [training(t, '2026-04-01', 30), training(t, '2026-04-02', 10, { level: '校级' })];
    expect(ruleOf(withTrainings(t, withSchool), rule)).toMatchObject({ status: 'fail', actual: 30 });
  });

  it('should name what was found, what is required and the gap', () => {
    const t = teacher();
    const result = ruleOf(withTrainings(t, [training(t, '2026-05-10', 28)]), rule);
    expect(result?.message).toContain('区级及以上培训 28 学时，未达到 36 学时的要求（还差 8 学时）');
    const en = ruleOf(withTrainings(t, [training(t, '2026-05-10', 28)]), rule, { lang: 'en' });
    expect(en?.message).toContain('District-level-or-above training: 28 hours, below the required 36 (8 short)');
  });

  it('should warn before 31 Dec and fail on 31 Dec', () => {
    const t = teacher();
    const recs = withTrainings(t, [training(t, '2026-05-10', 28)]);
    expect(ruleOf(recs, rule, { asOf: '2026-12-30' })?.status).toBe('warn');
    expect(ruleOf(recs, rule, { asOf: '2026-12-31' })?.status).toBe('fail');
    expect(ruleOf(recs, rule, { asOf: '2026-06-30' })?.message).toContain('截至 2026-06-30');
  });

  it('should give an open rule its deadline as a field, and a failed or met one none', () => {
    const t = teacher();
    const short = withTrainings(t, [training(t, '2026-05-10', 28)]);
    expect(ruleOf(short, rule, { asOf: '2026-06-30' })).toMatchObject({ status: 'warn', deadline: '2026-12-31' });
    expect(ruleOf(short, rule, { asOf: '2026-12-31' })).not.toHaveProperty('deadline');
    const met = withTrainings(t, [training(t, '2026-05-10', 36)]);
    expect(ruleOf(met, rule, { asOf: '2026-06-30' })).not.toHaveProperty('deadline');
    // The cycle's deadline is the end of its last year, not of this one.
    expect(ruleOf(short, 'cycle_hours', { asOf: '2026-06-30' })).toMatchObject({
      status: 'warn',
      deadline: '2030-12-31',
    });
  });

  it('should not count a training that ends after asOf or in another year', () => {
    const t = teacher();
    const recs = withTrainings(t, [
      training(t, '2026-07-01', 20),
      training(t, '2025-12-31', 20),
      training(t, '2026-06-30', 16),
    ]);
    expect(ruleOf(recs, rule, { asOf: '2026-06-30' })).toMatchObject({ status: 'warn', actual: 16 });
    expect(ruleOf(recs, rule, { asOf: '2026-07-01' })).toMatchObject({ status: 'pass', actual: 36 });
  });

  it('should pro-rate a teacher who started in March to 36 × 10 / 12 = 30 hours', () => {
    const t = teacher({ startDate: '2026-03' });
    expect(ruleOf(withTrainings(t, [training(t, '2026-11-01', 30)]), rule)).toMatchObject({
      status: 'pass',
      required: 30,
    });
    expect(ruleOf(withTrainings(t, [training(t, '2026-11-01', 29.5)]), rule)).toMatchObject({
      status: 'fail',
      required: 30,
    });
    expect(ruleOf(withTrainings(t, []), rule)?.message).toContain('2026 年 3 月参加工作，按 10 个月折算');
    const mid = teacher({ startDate: '2026-03-20' });
    expect(ruleOf(withTrainings(mid, []), rule)?.required).toBe(30);
  });

  it('should round a pro-rated requirement up to a multiple of 0.5', async () => {
    const { resolvePolicy } = await import('../../shared/policy/policy-file.js');
    const resolved = resolvePolicy({ id: 'p', rules: { annual_district_plus_hours: { required: 35 } } });
    if (!resolved.ok) throw new Error(resolved.errors.join());
    // 35 × 7 / 12 = 20.42 → 20.5; 35 × 5 / 12 = 14.58 → 15.
    expect(
      ruleOf(withTrainings(teacher({ startDate: '2026-06-01' }), []), rule, { policy: resolved.policy })?.required,
    ).toBe(20.5);
    expect(
      ruleOf(withTrainings(teacher({ startDate: '2026-08-01' }), []), rule, { policy: resolved.policy })?.required,
    ).toBe(15);
  });

  it('should put a teacher who starts after asOf on no rule', () => {
    const t = teacher({ startDate: '2026-10-01' });
    const report = withTrainings(t, []);
    expect(ruleOf(report, rule, { asOf: '2026-09-30' })).toBeUndefined();
    expect(ruleOf(report, rule, { asOf: '2026-10-01' })).toMatchObject({ status: 'warn', required: 9 });
  });
});

describe('cycle_hours', () => {
  const rule = 'cycle_hours';
  const yearly = (t: ReturnType<typeof teacher>, years: number[], hours = 72) =>
    years.map((y) => training(t, `${y}-06-01`, hours));

  it('should need 144 hours by the second year of the cycle and only warn below the pace', () => {
    const t = teacher();
    const short = withTrainings(t, [training(t, '2021-06-01', 72), training(t, '2022-06-01', 71.5)]);
    expect(ruleOf(short, rule, { year: 2022 })).toMatchObject({ status: 'warn', actual: 143.5, required: 144 });
    expect(ruleOf(withTrainings(t, yearly(t, [2021, 2022])), rule, { year: 2022 })).toMatchObject({
      status: 'pass',
      actual: 144,
      required: 144,
    });
    expect(ruleOf(withTrainings(t, []), rule, { year: 2024 })).toMatchObject({ status: 'warn', required: 288 });
  });

  it('should fail 359.5 hours and pass 360 on the last day of the cycle', () => {
    const t = teacher();
    const short = withTrainings(t, [...yearly(t, [2021, 2022, 2023, 2024]), training(t, '2025-06-01', 71.5)]);
    expect(ruleOf(short, rule, { year: 2025 })).toMatchObject({ status: 'fail', actual: 359.5, required: 360 });
    expect(ruleOf(short, rule, { year: 2025, asOf: '2025-12-30' })).toMatchObject({ status: 'warn', required: 360 });
    const full = withTrainings(t, yearly(t, [2021, 2022, 2023, 2024, 2025]));
    expect(ruleOf(full, rule, { year: 2025 })).toMatchObject({ status: 'pass', actual: 360 });
  });

  it('should not count hours from before the cycle or after asOf', () => {
    const t = teacher();
    const recs = withTrainings(t, [
      training(t, '2020-12-31', 100),
      training(t, '2026-01-01', 72),
      training(t, '2026-08-01', 10),
    ]);
    expect(ruleOf(recs, rule, { year: 2026, asOf: '2026-07-31' })).toMatchObject({
      actual: 72,
      required: 72,
      status: 'pass',
    });
    expect(ruleOf(recs, rule, { year: 2021 })).toMatchObject({ actual: 0, required: 72 });
  });

  it('should leave hours after 31 Dec to the next year when asOf is later', () => {
    const t = teacher();
    const recs = withTrainings(t, [...yearly(t, [2021]), training(t, '2022-12-31', 70), training(t, '2023-01-15', 10)]);
    expect(ruleOf(recs, rule, { year: 2022, asOf: '2023-03-01' })).toMatchObject({
      status: 'warn',
      actual: 142,
      required: 144,
    });
  });

  it('should count only the years served for a teacher who joined mid-cycle', () => {
    const t = teacher({ startDate: '2023-09-01' });
    expect(ruleOf(withTrainings(t, []), rule, { year: 2024 })?.required).toBe(144);
    const recs = withTrainings(t, yearly(t, [2023, 2024, 2025]));
    expect(ruleOf(recs, rule, { year: 2025 })).toMatchObject({ status: 'pass', actual: 216, required: 216 });
  });

  it('should start a new cycle in 2026', () => {
    const t = teacher();
    const recs = withTrainings(t, [...yearly(t, [2021, 2022, 2023, 2024, 2025]), training(t, '2026-03-01', 40)]);
    expect(ruleOf(recs, rule, { year: 2026 })).toMatchObject({ status: 'warn', actual: 40, required: 72 });
  });
});

describe('ethics_training', () => {
  const rule = 'ethics_training';
  it('should pass with one 师德师风 training in the year and fail without one at year end', () => {
    const t = teacher();
    expect(ruleOf(withTrainings(t, [training(t, '2026-03-01', 3, { category: '师德师风' })]), rule)).toMatchObject({
      status: 'pass',
      actual: 1,
      required: 1,
    });
    expect(ruleOf(withTrainings(t, [training(t, '2026-03-01', 3)]), rule)).toMatchObject({ status: 'fail', actual: 0 });
    expect(ruleOf(withTrainings(t, []), rule, { asOf: '2026-12-30' })?.status).toBe('warn');
  });

  it('should not count an ethics training that ends after asOf or in the previous year', () => {
    const t = teacher();
    const recs = withTrainings(t, [
      training(t, '2026-10-01', 3, { category: '师德师风' }),
      training(t, '2025-10-01', 3, { category: '师德师风' }),
    ]);
    expect(ruleOf(recs, rule, { asOf: '2026-09-30' })).toMatchObject({ status: 'warn', actual: 0 });
  });
});

describe('new_teacher_induction', () => {
  const rule = 'new_teacher_induction';
  const induction = (t: ReturnType<typeof teacher>, endDate: string, hours: number) =>
    training(t, endDate, hours, { category: '新教师入岗' });

  it('should apply while the induction window overlaps the year', () => {
    expect(ruleOf(withTrainings(teacher({ startDate: '2025-01-01' }), []), rule)).toBeUndefined();
    expect(ruleOf(withTrainings(teacher({ startDate: '2025-01-02' }), []), rule)).toMatchObject({ required: 120 });
    expect(ruleOf(withTrainings(teacher({ startDate: '2026-12-01' }), []), rule)).toMatchObject({ status: 'warn' });
    expect(ruleOf(withTrainings(teacher({ startDate: '2024-09-01' }), []), rule)).toBeUndefined();
  });

  it('should count induction hours inside the window only', () => {
    const t = teacher({ startDate: '2025-09-01' });
    const recs = withTrainings(t, [
      induction(t, '2025-10-01', 60),
      induction(t, '2026-08-31', 59.5),
      induction(t, '2026-09-01', 40),
      induction(t, '2025-08-31', 40),
      training(t, '2026-01-10', 40),
    ]);
    expect(ruleOf(recs, rule)).toMatchObject({ status: 'fail', actual: 119.5, required: 120 });
    const done = withTrainings(t, [induction(t, '2025-10-01', 60), induction(t, '2026-08-31', 60)]);
    expect(ruleOf(done, rule)).toMatchObject({ status: 'pass', actual: 120 });
  });

  it('should warn before the window ends and fail from its end', () => {
    const t = teacher({ startDate: '2025-09-01' });
    const recs = withTrainings(t, [induction(t, '2025-10-01', 60)]);
    expect(ruleOf(recs, rule, { asOf: '2026-08-31' })?.status).toBe('warn');
    expect(ruleOf(recs, rule, { asOf: '2026-09-01' })?.status).toBe('fail');
  });
});

describe('young_teacher_milestones', () => {
  const rule = 'young_teacher_milestones';

  it('should require the milestones due by asOf', () => {
    const t = teacher({ startDate: '2024-09-01' });
    const both = records({
      teachers: [t],
      milestones: [milestone(t, '教学常规入门', '2025-06-01'), milestone(t, '课堂教学过关', '2026-06-01')],
    });
    expect(ruleOf(both, rule)).toMatchObject({ status: 'pass', actual: 2, required: 2 });
    const one = records({ teachers: [t], milestones: [milestone(t, '教学常规入门', '2025-06-01')] });
    expect(ruleOf(one, rule)).toMatchObject({ status: 'fail', actual: 1, required: 2 });
    expect(ruleOf(one, rule)?.message).toContain('课堂教学过关');
    expect(ruleOf(one, rule, { asOf: '2026-08-31' })).toMatchObject({ status: 'pass', actual: 1, required: 1 });
  });

  it('should not count a 未通过 result or a pass dated after asOf', () => {
    const t = teacher({ startDate: '2025-03-01' });
    const recs = records({
      teachers: [t],
      milestones: [milestone(t, '教学常规入门', '2026-02-01', '未通过'), milestone(t, '教学常规入门', '2026-05-01')],
    });
    expect(ruleOf(recs, rule, { asOf: '2026-04-30' })).toMatchObject({ status: 'fail', actual: 0, required: 1 });
    expect(ruleOf(recs, rule, { asOf: '2026-05-01' })).toMatchObject({ status: 'pass', actual: 1 });
  });

  it('should apply only while the last milestone is not before the year and one is due', () => {
    expect(ruleOf(records({ teachers: [teacher({ startDate: '2022-12-31' })] }), rule)).toBeUndefined();
    expect(ruleOf(records({ teachers: [teacher({ startDate: '2023-01-01' })] }), rule)).toMatchObject({
      status: 'fail',
      required: 3,
    });
    expect(ruleOf(records({ teachers: [teacher({ startDate: '2026-03-01' })] }), rule)).toBeUndefined();
    expect(ruleOf(records({ teachers: [teacher({ startDate: '2025-12-31' })] }), rule)).toMatchObject({ required: 1 });
  });
});

describe('principal_qualification', () => {
  const rule = 'principal_qualification';
  const qualification = (t: ReturnType<typeof teacher>, endDate: string, hours: number) =>
    training(t, endDate, hours, { category: '校长任职资格' });

  it('should pass 300 hours from any year and ignore other posts', () => {
    const t = teacher({ post: '副校长', postStartDate: '2020-09-01' });
    expect(ruleOf(withTrainings(t, [qualification(t, '2019-07-01', 300)]), rule)).toMatchObject({
      status: 'pass',
      actual: 300,
    });
    expect(ruleOf(withTrainings(t, [qualification(t, '2019-07-01', 299.5)]), rule)).toMatchObject({
      status: 'fail',
      required: 300,
    });
    expect(ruleOf(withTrainings(teacher(), []), rule)).toBeUndefined();
  });

  it('should warn within a year of taking the post and fail after', () => {
    const t = teacher({ post: '校长', postStartDate: '2026-03-01' });
    expect(ruleOf(withTrainings(t, []), rule)?.status).toBe('warn');
    expect(ruleOf(withTrainings(t, []), rule, { year: 2027, asOf: '2027-02-28' })?.status).toBe('warn');
    expect(ruleOf(withTrainings(t, []), rule, { year: 2027, asOf: '2027-03-01' })?.status).toBe('fail');
  });

  it('should not count hours that end after asOf', () => {
    const t = teacher({ post: '校长', postStartDate: '2020-09-01' });
    expect(ruleOf(withTrainings(t, [qualification(t, '2026-07-01', 300)]), rule, { asOf: '2026-06-30' })).toMatchObject(
      { status: 'fail', actual: 0 },
    );
  });
});

describe('transfer_training', () => {
  const rule = 'transfer_training';
  it('should require one 转岗培训 record up to asOf for a transferred teacher', () => {
    const t = teacher({ transferred: true });
    const recs = withTrainings(t, [training(t, '2026-07-01', 8, { category: '转岗培训' })]);
    expect(ruleOf(recs, rule)).toMatchObject({ status: 'pass', actual: 1, required: 1 });
    expect(ruleOf(recs, rule, { asOf: '2026-06-30' })).toMatchObject({ status: 'fail', actual: 0 });
    expect(ruleOf(withTrainings(teacher(), []), rule)).toBeUndefined();
  });
});
