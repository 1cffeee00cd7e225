import { describe, expect, it } from 'vitest';
import { SHEETS } from '../../shared/contract/sheets.js';
import type { CellValue, WorkbookGrid } from '../../shared/grid.js';
import { toValidateJson, validateWorkbook } from '../../shared/validate/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { type Row, sheet, table, teacher, training, workbook, YEAR } from '../fixtures/grid-builder.js';
import { cloneGrid, plant, valueAt } from '../fixtures/plant.js';

const run = (grid: WorkbookGrid) => validateWorkbook(grid, { year: YEAR });
const t0 = teacher(0);

/** A roster sheet whose headers are the given texts, in order, with rows of values in that order. */
function rosterWith(headers: string[], keys: string[], rows: Row[], above: CellValue[][] = []) {
  return sheet('教师名册', [...above, headers, ...rows.map((r) => keys.map((k) => r[k] ?? null))]);
}

describe('validateWorkbook on workbooks clerks really send', () => {
  it('should skip merged title rows and blank rows above the header and keep the sheet row numbers', () => {
    const s = table('teachers', [t0, teacher(1, { stage: '大学' })]);
    s.rows.unshift(['XX学校2026年教师培训台账', null, null], [null], ['填表人：李老师']);
    const r = run(workbook({ teachers: s }));
    expect(r.sheets.find((d) => d.key === 'teachers')).toMatchObject({
      headerRow: 4,
      columns: { name: 0, idNumber: 1 },
    });
    expect(r.findings).toMatchObject([{ code: 'enum.invalid', cell: 'F6', row: 6 }]);
    expect(r.records.teachers[0]!.row).toBe(5);
  });

  it('should match alias headers, headers with required markers, units and line breaks', () => {
    const keys = ['name', 'idNumber', 'gender', 'stage', 'subject', 'title', 'education', 'startDate', 'post'];
    const headers = [
      '教师姓名\n（必填）',
      '*身份证号码',
      '性 别*',
      '学段(必填)',
      '学科',
      '专业技术职务',
      '学历',
      '参工时间',
      '职务',
    ];
    const r = run(workbook({ teachers: rosterWith(headers, keys, [t0]) }));
    expect(r.findings).toEqual([]);
    expect(r.records.teachers).toHaveLength(1);
    const tr = sheet('培训台账', [
      ['身份证号', '姓名', '培训名称', '级别', '类别', '形式', '起始日期', '截止日期', '学时（小时）'],
      [t0.idNumber!, t0.name!, '师德师风专题培训', '县级', '师德师风', '集中面授', '2026/3/1', '2026.3.2', '６ 学时'],
    ]);
    const r2 = run(workbook({ trainings: tr }));
    expect(r2.findings).toEqual([]);
    expect(r2.records.trainings[0]).toMatchObject({
      level: '区级',
      startDate: '2026-03-01',
      endDate: '2026-03-02',
      hours: 6,
    });
    expect(r2.fixes.map((f) => `${f.cell} ${f.code}`)).toEqual([
      'D2 fix.normalize',
      'G2 fix.normalize',
      'H2 fix.normalize',
      'I2 fix.fullwidth',
      'I2 fix.unit',
    ]);
  });

  it('should tell number IDs from text IDs in every sheet', () => {
    const grid = workbook({ trainings: [training(t0, { idNumber: 320102198503151000 })] });
    const r = run(grid);
    expect(r.findings).toMatchObject([{ code: 'id_number.scientific', sheet: '培训记录', cell: 'A2' }]);
  });

  it('should read dates in every shape, serials and Date cells included', () => {
    const shapes: CellValue[] = [
      '2026-03-01',
      '2026/3/1',
      '2026.3.1',
      '2026年3月1日',
      '20260301',
      46082,
      new Date(Date.UTC(2026, 2, 1)),
    ];
    const r = run(
      workbook({
        trainings: shapes.map((s, i) => training(t0, { course: `培训${i}`, startDate: s, endDate: s, hours: 8 })),
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.records.trainings.map((t) => t.startDate)).toEqual(shapes.map(() => '2026-03-01'));
  });

  it('should give the finding value of a Date cell as YYYY-MM-DD', () => {
    const r = run(
      workbook({
        trainings: [
          training(t0, { startDate: new Date(Date.UTC(2026, 5, 2)), endDate: new Date(Date.UTC(2026, 5, 1)) }),
        ],
      }),
    );
    expect(r.findings).toMatchObject([{ code: 'date.order', value: '2026-06-01' }]);
  });

  it('should ignore extra sheets and extra columns, reporting each once as info', () => {
    const s = table('teachers', [t0, teacher(1)]);
    s.rows[0]!.push('籍贯', '政治面貌');
    const r = run(workbook({ teachers: s, extra: [sheet('Sheet2', []), sheet('说明', [['填表说明']])] }));
    expect(r.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['column.extra', '教师名册', 'R1'],
      ['column.extra', '教师名册', 'S1'],
      ['sheet.extra', 'Sheet2', null],
      ['sheet.extra', '说明', null],
    ]);
    expect(r.ok).toBe(true);
  });

  it('should read 学校概况 as a one-row table as well as key/value', () => {
    const s = table('school', [
      {
        schoolCode: '3201020001',
        schoolName: '南京市实验学校',
        schoolType: '小学',
        rural: '√',
        publicBudget: '1,000,000',
        trainingFunds: '60000元',
      },
    ]);
    s.name = '基本情况';
    const r = run(workbook({ school: s }));
    expect(r.findings).toEqual([]);
    expect(r.records.school).toEqual({
      schoolCode: '3201020001',
      schoolName: '南京市实验学校',
      schoolType: '小学',
      rural: true,
      publicBudget: 1000000,
      trainingFunds: 60000,
      planSubmittedOn: null,
    });
  });

  it('should report a missing key/value field as header.missing and make no school record', () => {
    const s = sheet('学校概况', [
      ['学校代码', '3201020001'],
      ['学校名称', '某校'],
      ['学校类型', '小学'],
      ['是否农村学校', '否'],
      ['年度公用经费预算（元）', 100],
    ]);
    const r = run(workbook({ school: s }));
    expect(r.findings).toMatchObject([
      { code: 'header.missing', sheet: '学校概况', column: 'trainingFunds', cell: null },
    ]);
    expect(r.records.school).toBeNull();
  });

  it('should report every required column when no header row is found', () => {
    const r = run(workbook({ teachers: sheet('教师名册', [['随便写的'], ['张三']]) }));
    const missing = r.findings.filter((f) => f.code === 'header.missing');
    expect(missing.map((f) => f.column)).toEqual(
      SHEETS.teachers.columns.filter((c) => c.required === 'yes').map((c) => c.key),
    );
  });

  it('should survive Invalid Date cells anywhere, the header row included', () => {
    const s = table('trainings', [training(t0, { startDate: new Date(Number.NaN) })]);
    s.rows[0]!.push(new Date(Number.NaN));
    const r = run(workbook({ trainings: s }));
    expect(r.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['date.invalid G2']);
  });

  it('should prefer the sheet with the standard name when two sheets claim one', () => {
    const r = run(workbook({ extra: [sheet('名册', [['x']])] }));
    expect(r.findings).toMatchObject([{ code: 'sheet.extra', sheet: '名册' }]);
  });

  it('should not flag every training when the roster is missing', () => {
    const r = run(workbook({ teachers: null }));
    expect(r.findings.map((f) => f.code)).toEqual(['sheet.missing']);
  });

  it('should sort findings by sheet in template order, then row, then column', () => {
    const grid = workbook({
      extra: [sheet('Sheet9', [])],
      trainings: [training(t0, { hours: 'x' }), training(t0, { course: '培', level: '乱' })],
      teachers: [teacher(0, { phone: '1', stage: '大学' })],
    });
    grid.sheets.reverse();
    const r = run(grid);
    expect(r.findings.map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      '教师名册!E2',
      '教师名册!F2',
      '培训记录!I2',
      '培训记录!C3',
      '培训记录!D3',
      'Sheet9!null',
    ]);
  });

  it('should write messages in English on request', () => {
    const r = validateWorkbook(workbook({ trainings: null }), { year: YEAR, lang: 'en' });
    expect(r.findings[0]!.message).toMatch(/^The sheet "培训记录" is missing/);
  });

  it('should report progress up to the total', () => {
    const calls: [number, number][] = [];
    validateWorkbook(generateSchool({ seed: 3, teachers: 600, year: YEAR }), {
      year: YEAR,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(calls.length).toBeGreaterThan(1);
    const [done, total] = calls[calls.length - 1]!;
    expect(done).toBe(total);
    expect(calls.every(([d, t]) => d <= t)).toBe(true);
  });
});

describe('toValidateJson', () => {
  it('should hold exactly the fields of cli.md with primitive values', () => {
    const r = run(workbook({ trainings: [training(t0, { hours: { error: '#REF!' } })] }));
    const json = toValidateJson(r);
    expect(Object.keys(json)).toEqual(['ok', 'year', 'counts', 'findings', 'fixes']);
    expect(Object.keys(json.counts)).toEqual([
      'teachers',
      'trainings',
      'duties',
      'milestones',
      'errors',
      'warnings',
      'fixes',
    ]);
    expect(json.findings[0]).toEqual({
      severity: 'error',
      code: 'cell.error_value',
      sheet: '培训记录',
      cell: 'I2',
      row: 2,
      column: 'hours',
      value: '#REF!',
      message: expect.any(String),
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('generateSchool', () => {
  it('should generate a workbook that validates without findings, in both date styles and school layouts', () => {
    for (const opts of [{ dateCells: false }, { dateCells: true, schoolLayout: 'table' as const }]) {
      const grid = generateSchool({ seed: 11, teachers: 300, year: YEAR, ...opts });
      const r = run(grid);
      expect(r.findings).toEqual([]);
      expect(r.fixes).toEqual([]);
      expect(r.records.teachers).toHaveLength(300);
      expect(r.records.trainings.length).toBeGreaterThan(300 * 9);
      expect(r.records.duties.length).toBeGreaterThan(0);
      expect(r.records.milestones.length).toBeGreaterThan(0);
      expect(r.records.teachers.filter((t) => t.post === '校长')).toHaveLength(1);
    }
  });

  it('should be deterministic for a seed and differ between seeds', () => {
    const a = generateSchool({ seed: 5, teachers: 50, year: YEAR });
    expect(generateSchool({ seed: 5, teachers: 50, year: YEAR })).toEqual(a);
    expect(generateSchool({ seed: 6, teachers: 50, year: YEAR })).not.toEqual(a);
  });

  it('should let plant put errors at known cells', () => {
    const grid = cloneGrid(generateSchool({ seed: 7, teachers: 40, year: YEAR }));
    const at = [
      plant(grid, 'teachers', 5, 'idNumber', 3.2e17),
      plant(grid, 'trainings', 10, 'hours', 'abc'),
      plant(grid, 'trainings', 12, 'name', '某某某'),
      plant(grid, 'school', 0, 'trainingFunds', null),
    ];
    const r = run(grid);
    const where = r.findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`);
    expect(where).toEqual(
      expect.arrayContaining([
        `${at[0]!.sheet}!${at[0]!.cell} id_number.scientific`,
        `${at[1]!.sheet}!${at[1]!.cell} number.invalid`,
        `${at[2]!.sheet}!${at[2]!.cell} reference.name_mismatch`,
        `${at[3]!.sheet}!${at[3]!.cell} required`,
      ]),
    );
    expect(valueAt(grid, 'trainings', 10, 'hours')).toBe('abc');
  });
});
