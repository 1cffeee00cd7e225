import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type ResolvedPolicy } from '../../shared/policy/index.js';
import { policyFileSchema, resolvePolicy } from '../../shared/policy/policy-file.js';
import { check, milestone, records, ruleOf, teacher, training, withTrainings } from '../fixtures/policy-records.js';

function resolved(file: unknown): ResolvedPolicy {
  const result = resolvePolicy(file);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

function errorsOf(file: unknown, lang: 'zh' | 'en' = 'en'): string[] {
  const result = resolvePolicy(file, lang);
  return result.ok ? [] : result.errors;
}

describe('resolvePolicy', () => {
  it('should give the defaults for a file that changes nothing', () => {
    expect(resolved({ id: 'jintan-2026' })).toEqual({
      id: 'jintan-2026',
      recognition: 'flag',
      rules: DEFAULT_POLICY.rules,
    });
    expect(DEFAULT_POLICY.id).toBe('default');
    expect(DEFAULT_POLICY.rules.annual_district_plus_hours).toMatchObject({ enabled: true, required: 36 });
  });

  it('should change the result when a parameter is overridden', () => {
    const t = teacher();
    const recs = withTrainings(t, [training(t, '2026-05-01', 33)]);
    const policy = resolved({ id: 'jintan-2026', rules: { annual_district_plus_hours: { required: 32 } } });
    expect(ruleOf(recs, 'annual_district_plus_hours')?.status).toBe('fail');
    expect(ruleOf(recs, 'annual_district_plus_hours', { policy })).toMatchObject({ status: 'pass', required: 32 });
    expect(check(recs, { policy }).policy.id).toBe('jintan-2026');
  });

  it('should not report a disabled rule', () => {
    const t = teacher({ transferred: true });
    const policy = resolved({ id: 'p', rules: { transfer_training: { enabled: false } } });
    expect(ruleOf(records({ teachers: [t] }), 'transfer_training')).toBeDefined();
    expect(ruleOf(records({ teachers: [t] }), 'transfer_training', { policy })).toBeUndefined();
    const schoolOff = resolved({ id: 'p', rules: { training_funds_share: { enabled: false } } });
    expect(check(records(), { policy: schoolOff }).school.rules.map((r) => r.rule)).toEqual(['school_plan_submitted']);
  });

  it('should merge part of a nested group over its defaults', () => {
    const policy = resolved({ id: 'p', rules: { young_teacher_milestones: { dueYears: { 教学常规入门: 2 } } } });
    expect(policy.rules.young_teacher_milestones.dueYears).toEqual({
      教学常规入门: 2,
      课堂教学过关: 2,
      教学能力达标: 3,
    });
    const t = teacher({ startDate: '2025-06-01' });
    const recs = records({ teachers: [t], milestones: [milestone(t, '课堂教学过关', '2026-05-01', '未通过')] });
    expect(ruleOf(recs, 'young_teacher_milestones')?.status).toBe('fail');
    expect(ruleOf(recs, 'young_teacher_milestones', { policy })).toBeUndefined();
  });

  it('should name an unknown rule id', () => {
    const errors = errorsOf({ id: 'p', rules: { annual_hours: { required: 30 } } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('unknown rule id "annual_hours"');
    expect(errors[0]).toContain('annual_district_plus_hours');
    expect(errorsOf({ id: 'p', rules: { annual_hours: {} } }, 'zh')[0]).toContain('未知的规则 “annual_hours”');
  });

  it('should name an unknown parameter and its rule', () => {
    const errors = errorsOf({
      id: 'p',
      rules: { cycle_hours: { hoursPerYer: 60 }, young_teacher_milestones: { dueYears: { 入门: 1 } } },
    });
    expect(errors).toEqual([
      expect.stringContaining('unknown parameter "hoursPerYer" of rule cycle_hours'),
      expect.stringContaining('unknown parameter "入门" of rule young_teacher_milestones'),
    ]);
    expect(errors[0]).toContain('hoursPerYear');
  });

  it('should reject wrong values, unknown fields and a missing id with their paths', () => {
    expect(errorsOf({ id: 'p', rules: { annual_district_plus_hours: { required: '36' } } })[0]).toContain(
      'rules.annual_district_plus_hours.required',
    );
    expect(errorsOf({ id: 'p', rules: { annual_district_plus_hours: { levels: ['区级', '县级'] } } })[0]).toContain(
      'rules.annual_district_plus_hours.levels.1',
    );
    expect(errorsOf({ id: 'p', rules: { school_plan_submitted: { deadline: '9-30' } } })[0]).toContain('deadline');
    expect(errorsOf({ id: 'p', version: 2 })[0]).toContain('unknown field "version"');
    expect(errorsOf({ rules: {} })[0]).toContain('id');
    expect(errorsOf(null)).toHaveLength(1);
  });

  it('should expose the file schema for other layers', () => {
    expect(policyFileSchema.safeParse({ id: 'x', rules: { cycle_hours: { cycleYears: 5 } } }).success).toBe(true);
    expect(policyFileSchema.safeParse({ id: 'x', rules: { cycle_hours: { cycles: 5 } } }).success).toBe(false);
  });
});
