import { describe, expect, it } from 'vitest';
import type { HistoryMilestone, HistoryTraining, TeacherHistory } from '../../shared/api/history.js';
import { buildRecordSet, type History } from '../../shared/history/index.js';
import { DEFAULT_POLICY, evaluateCompliance } from '../../shared/policy/index.js';
import { milestone, records, teacher, training } from '../fixtures/policy-records.js';

const A2 = { year: 2024, schoolCode: '3201020002', schoolName: '乡村小学' };
const A1_2024 = { year: 2024, schoolCode: '3201020001', schoolName: '实验小学' };
const A1_2023 = { year: 2023, schoolCode: '3201020001', schoolName: '实验小学' };

function past(source: number, row: number, over: Partial<HistoryTraining> = {}): HistoryTraining {
  return {
    source,
    row,
    course: '课程',
    level: '区级',
    category: '学科教学',
    form: '集中面授',
    startDate: '2025-05-01',
    endDate: '2025-05-02',
    hours: 10,
    catalogueCode: null,
    recognition: null,
    ...over,
  };
}

const only = (trainings: HistoryTraining[], milestones: HistoryMilestone[] = []): TeacherHistory => ({
  trainings,
  duties: [],
  milestones,
});

describe('buildRecordSet', () => {
  it('should count a record once across ledgers, comparing the course trimmed and full-width folded', () => {
    const t = teacher({ row: 2 });
    const own = training(t, '2025-05-02', 10, { row: 7, course: '课程2025', startDate: '2025-05-01' });
    const history: History = {
      sources: [A1_2024, A2],
      teachers: [only([past(0, 3, { course: ' 课程２０２５ ' }), past(1, 9, { course: '课程2025', hours: 12 })])],
    };
    const set = buildRecordSet(records({ teachers: [t], trainings: [own] }), 2025, history);
    expect(set.historyIncluded).toBe(true);
    expect(set.sources).toEqual([
      { year: 2025, schoolCode: '3201020001', schoolName: '实验小学', self: true },
      { ...A1_2024, self: false },
      { ...A2, self: false },
    ]);
    // The 2024 ledger holds the same training: it is kept there, where it was first reported; the
    // other school's copy has other hours, so it is another record.
    expect(set.trainings.map((r) => [r.source, r.row, r.hours])).toEqual([
      [1, 3, 10],
      [2, 9, 12],
    ]);
    expect(set.trainings.every((r) => r.idNumber === t.idNumber && r.name === t.name)).toBe(true);
  });

  it("should keep the workbook's copy over another ledger's of the same year, and the earlier year's over both", () => {
    const t = teacher({ row: 2 });
    const own = training(t, '2025-05-02', 10, { row: 7, startDate: '2025-05-01' });
    const sameYear = { year: 2025, schoolCode: '3201020000', schoolName: '甲校' };
    const one = buildRecordSet(records({ teachers: [t], trainings: [own] }), 2025, {
      sources: [sameYear],
      teachers: [only([past(0, 1)])],
    });
    expect(one.trainings.map((r) => r.source)).toEqual([0]);
    const two = buildRecordSet(records({ teachers: [t], trainings: [own] }), 2025, {
      sources: [A1_2023, sameYear],
      teachers: [only([past(0, 4), past(1, 1)])],
    });
    expect(two.trainings.map((r) => [r.source, r.row])).toEqual([[1, 4]]);
  });

  it("should leave a ledger's own rows as its validation kept them", () => {
    const t = teacher({ row: 2 });
    const set = buildRecordSet(records({ teachers: [t] }), 2025, {
      sources: [A2],
      teachers: [only([past(0, 3), past(0, 4)])],
    });
    expect(set.trainings.map((r) => r.row)).toEqual([3, 4]);
  });

  it('should refuse a history that does not answer one entry per roster teacher', () => {
    const recs = records({ teachers: [teacher(), teacher()] });
    expect(() => buildRecordSet(recs, 2025, { sources: [], teachers: [only([])] })).toThrow(RangeError);
  });
});

describe('evaluateCompliance on a record set', () => {
  it('should say which ledger each counted record came from, and that the workbook alone has no history', () => {
    const t = teacher({ row: 5, startDate: '2021-01-01' });
    const own = [training(t, '2025-03-01', 100, { row: 8 }), training(t, '2025-06-01', 20, { row: 9, level: '校级' })];
    const recs = records({ teachers: [t], trainings: own });
    const alone = evaluateCompliance(recs, DEFAULT_POLICY, { year: 2025, asOf: '2025-12-31' });
    expect(alone.historyIncluded).toBe(false);
    expect(alone.sources).toEqual([{ year: 2025, schoolCode: '3201020001', schoolName: '实验小学', self: true }]);
    const cycleAlone = alone.teachers[0]!.rules.find((r) => r.rule === 'cycle_hours')!;
    expect(cycleAlone).toMatchObject({
      actual: 120,
      status: 'fail',
      records: {
        sheet: 'trainings',
        refs: [
          [0, 8],
          [0, 9],
        ],
      },
    });

    const history: History = {
      sources: [A1_2023, A1_2024],
      teachers: [
        only([
          past(0, 2, { endDate: '2023-04-02', startDate: '2023-04-01', hours: 130 }),
          past(1, 6, { endDate: '2024-04-02', startDate: '2024-04-01', hours: 110 }),
        ]),
      ],
    };
    const full = evaluateCompliance(buildRecordSet(recs, 2025, history), DEFAULT_POLICY, {
      year: 2025,
      asOf: '2025-12-31',
    });
    const cycle = full.teachers[0]!.rules.find((r) => r.rule === 'cycle_hours')!;
    expect(cycle).toMatchObject({
      actual: 360,
      required: 360,
      status: 'pass',
      records: {
        sheet: 'trainings',
        refs: [
          [0, 8],
          [0, 9],
          [1, 2],
          [2, 6],
        ],
      },
    });
    // The year's rule reads the year: the earlier ledgers' hours are not 2025's.
    const annual = full.teachers[0]!.rules.find((r) => r.rule === 'annual_district_plus_hours')!;
    expect(annual).toMatchObject({ actual: 100, records: { refs: [[0, 8]] } });
  });

  it("should pass a young teacher's milestone that an earlier year's ledger recorded", () => {
    const t = teacher({ row: 3, startDate: '2023-09-01' });
    const recs = records({ teachers: [t], milestones: [milestone(t, '课堂教学过关', '2025-06-30')] });
    const alone = evaluateCompliance(recs, DEFAULT_POLICY, { year: 2025, asOf: '2025-12-31' }).teachers[0]!.rules.find(
      (r) => r.rule === 'young_teacher_milestones',
    )!;
    expect(alone).toMatchObject({ status: 'fail', actual: 1, required: 2 });
    const history: History = {
      sources: [A1_2024],
      teachers: [
        {
          trainings: [],
          duties: [],
          milestones: [{ source: 0, row: 4, milestone: '教学常规入门', result: '通过', date: '2024-08-20' }],
        },
      ],
    };
    const rule = evaluateCompliance(buildRecordSet(recs, 2025, history), DEFAULT_POLICY, {
      year: 2025,
      asOf: '2025-12-31',
    }).teachers[0]!.rules.find((r) => r.rule === 'young_teacher_milestones')!;
    expect(rule).toMatchObject({
      status: 'pass',
      actual: 2,
      required: 2,
      records: {
        sheet: 'milestones',
        refs: [
          [0, 0],
          [1, 4],
        ],
      },
    });
  });
});
