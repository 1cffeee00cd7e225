import { describe, expect, it } from 'vitest';
import { duty, records, ruleOf, teacher } from '../fixtures/policy-records.js';

describe('backbone_duties', () => {
  const rule = 'backbone_duties';
  const spring = '2025-2026-2';
  const autumn = '2026-2027-1';

  it('should pass all 13 checks with both semesters met and a project led', () => {
    const t = teacher({ studioRole: '主持人' });
    const recs = records({ teachers: [t], duties: [duty(t, spring, { projectLed: '课题A' }), duty(t, autumn)] });
    expect(ruleOf(recs, rule, { asOf: '2026-12-31' })).toMatchObject({ status: 'pass', actual: 13, required: 13 });
  });

  it('should count a missing autumn row as 6 unmet checks: warn before 31 Jan, fail from it', () => {
    const t = teacher({ studioRole: '核心成员' });
    const recs = records({ teachers: [t], duties: [duty(t, spring, { projectLed: '课题A' })] });
    expect(ruleOf(recs, rule, { asOf: '2026-12-31' })).toMatchObject({ status: 'warn', actual: 7, required: 13 });
    expect(ruleOf(recs, rule, { asOf: '2027-01-30' })?.status).toBe('warn');
    expect(ruleOf(recs, rule, { asOf: '2027-01-31' })).toMatchObject({ status: 'fail', actual: 7 });
    expect(ruleOf(recs, rule)?.message).toContain('2026-2027学年第一学期（2026 年秋季）无履职记录');
  });

  it('should fail a short spring semester once it has ended on 31 Jul', () => {
    const t = teacher({ studioRole: '主持人' });
    const recs = records({
      teachers: [t],
      duties: [duty(t, spring, { lectures: 1, projectLed: '课题A' }), duty(t, autumn)],
    });
    expect(ruleOf(recs, rule, { asOf: '2026-07-30' })?.status).toBe('warn');
    expect(ruleOf(recs, rule, { asOf: '2026-07-31' })).toMatchObject({ status: 'fail', actual: 12 });
    expect(ruleOf(recs, rule, { asOf: '2026-07-31' })?.message).toContain('专题讲座 1 次（要求 2）');
  });

  it('should hold every quota at its boundary and name every unmet check', () => {
    const t = teacher({ studioRole: '主持人' });
    const atQuota = duty(t, spring, {
      demoLessonsHome: 30,
      demoLessonsGuided: 30,
      observedLessons: 60,
      groupPreps: 10,
      lectures: 2,
      smallProjects: 2,
      projectLed: 'x',
    });
    const below = duty(t, autumn, {
      demoLessonsHome: 30,
      demoLessonsGuided: 29,
      observedLessons: 59,
      groupPreps: 9,
      lectures: 1,
      smallProjects: 1,
    });
    const result = ruleOf(records({ teachers: [t], duties: [atQuota, below] }), rule, {
      year: 2026,
      asOf: '2027-01-31',
      lang: 'en',
    });
    expect(result).toMatchObject({ status: 'fail', actual: 7, required: 13 });
    for (const named of [
      'demonstration lessons (home + guided school) 59 of 60',
      'at the guided school 29 of 30',
      'lessons observed 59 of 60',
      'group lesson preparations guided 9 of 10',
      'lectures 1 of 2',
      'small projects guided 1 of 2',
    ]) {
      expect(result?.message).toContain(named);
    }
  });

  it('should check the project led over the year: warn while autumn runs, fail once it ended', () => {
    const t = teacher({ studioRole: '主持人' });
    const recs = records({ teachers: [t], duties: [duty(t, spring), duty(t, autumn)] });
    expect(ruleOf(recs, rule, { asOf: '2026-12-31' })).toMatchObject({ status: 'warn', actual: 12 });
    expect(ruleOf(recs, rule, { asOf: '2027-01-31' })?.status).toBe('fail');
    expect(ruleOf(recs, rule)?.message).toContain('2026 年主持课题 0 项（要求 1）');
    const autumnProject = records({
      teachers: [t],
      duties: [duty(t, spring), duty(t, autumn, { projectLed: '课题B' })],
    });
    expect(ruleOf(autumnProject, rule, { asOf: '2027-01-31' })?.status).toBe('pass');
  });

  it('should ignore rows of other semesters and teachers without a studio role', () => {
    const t = teacher({ studioRole: '主持人' });
    const other = records({
      teachers: [t],
      duties: [duty(t, '2024-2025-2', { projectLed: 'x' }), duty(t, '2025-2026-1', { projectLed: 'x' })],
    });
    expect(ruleOf(other, rule, { asOf: '2027-01-31' })).toMatchObject({ status: 'fail', actual: 0 });
    const member = teacher({ studioRole: '发展对象' });
    expect(ruleOf(records({ teachers: [member] }), rule)).toBeUndefined();
  });
});

describe('backbone_eligibility', () => {
  const rule = 'backbone_eligibility';

  it('should count full years of service at 1 Sep of the year', () => {
    const five = teacher({ studioRole: '主持人', education: '大专', title: '一级教师', startDate: '2021-09-01' });
    expect(ruleOf(records({ teachers: [five] }), rule)).toMatchObject({ status: 'pass', actual: 3, required: 3 });
    const four = teacher({ studioRole: '主持人', education: '大专', title: '一级教师', startDate: '2021-09-02' });
    const result = ruleOf(records({ teachers: [four] }), rule);
    expect(result).toMatchObject({ status: 'fail', actual: 2 });
    expect(result?.message).toContain('截至 2026-09-01 教龄满 4 年，不足 5 年');
  });

  it('should require 大专 or higher and 一级教师 or higher', () => {
    const low = teacher({ studioRole: '核心成员', education: '中专', title: '二级教师' });
    const result = ruleOf(records({ teachers: [low] }), rule);
    expect(result).toMatchObject({ status: 'fail', actual: 1 });
    expect(result?.message).toContain('学历为中专，低于大专');
    expect(result?.message).toContain('职称为二级教师，低于一级教师');
    const high = teacher({ studioRole: '核心成员', education: '博士研究生', title: '正高级教师' });
    expect(ruleOf(records({ teachers: [high] }), rule)?.status).toBe('pass');
    expect(ruleOf(records({ teachers: [teacher()] }), rule)).toBeUndefined();
  });
});
