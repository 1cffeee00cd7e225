/**
 * The records validation hands on keep one shape: each field once, in the order of records.ts,
 * whatever the order or the set of the sheet's columns. Hosts serialise them as they are (the
 * pane's content hash of the records, the submission's payload), so the order is part of the
 * contract, and a clean row's values are the record itself (build-records.ts).
 */
import { describe, expect, it } from 'vitest';
import { SHEETS } from '../../shared/contract/sheets.js';
import type { CellValue } from '../../shared/grid.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { duty, milestone, sheet, teacher, training, workbook, YEAR } from '../fixtures/grid-builder.js';

const TRAINING_FIELDS = [
  'row',
  'idNumber',
  'name',
  'course',
  'level',
  'category',
  'form',
  'startDate',
  'endDate',
  'hours',
  'organizer',
  'certificate',
  'catalogueCode',
];
const DUTY_FIELDS = [
  'row',
  'idNumber',
  'name',
  'semester',
  'demoLessonsHome',
  'demoLessonsGuided',
  'observedLessons',
  'groupPreps',
  'lectures',
  'projectLed',
  'smallProjects',
];
const MILESTONE_FIELDS = ['row', 'idNumber', 'name', 'milestone', 'result', 'date'];

/** A table sheet with its columns in the given order of keys (headers as the template writes them). */
function shuffled(key: 'trainings' | 'duties' | 'milestones', keys: string[], rows: Record<string, CellValue>[]) {
  const def = SHEETS[key];
  const header = keys.map((k) => def.columns.find((c) => c.key === k)!.header);
  return sheet(def.name, [header, ...rows.map((r) => keys.map((k) => r[k] ?? null))]);
}

describe('records', () => {
  const t0 = teacher(0);
  const t1 = teacher(1, { studioRole: '主持人', backbone: '区级骨干教师', backboneLevel: '区级' });

  it('should list a training, a duty and a milestone field by field in the order of records.ts', () => {
    const r = validateWorkbook(
      workbook({
        teachers: [t0, t1],
        // Columns reversed, and 证书编号 / 项目编号 / 主持课题 left out of the sheet altogether.
        trainings: shuffled('trainings', [...TRAINING_FIELDS.slice(1, 11)].reverse(), [
          training(t0, { organizer: null }),
        ]),
        duties: shuffled('duties', DUTY_FIELDS.filter((k) => k !== 'row' && k !== 'projectLed').reverse(), [duty(t1)]),
        milestones: shuffled('milestones', ['date', 'result', 'milestone', 'name', 'idNumber'], [milestone(t0)]),
      }),
      { year: YEAR },
    );
    expect(r.findings).toEqual([]);
    expect(r.records.trainings.map((t) => Object.keys(t))).toEqual([TRAINING_FIELDS]);
    expect(r.records.duties.map((d) => Object.keys(d))).toEqual([DUTY_FIELDS]);
    expect(r.records.milestones.map((m) => Object.keys(m))).toEqual([MILESTONE_FIELDS]);
    expect(JSON.stringify(r.records.trainings[0])).toBe(
      JSON.stringify({
        row: 2,
        idNumber: t0.idNumber,
        name: t0.name,
        course: '师德师风专题培训',
        level: '区级',
        category: '师德师风',
        form: '集中面授',
        startDate: `${YEAR}-03-01`,
        endDate: `${YEAR}-03-02`,
        hours: 12,
        organizer: null,
        certificate: null,
        catalogueCode: null,
      }),
    );
    expect(r.records.duties[0]).toMatchObject({ row: 2, projectLed: null, demoLessonsHome: 30 });
  });

  it('should give no record for a row with an error or a repeated training, and keep the others in row order', () => {
    const r = validateWorkbook(
      workbook({
        trainings: [
          training(t0, { course: '甲培训' }),
          training(t0, { hours: 'abc' }),
          training(t0, { course: '甲培训' }),
          training(t0, { course: '乙培训' }),
        ],
      }),
      { year: YEAR },
    );
    expect(r.records.trainings.map((t) => [t.row, t.course])).toEqual([
      [2, '甲培训'],
      [5, '乙培训'],
    ]);
  });
});
