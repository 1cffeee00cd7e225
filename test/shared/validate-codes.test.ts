import { describe, expect, it } from 'vitest';
import type { FindingCode } from '../../shared/contract/codes.js';
import type { CellValue, WorkbookGrid } from '../../shared/grid.js';
import { idCheckChar } from '../../shared/id-number.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import {
  duty,
  idFor,
  milestone,
  type Row,
  sheet,
  table,
  teacher,
  training,
  workbook,
  YEAR,
} from '../fixtures/grid-builder.js';

function run(grid: WorkbookGrid) {
  return validateWorkbook(grid, { year: YEAR });
}

function only(grid: WorkbookGrid, code: FindingCode) {
  const r = run(grid);
  const hits = r.findings.filter((f) => f.code === code);
  expect(hits, JSON.stringify(r.findings, null, 1)).toHaveLength(1);
  return { r, f: hits[0]! };
}

const t0 = teacher(0);
const t1 = teacher(1);

/** A workbook whose teacher row 2 has `over` applied (one training for teacher 0). */
const withTeacher = (over: Row) => workbook({ teachers: [teacher(0, over)] });
const withTraining = (over: Row) => workbook({ trainings: [training(t0, over)] });

describe('validateWorkbook: a clean workbook', () => {
  it('should report nothing and build the records', () => {
    const r = run(
      workbook({
        teachers: [t0, t1],
        trainings: [training(t0), training(t1)],
        duties: [duty(t0)],
        milestones: [milestone(t1)],
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.fixes).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.counts).toEqual({ teachers: 2, trainings: 2, duties: 1, milestones: 1, errors: 0, warnings: 0, fixes: 0 });
    expect(r.records.teachers.map((t) => t.row)).toEqual([2, 3]);
    expect(r.records.teachers[0]).toMatchObject({
      name: '张伟',
      idNumber: t0.idNumber,
      gender: '男',
      startDate: '2007-09',
      backbone: '无',
      transferred: false,
    });
    expect(r.records.trainings[0]).toMatchObject({ row: 2, hours: 12, level: '区级', startDate: `${YEAR}-03-01` });
    expect(r.records.duties[0]).toMatchObject({ semester: `${YEAR}-${YEAR + 1}-1`, demoLessonsGuided: 30 });
    expect(r.records.milestones[0]).toMatchObject({ milestone: '教学常规入门', result: '通过' });
    expect(r.records.school).toMatchObject({
      schoolCode: '3201020001',
      rural: false,
      publicBudget: 1000000,
      planSubmittedOn: `${YEAR}-09-15`,
    });
  });
});

describe('validateWorkbook: sheet and column findings', () => {
  it('should report sheet.missing with no sheet and no cell', () => {
    const { r, f } = only(workbook({ trainings: null }), 'sheet.missing');
    expect(f).toMatchObject({ severity: 'error', sheet: null, cell: null, row: null, column: null });
    expect(f.message).toContain('培训记录');
    expect(r.ok).toBe(false);
  });
  it('should report sheet.extra as info and still pass', () => {
    const { r, f } = only(workbook({ extra: [sheet('Sheet3', [['x']])] }), 'sheet.extra');
    expect(f).toMatchObject({ severity: 'info', sheet: 'Sheet3', cell: null, row: null });
    expect(r.ok).toBe(true);
  });
  it('should report header.missing at the header row first cell and make every roster row invalid', () => {
    const s = table('teachers', [t0]);
    for (const row of s.rows) row.splice(2, 1); // drop 性别
    const { r, f } = only(workbook({ teachers: s }), 'header.missing');
    expect(f).toMatchObject({ sheet: '教师名册', cell: 'A1', row: 1, column: 'gender' });
    expect(f.message).toContain('性别');
    expect(r.records.teachers).toEqual([]);
    expect(r.records.invalidTeachers).toEqual([{ row: 2, name: '张伟', idNumber: t0.idNumber }]);
  });
  it('should report column.extra at the header cell as info', () => {
    const s = table('teachers', [t0]);
    s.rows[0]!.push('籍贯');
    s.rows[1]!.push('江苏');
    const { r, f } = only(workbook({ teachers: s }), 'column.extra');
    expect(f).toMatchObject({ severity: 'info', cell: 'R1', row: 1, column: null, value: '籍贯' });
    expect(r.ok).toBe(true);
  });
  it('should skip a trailing totals row with row.totals info', () => {
    const s = table('trainings', [training(t0), training(t0, { course: '信息技术应用培训' })]);
    s.rows.push(
      [null, null, null, null, null, null, null, null, null],
      ['合计', null, null, null, null, null, null, null, 24],
    );
    const { r, f } = only(workbook({ trainings: s }), 'row.totals');
    expect(f).toMatchObject({ severity: 'info', sheet: '培训记录', cell: 'A5', row: 5 });
    expect(r.counts.trainings).toBe(2);
    expect(r.ok).toBe(true);
  });
  it('should skip blank rows silently', () => {
    const s = table('trainings', [training(t0)]);
    s.rows.splice(1, 0, [null, '  ', '\u3000']);
    const r = run(workbook({ trainings: s }));
    expect(r.findings).toEqual([]);
    expect(r.records.trainings[0]!.row).toBe(3);
  });
});

describe('validateWorkbook: cell findings', () => {
  it('should report required on an empty required cell', () => {
    const { f } = only(withTeacher({ stage: null }), 'required');
    expect(f).toMatchObject({ severity: 'error', sheet: '教师名册', cell: 'F2', row: 2, column: 'stage' });
    expect(f.message).toContain('任教学段');
  });
  it('should require 任现职时间 for a principal and 称号级别 for a backbone title', () => {
    expect(only(withTeacher({ post: '校长' }), 'required').f).toMatchObject({ cell: 'L2', column: 'postStartDate' });
    expect(only(withTeacher({ backbone: '区级骨干教师' }), 'required').f).toMatchObject({
      cell: 'N2',
      column: 'backboneLevel',
    });
    expect(run(withTeacher({ post: '校长', postStartDate: '2020-08-01' })).ok).toBe(true);
  });
  it('should report text.invalid on a bad name and on a one-character course', () => {
    expect(only(withTeacher({ name: '张3' }), 'text.invalid').f).toMatchObject({ cell: 'A2', column: 'name' });
    expect(only(withTraining({ course: '培' }), 'text.invalid').f).toMatchObject({
      sheet: '培训记录',
      cell: 'C2',
      column: 'course',
    });
  });
  it('should report phone.invalid as a warning that keeps the row valid', () => {
    const { r, f } = only(withTeacher({ phone: '1381234567' }), 'phone.invalid');
    expect(f).toMatchObject({ severity: 'warning', cell: 'E2', value: '1381234567' });
    expect(r.ok).toBe(true);
    expect(r.records.teachers).toHaveLength(1);
  });
  it('should report enum.invalid with the allowed values and a suggestion', () => {
    const { f } = only(withTeacher({ subject: '语问' }), 'enum.invalid');
    expect(f).toMatchObject({ cell: 'G2', column: 'subject', value: '语问' });
    expect(f.message).toContain('道德与法治');
    expect(f.message).toContain('“语文”');
  });
  it('should report date.invalid on an impossible date', () => {
    expect(only(withTraining({ startDate: '2026-02-30', endDate: '2026-03-02' }), 'date.invalid').f).toMatchObject({
      cell: 'G2',
      column: 'startDate',
    });
  });
  it('should report date.range after the year and before 1950', () => {
    expect(only(withTraining({ endDate: `${YEAR + 1}-01-05` }), 'date.range').f).toMatchObject({
      cell: 'H2',
      column: 'endDate',
    });
    expect(only(withTeacher({ startDate: '1949-09' }), 'date.range').f).toMatchObject({
      cell: 'J2',
      column: 'startDate',
    });
    const serial = run(withTraining({ startDate: 46400, endDate: 46400 })).findings.filter(
      (f) => f.code === 'date.range',
    );
    expect(serial.map((f) => f.cell)).toEqual(['G2', 'H2']);
    expect(serial[0]!.message).toContain('2027-01-13');
    expect(only(workbook({ duties: [duty(t0, { semester: `${YEAR + 1}年秋季` })] }), 'date.range').f).toMatchObject({
      sheet: '骨干履职',
      cell: 'C2',
    });
  });
  it('should report date.order on the end date cell', () => {
    const { f } = only(withTraining({ startDate: `${YEAR}-05-02`, endDate: `${YEAR}-05-01` }), 'date.order');
    expect(f).toMatchObject({ cell: 'H2', row: 2, column: 'endDate' });
  });
  it('should report number.invalid', () => {
    expect(only(withTraining({ hours: '三小时' }), 'number.invalid').f).toMatchObject({
      cell: 'I2',
      column: 'hours',
      value: '三小时',
    });
  });
  it('should report number.range outside bounds and off the half-hour step', () => {
    for (const hours of [0, 0.3, 301, -2])
      expect(only(withTraining({ hours }), 'number.range').f).toMatchObject({ cell: 'I2' });
    expect(only(workbook({ duties: [duty(t0, { lectures: 1.5 })] }), 'number.range').f).toMatchObject({
      sheet: '骨干履职',
      cell: 'H2',
    });
    expect(only(workbook({ school: { ...schoolRow(), publicBudget: -1 } }), 'number.range').f).toMatchObject({
      sheet: '学校概况',
      cell: 'B5',
    });
  });
  it('should report cell.error_value with the error as the value', () => {
    const { f } = only(withTraining({ hours: { error: '#N/A' } }), 'cell.error_value');
    expect(f).toMatchObject({ cell: 'I2', value: '#N/A', column: 'hours' });
  });
});

function schoolRow(): Row {
  return {
    schoolCode: '3201020001',
    schoolName: '南京市实验学校',
    schoolType: '小学',
    rural: '否',
    publicBudget: 1000000,
    trainingFunds: 60000,
    planSubmittedOn: null,
  };
}

describe('validateWorkbook: ID numbers', () => {
  const first17 = (t0.idNumber as string).slice(0, 17);
  const cases: [string, CellValue][] = [
    ['id_number.scientific', 3.20102198503151e17],
    ['id_number.legacy', '320102850315123'],
    ['id_number.format', '32010219850315123'],
    ['id_number.region', `99${first17.slice(2)}${idCheckChar(`99${first17.slice(2)}`)}`],
    ['id_number.birthdate', `32010219850230123${idCheckChar('32010219850230123')}`],
    ['id_number.checksum', first17 + (idCheckChar(first17) === '1' ? '2' : '1')],
  ];
  it.each(cases)('should report %s on the ID cell', (code, value) => {
    const { r, f } = only(withTeacher({ idNumber: value }), code as FindingCode);
    expect(f).toMatchObject({ sheet: '教师名册', cell: 'B2', column: 'idNumber', severity: 'error' });
    expect(f.message).not.toMatch(/\d{15}/);
    expect(r.findings.filter((x) => x.code.startsWith('id_number.'))).toHaveLength(1);
    expect(r.records.invalidTeachers).toHaveLength(1);
  });
  it('should tell the clerk to format the column as text for scientific IDs', () => {
    expect(only(withTeacher({ idNumber: 3.20102198503151e17 }), 'id_number.scientific').f.message).toContain('文本');
  });
});

describe('validateWorkbook: consistency, duplicates and references', () => {
  it('should report consistency.gender_id on the 性别 cell', () => {
    expect(only(withTeacher({ gender: '女' }), 'consistency.gender_id').f).toMatchObject({
      cell: 'C2',
      column: 'gender',
      value: '女',
    });
  });
  it('should report consistency.birthdate_id on the 出生日期 cell, by year-month when only that is given', () => {
    expect(only(withTeacher({ birthDate: '1985-03-16' }), 'consistency.birthdate_id').f).toMatchObject({
      cell: 'D2',
      column: 'birthDate',
    });
    expect(only(withTeacher({ birthDate: '1985-04' }), 'consistency.birthdate_id').f).toMatchObject({ cell: 'D2' });
    expect(run(withTeacher({ birthDate: '1985-03' })).ok).toBe(true);
  });
  it('should report duplicate.teacher on the second row only', () => {
    const { r, f } = only(workbook({ teachers: [t0, { ...t0 }] }), 'duplicate.teacher');
    expect(f).toMatchObject({ cell: 'B3', row: 3, column: 'idNumber' });
    expect(r.records.teachers.map((t) => t.row)).toEqual([2]);
    expect(r.records.invalidTeachers.map((t) => t.row)).toEqual([3]);
  });
  it('should warn duplicate.training on the later row and count its hours once', () => {
    const { r, f } = only(
      workbook({ trainings: [training(t0), training(t0), training(t0, { course: '其他培训' })] }),
      'duplicate.training',
    );
    expect(f).toMatchObject({ severity: 'warning', cell: 'A3', row: 3 });
    expect(r.ok).toBe(true);
    expect(r.records.trainings.map((t) => t.row)).toEqual([2, 4]);
  });
  it('should report duplicate.duty on the later row of the same term', () => {
    const { f } = only(workbook({ duties: [duty(t0), duty(t0, { semester: `${YEAR}年秋季` })] }), 'duplicate.duty');
    expect(f).toMatchObject({ severity: 'error', sheet: '骨干履职', cell: 'A3', row: 3 });
  });
  it('should report reference.unknown_teacher on the training ID cell', () => {
    const { r, f } = only(
      workbook({ trainings: [training(t0), training({ idNumber: idFor(7), name: '黄勇' })] }),
      'reference.unknown_teacher',
    );
    expect(f).toMatchObject({ sheet: '培训记录', cell: 'A3', column: 'idNumber' });
    expect(r.records.trainings.map((t) => t.row)).toEqual([2]);
  });
  it('should report reference.name_mismatch on the name cell of trainings, duties and milestones', () => {
    expect(only(withTraining({ name: '张三' }), 'reference.name_mismatch').f).toMatchObject({
      cell: 'B2',
      column: 'name',
      value: '张三',
    });
    expect(
      only(workbook({ milestones: [milestone(t0, { name: '王五' })] }), 'reference.name_mismatch').f,
    ).toMatchObject({ sheet: '青年教师考核', cell: 'B2' });
    expect(run(withTraining({ name: '张 伟' })).ok).toBe(true);
  });
  it('should not call trainings unknown when the roster holds their ID as a rounded number', () => {
    const r = run(workbook({ teachers: [teacher(0, { idNumber: Number(t0.idNumber) })] }));
    expect(r.findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`)).toEqual(['教师名册!B2 id_number.scientific']);
  });
  it('should keep a clean training of a teacher whose roster row is invalid', () => {
    const r = run(workbook({ teachers: [teacher(0, { stage: '大学' })] }));
    expect(r.records.invalidTeachers).toHaveLength(1);
    expect(r.records.trainings).toHaveLength(1);
  });
});

describe('validateWorkbook: fixes', () => {
  it('should list fix.trim, fix.fullwidth and fix.unit in order with from and to', () => {
    const r = run(withTraining({ hours: ' ３.５学时' }));
    expect(r.fixes).toEqual([
      { code: 'fix.trim', sheet: '培训记录', cell: 'I2', row: 2, column: 'hours', from: ' ３.５学时', to: 3.5 },
      { code: 'fix.fullwidth', sheet: '培训记录', cell: 'I2', row: 2, column: 'hours', from: ' ３.５学时', to: 3.5 },
      { code: 'fix.unit', sheet: '培训记录', cell: 'I2', row: 2, column: 'hours', from: ' ３.５学时', to: 3.5 },
    ]);
    expect(r.counts.fixes).toBe(3);
    expect(r.records.trainings[0]!.hours).toBe(3.5);
  });
  it('should list the clearing of a cell of spaces as fix.trim', () => {
    const r = run(withTeacher({ note: ' \u3000 ' }));
    expect(r.fixes).toEqual([
      { code: 'fix.trim', sheet: '教师名册', cell: 'Q2', row: 2, column: 'note', from: ' \u3000 ', to: null },
    ]);
    expect(r.records.teachers[0]!.note).toBeNull();
  });
  it('should list fix.normalize for aliases, legacy titles, yes/no and date shapes', () => {
    const r = run(withTeacher({ title: '中学高级', transferred: 'Y', gender: '男性', startDate: '2007年9月' }));
    expect(r.fixes.map((f) => [f.cell, f.code, f.from, f.to])).toEqual([
      ['C2', 'fix.normalize', '男性', '男'],
      ['H2', 'fix.normalize', '中学高级', '高级教师'],
      ['J2', 'fix.normalize', '2007年9月', '2007-09'],
      ['P2', 'fix.normalize', 'Y', '是'],
    ]);
    expect(r.records.teachers[0]).toMatchObject({ title: '高级教师', transferred: true, startDate: '2007-09' });
  });
});
