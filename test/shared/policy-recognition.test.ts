import { describe, expect, it } from 'vitest';
import type { ResolvedPolicy } from '../../shared/policy/index.js';
import { resolvePolicy } from '../../shared/policy/policy-file.js';
import type { Recognition, RecognitionStatus } from '../../shared/recognition/index.js';
import type { TrainingRecord } from '../../shared/records.js';
import { ruleOf, teacher, training, withTrainings } from '../fixtures/policy-records.js';

function policy(recognition?: string): ResolvedPolicy {
  const r = resolvePolicy({ id: 'p', ...(recognition !== undefined ? { recognition } : {}) });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.policy;
}

function recognized(status: RecognitionStatus, catalogueHours: number | null): Recognition {
  return {
    status,
    basis: 'catalogue',
    code: catalogueHours === null ? null : 'E1',
    likely: null,
    catalogueHours,
    reason: null,
    group: 'g',
  };
}

describe('the policy parameter recognition', () => {
  it('should default to flag and accept off and require', () => {
    expect(policy().recognition).toBe('flag');
    expect(policy('off').recognition).toBe('off');
    expect(policy('require').recognition).toBe('require');
    const bad = resolvePolicy({ id: 'p', recognition: 'strict' }, 'en');
    expect(bad.ok).toBe(false);
  });

  // One teacher, four district trainings of 12 hours recorded, one of each status, plus 10 hours of 校级.
  const t = teacher();
  const recs = withTrainings(t, [
    training(t, '2026-03-01', 12, { recognition: recognized('recognized', 12) }),
    training(t, '2026-04-01', 12, { recognition: recognized('hours_exceed', 8) }),
    training(t, '2026-05-01', 12, { recognition: recognized('not_on_list', 12) }),
    training(t, '2026-06-01', 12, { recognition: recognized('unmatched', null) }),
    training(t, '2026-07-01', 10, { level: '校级' } satisfies Partial<TrainingRecord>),
  ]);

  it('should count what the table says toward annual_district_plus_hours under each mode', () => {
    expect(ruleOf(recs, 'annual_district_plus_hours', { policy: policy('off') })?.actual).toBe(48);
    expect(ruleOf(recs, 'annual_district_plus_hours', { policy: policy('flag') })?.actual).toBe(12 + 8 + 12 + 12);
    expect(ruleOf(recs, 'annual_district_plus_hours', { policy: policy('require') })?.actual).toBe(12 + 8);
  });

  it('should change only the district share of cycle_hours', () => {
    expect(ruleOf(recs, 'cycle_hours', { policy: policy('off') })?.actual).toBe(58);
    expect(ruleOf(recs, 'cycle_hours', { policy: policy('require') })?.actual).toBe(12 + 8 + 10);
  });

  it('should turn a pass into a fail when require leaves too few recognised hours', () => {
    expect(ruleOf(recs, 'annual_district_plus_hours', { policy: policy('flag') })?.status).toBe('pass');
    expect(ruleOf(recs, 'annual_district_plus_hours', { policy: policy('require') })).toMatchObject({
      status: 'fail',
      required: 36,
    });
  });
});
