import { describe, expect, it } from 'vitest';
import { check, records, school, teacher, training } from '../fixtures/policy-records.js';

function schoolRule(recs: ReturnType<typeof records>, rule: string, asOf = '2026-12-31') {
  return check(recs, { asOf }).school.rules.find((r) => r.rule === rule);
}

describe('training_funds_share', () => {
  it('should fail 0.0499 and pass 0.05 of the public budget', () => {
    expect(schoolRule(records({ school: school({ trainingFunds: 4_990 }) }), 'training_funds_share')).toMatchObject({
      status: 'fail',
      actual: 0.0499,
      required: 0.05,
    });
    expect(schoolRule(records({ school: school({ trainingFunds: 5_000 }) }), 'training_funds_share')).toMatchObject({
      status: 'pass',
      actual: 0.05,
    });
  });

  it('should round the share to 4 decimals', () => {
    expect(
      schoolRule(records({ school: school({ publicBudget: 300_000, trainingFunds: 100_000 }) }), 'training_funds_share')
        ?.actual,
    ).toBe(0.3333);
  });

  it('should not apply when the public budget is 0', () => {
    expect(
      schoolRule(records({ school: school({ publicBudget: 0, trainingFunds: 0 }) }), 'training_funds_share'),
    ).toBeUndefined();
  });
});

describe('school_plan_submitted', () => {
  const rule = 'school_plan_submitted';
  it('should pass a plan submitted on 30 Sep and fail one submitted on 1 Oct', () => {
    expect(schoolRule(records({ school: school({ planSubmittedOn: '2026-09-30' }) }), rule)).toMatchObject({
      status: 'pass',
      actual: 1,
      required: 1,
    });
    expect(schoolRule(records({ school: school({ planSubmittedOn: '2026-10-01' }) }), rule)).toMatchObject({
      status: 'fail',
      actual: 0,
    });
  });

  it('should warn about a missing plan until 30 Sep and fail after', () => {
    const recs = records({ school: school({ planSubmittedOn: null }) });
    expect(schoolRule(recs, rule, '2026-09-30')?.status).toBe('warn');
    expect(schoolRule(recs, rule, '2026-10-01')?.status).toBe('fail');
  });

  it('should not count a submission dated after asOf', () => {
    const recs = records({ school: school({ planSubmittedOn: '2026-09-15' }) });
    expect(schoolRule(recs, rule, '2026-09-01')).toMatchObject({ status: 'warn', actual: 0 });
  });
});

describe('compliance report', () => {
  it('should give the school the worst status of its rules and invalid without 学校概况', () => {
    expect(check(records({ school: school({ trainingFunds: 0 }) })).school.status).toBe('fail');
    expect(check(records({ school: school({ planSubmittedOn: null }) }), { asOf: '2026-06-30' }).school.status).toBe(
      'warn',
    );
    expect(check(records()).school.status).toBe('pass');
    const noSchool = check(records({ school: null }));
    expect(noSchool.school).toMatchObject({ status: 'invalid', rules: [] });
  });

  it('should give a teacher the worst status of its rules', () => {
    const t = teacher();
    const ethics = training(t, '2026-03-01', 2, { category: '师德师风' });
    const passAndWarn = records({ teachers: [t], trainings: [ethics, training(t, '2026-03-01', 40)] });
    expect(check(passAndWarn).teachers[0]?.rules.map((r) => r.status)).toEqual(['pass', 'warn', 'pass']);
    expect(check(passAndWarn).teachers[0]?.status).toBe('warn');
    const allPass = records({ teachers: [t], trainings: [ethics, training(t, '2026-03-01', 70)] });
    expect(check(allPass).teachers[0]?.status).toBe('pass');
    const failToo = records({ teachers: [t], trainings: [training(t, '2026-03-01', 40)] });
    expect(check(failToo).teachers[0]?.rules.map((r) => r.status)).toEqual(['pass', 'warn', 'fail']);
    expect(check(failToo).teachers[0]?.status).toBe('fail');
  });

  it('should pass a teacher on no rule, with an empty list', () => {
    const everyRuleOff = check(records({ teachers: [teacher({ startDate: '2027-03-01' })] }), { asOf: '2026-12-31' });
    expect(everyRuleOff.teachers[0]).toMatchObject({ status: 'pass', rules: [] });
  });

  it('should list invalid rows by roster order with a masked ID and no rules, outside the summary', () => {
    const a = teacher({ row: 5 });
    const b = teacher({ row: 8 });
    const recs = records({
      teachers: [b, a],
      invalidTeachers: [
        { row: 6, name: null, idNumber: '320102198001011234' },
        { row: 9, name: '李四', idNumber: null },
      ],
    });
    const report = check(recs);
    expect(report.teachers.map((t) => [t.row, t.status])).toEqual([
      [5, 'fail'],
      [6, 'invalid'],
      [8, 'fail'],
      [9, 'invalid'],
    ]);
    expect(report.teachers[1]).toEqual({
      row: 6,
      idMasked: '320102********1234',
      name: '',
      status: 'invalid',
      rules: [],
    });
    expect(report.school.summary).toEqual({ teachers: 2, pass: 0, warn: 0, fail: 2, passRate: 0 });
    expect(JSON.stringify(report)).not.toContain('320102198001011234');
    expect(JSON.stringify(report)).not.toContain(a.idNumber);
  });

  it('should round passRate to 4 decimals and give 0 without valid teachers', () => {
    const passing = () => {
      const t = teacher({ startDate: '2020-09-01' });
      return { t, trainings: [2021, 2022, 2023, 2024, 2025].map((y) => training(t, `${y}-06-01`, 72)) };
    };
    const [p1, p2] = [passing(), passing()];
    const lazy = teacher({ startDate: '2020-09-01' });
    const recs = records({ teachers: [p1.t, p2.t, lazy], trainings: [...p1.trainings, ...p2.trainings] });
    const summary = check(recs, { year: 2025 }).school.summary;
    expect(summary).toMatchObject({ teachers: 3, pass: 0 });
    const ethics = (t: ReturnType<typeof teacher>) => training(t, '2025-03-01', 36, { category: '师德师风' });
    const withEthics = records({
      teachers: [p1.t, p2.t, lazy],
      trainings: [...p1.trainings, ...p2.trainings, ethics(p1.t), ethics(p2.t)],
    });
    expect(check(withEthics, { year: 2025 }).school.summary).toEqual({
      teachers: 3,
      pass: 2,
      warn: 0,
      fail: 1,
      passRate: 0.6667,
    });
    expect(check(records({ invalidTeachers: [{ row: 5, name: '王五', idNumber: 'x' }] })).school.summary.passRate).toBe(
      0,
    );
  });

  it('should report the policy id, the year and asOf', () => {
    expect(check(records(), { year: 2025 })).toMatchObject({
      policy: { id: 'default', year: 2025 },
      asOf: '2025-12-31',
    });
  });

  it('should reject an asOf that is not a date or is before the year', () => {
    expect(() => check(records(), { asOf: '2026-13-01' })).toThrow(
      expect.objectContaining({ code: 'policy.as_of_invalid' }),
    );
    expect(() => check(records(), { asOf: '2025-12-31' })).toThrow(
      expect.objectContaining({ code: 'policy.as_of_before_year' }),
    );
  });
});
