import { describe, expect, it } from 'vitest';
import { catalogueYears, type PreviewCatalogue, recognizeForPreview } from '../../addin/ui/recognition-preview.js';
import { DEFAULT_POLICY, evaluateCompliance } from '../../shared/policy/index.js';
import type { CatalogueEntry, RecognitionMode } from '../../shared/recognition/index.js';
import type { Records, TrainingRecord } from '../../shared/records.js';
import { teacher as teacherRecord, training as trainingRecord } from '../fixtures/policy-records.js';

const teacher = teacherRecord();
/** A 区级 training of the teacher in April 2026, row `row`. */
const training = (row: number, course: string, hours: number, over: Partial<TrainingRecord> = {}) =>
  trainingRecord(teacher, '2026-04-12', hours, { row, course, startDate: '2026-04-10', ...over });

const entry = (code: string, course: string, hours: number): CatalogueEntry => ({
  code,
  course,
  level: '区级',
  category: '学科教学',
  form: '集中面授',
  startDate: '2026-04-01',
  endDate: '2026-04-30',
  hours,
  organizer: null,
});

const records: Records = {
  school: null,
  teachers: [teacher],
  invalidTeachers: [],
  trainings: [
    training(2, '新课标解读与实践', 12),
    training(3, '作业设计与评价', 16),
    training(4, '信息技术应用能力提升', 10),
    training(5, '大单元教学设计工作坊', 8),
    training(6, '校本教研', 2, { level: '校级' }),
    training(7, '班主任工作能力提升', 6, { startDate: '2025-04-10', endDate: '2025-04-12' }),
  ],
  duties: [],
  milestones: [],
};

const catalogues: PreviewCatalogue[] = [
  {
    year: 2026,
    entries: [
      entry('A', '新课标解读与实践', 12),
      entry('B', '作业设计与评价', 8),
      entry('L', '信息技术应用能力提升', 10),
      entry('C', '大单元教学设计工做坊', 8),
    ],
    listed: ['L'],
  },
  // The bureau keeps no catalogue for 2025: its records get no status.
  { year: 2025, entries: [], listed: [] },
];

const run = (mode: RecognitionMode) => recognizeForPreview(records, catalogues, mode);

describe('recognizeForPreview', () => {
  it('should give each 区级-or-higher record of a year with a catalogue its status, the likely entry when close', () => {
    const { recognition } = run('flag');
    expect(recognition.records.map((r) => [r.row, r.status, r.pendingList, r.likely, r.likelyCourse])).toEqual([
      [2, 'recognized', false, null, null],
      [3, 'hours_exceed', false, null, null],
      [4, 'recognized', true, null, null],
      [5, 'unmatched', false, 'C', '大单元教学设计工做坊'],
    ]);
    // A record matched to a listed entry is counted apart, not as 已认定.
    expect(recognition.counts).toEqual({ recognized: 1, hours_exceed: 1, not_on_list: 0, unmatched: 1 });
    expect(recognition.pendingList).toBe(1);
  });

  it('should count the hours the policy mode gives, as the engine then does', () => {
    const flag = run('flag');
    const require = run('require');
    expect(flag.recognition.records.map((r) => r.countedHours)).toEqual([12, 8, 10, 8]);
    expect(require.recognition.records.map((r) => r.countedHours)).toEqual([12, 8, 10, 0]);
    const annual = (x: ReturnType<typeof run>, mode: RecognitionMode) =>
      evaluateCompliance(
        x.records,
        { ...DEFAULT_POLICY, recognition: mode },
        { year: 2026, asOf: '2026-12-31' },
      ).teachers[0]!.rules.find((r) => r.rule === 'annual_district_plus_hours')!.actual;
    expect(annual(flag, 'flag')).toBe(12 + 8 + 10 + 8);
    expect(annual(require, 'require')).toBe(12 + 8 + 10);
  });

  it('should leave the validated records as they were and set nothing when recognition is off', () => {
    const off = run('off');
    expect(off.recognition.records).toEqual([]);
    expect(off.records.trainings.every((t) => !t.recognition)).toBe(true);
    run('flag');
    expect(records.trainings.every((t) => t.recognition === undefined)).toBe(true);
  });

  it('should ask for the catalogues of the years its 区级-or-higher records end in', () => {
    expect(catalogueYears(records)).toEqual([2025, 2026]);
  });
});
