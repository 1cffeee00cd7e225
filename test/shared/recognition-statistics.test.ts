import { describe, expect, it } from 'vitest';
import { bucketOf, type Recognition, sumStatistics, trainingStatistics } from '../../shared/recognition/index.js';
import { records, school, teacher, training } from '../fixtures/policy-records.js';

const unmatched: Recognition = {
  status: 'unmatched',
  basis: 'catalogue',
  code: null,
  likely: null,
  catalogueHours: null,
  reason: null,
  group: 'g',
};

describe('trainingStatistics', () => {
  it('should put 36 in the first bucket and anything more than 36 in the next', () => {
    expect([0, 36, 36.5, 72, 72.5, 108, 108.5].map(bucketOf)).toEqual([
      'upTo36',
      'upTo36',
      'upTo72',
      'upTo72',
      'upTo108',
      'upTo108',
      'over108',
    ]);
  });

  it("should count 专任教师 by the year's hours as counted, and every teacher per level", () => {
    const a = teacher();
    const b = teacher();
    const head = teacher({ post: '校长', postStartDate: '2015-09-01' });
    const recs = records({
      school: school({ publicBudget: 200_000, trainingFunds: 9_000 }),
      teachers: [a, b, head],
      trainings: [
        training(a, '2026-03-01', 30),
        training(a, '2026-04-01', 10, { recognition: unmatched }),
        training(a, '2026-05-01', 20, { level: '校级' }),
        training(a, '2025-12-01', 100),
        training(b, '2026-06-01', 12, { level: '市级' }),
        training(head, '2026-06-01', 200, { level: '省级' }),
      ],
    });
    const flag = trainingStatistics(recs, { year: 2026, asOf: '2026-12-31', mode: 'flag' });
    expect(flag.fullTimeTeachers).toBe(2);
    expect(flag.buckets).toEqual({ upTo36: 1, upTo72: 1, upTo108: 0, over108: 0 });
    expect(flag.levels).toMatchObject({
      区级: { teachers: 1, hours: 40 },
      市级: { teachers: 1, hours: 12 },
      省级: { teachers: 1, hours: 200 },
      校级: { teachers: 1, hours: 20 },
    });
    expect(flag.fundsShare).toBe(0.045);
    const require = trainingStatistics(recs, { year: 2026, asOf: '2026-12-31', mode: 'require' });
    expect(require.buckets).toEqual({ upTo36: 1, upTo72: 1, upTo108: 0, over108: 0 });
    expect(require.levels.区级).toEqual({ teachers: 1, hours: 30 });
    const early = trainingStatistics(recs, { year: 2026, asOf: '2026-04-15', mode: 'flag' });
    expect(early.levels.市级).toEqual({ teachers: 0, hours: 0 });
    const district = sumStatistics([flag, require]);
    expect(district).toMatchObject({ fullTimeTeachers: 4, publicBudget: 400_000, fundsShare: 0.045 });
    expect(district.levels.区级).toEqual({ teachers: 2, hours: 70 });
  });
});
