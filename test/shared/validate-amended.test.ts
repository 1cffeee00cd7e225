/**
 * validateWorkbook against the amended template.md, each rule with the cases on both sides of its
 * boundary: the totals block, sheet.empty, hours.per_day, 项目编号, invisible characters, units,
 * 1904 serials, 学期 shapes, and the upper bounds of money and counts (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { encodedWorkbookSchema } from '../../shared/api/submission.js';
import type { FindingCode } from '../../shared/contract/codes.js';
import { DUTIES_MAX, LESSONS_MAX, MONEY_MAX } from '../../shared/contract/sheets.js';
import { type CellValue, decodeWorkbook, encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { duty, type Row, school, sheet, table, teacher, training, workbook, YEAR } from '../fixtures/grid-builder.js';

const run = (grid: WorkbookGrid, lang: 'zh' | 'en' = 'zh') => validateWorkbook(grid, { year: YEAR, lang });
const t0 = teacher(0);
const t1 = teacher(1);
const codes = (grid: WorkbookGrid) => run(grid).findings.map((f) => `${f.sheet}!${f.cell} ${f.code}`);

function only(grid: WorkbookGrid, code: FindingCode) {
  const r = run(grid);
  const hits = r.findings.filter((f) => f.code === code);
  expect(hits, JSON.stringify(r.findings, null, 1)).toHaveLength(1);
  return { r, f: hits[0]! };
}

/** 培训记录 with the standard header, the given trainings, then raw rows below them. */
function trainingsThen(rows: Row[], below: CellValue[][]) {
  const s = table('trainings', rows);
  s.rows.push(...below);
  return s;
}

describe('the totals block', () => {
  const blank: CellValue[] = [null, null, null];
  it('should skip 小计 then 合计 at the end, one row.totals info each, and count neither as data', () => {
    const s = trainingsThen(
      [training(t0), training(t1)],
      [
        ['小计', null, null, null, null, null, null, null, 24],
        ['合计', null, null, null, null, null, null, null, 24],
      ],
    );
    const r = run(workbook({ teachers: [t0, t1], trainings: s }));
    expect(r.findings.map((f) => [f.code, f.severity, f.cell, f.value])).toEqual([
      ['row.totals', 'info', 'A4', '小计'],
      ['row.totals', 'info', 'A5', '合计'],
    ]);
    expect(r.counts.trainings).toBe(2);
    expect(r.ok).toBe(true);
  });
  it('should find the label in the first non-empty cell, past blank rows and with spaces, a colon or invisible characters', () => {
    const s = trainingsThen([training(t0)], [blank, [null, ' 总 计：'], blank, ['\u200b合计'], blank]);
    expect(codes(workbook({ trainings: s }))).toEqual(['培训记录!B4 row.totals', '培训记录!A6 row.totals']);
  });
  it('should read a 合计 row followed by a data row as data, not as totals', () => {
    const s = trainingsThen([training(t0)], [['合计', null, null, null, null, null, null, null, 12]]);
    s.rows.push(s.rows[1]!.slice());
    const r = run(workbook({ trainings: s }));
    expect(r.findings.some((f) => f.code === 'row.totals')).toBe(false);
    expect(r.findings.filter((f) => f.row === 3).map((f) => f.code)).toContain('id_number.format');
  });
  it('should not take a row whose first non-empty cell is other text, or a number, for totals', () => {
    for (const first of ['合计学时', '总合计', 3]) {
      const s = trainingsThen([training(t0)], [[first, null, null, null, null, null, null, null, 12]]);
      expect(run(workbook({ trainings: s })).findings.some((f) => f.code === 'row.totals')).toBe(false);
    }
  });
});

describe('sheet.empty', () => {
  it('should be an error on a roster without data rows, at the header row first cell', () => {
    const { r, f } = only(workbook({ teachers: [] }), 'sheet.empty');
    expect(f).toMatchObject({ severity: 'error', sheet: '教师名册', cell: 'A1', row: 1, column: null });
    expect(f.message).toContain('教师名册');
    expect(r.ok).toBe(false);
    // An empty training sheet beside it is its own warning.
    const both = run(workbook({ teachers: [], trainings: [] }));
    expect(both.findings.map((x) => `${x.sheet} ${x.code} ${x.severity}`)).toEqual([
      '教师名册 sheet.empty error',
      '培训记录 sheet.empty warning',
    ]);
  });
  it('should be a warning on 培训记录 without data rows, and the workbook still passes', () => {
    const { r, f } = only(workbook({ trainings: [] }), 'sheet.empty');
    expect(f).toMatchObject({ severity: 'warning', sheet: '培训记录', cell: 'A1', row: 1 });
    expect(r.ok).toBe(true);
    expect(r.counts.warnings).toBe(1);
  });
  it('should place the finding on the header row found below a title', () => {
    const s = table('trainings', []);
    s.rows.unshift(['2026年培训台账'], [null]);
    expect(only(workbook({ trainings: s }), 'sheet.empty').f).toMatchObject({ cell: 'A3', row: 3 });
  });
  it('should count blank rows and a totals row as no data, but one data row as data', () => {
    const s = trainingsThen(
      [],
      [
        [null, '  '],
        ['合计', null, null, null, null, null, null, null, 0],
      ],
    );
    expect(codes(workbook({ trainings: s }))).toEqual(['培训记录!A1 sheet.empty', '培训记录!A3 row.totals']);
    expect(codes(workbook({ trainings: [training(t0)] }))).toEqual([]);
    expect(codes(workbook({ teachers: [t0] }))).toEqual([]);
  });
  it('should say nothing for the optional sheets without rows', () => {
    expect(codes(workbook({ duties: [], milestones: [] }))).toEqual([]);
  });
  it('should not call every training unknown when the roster is empty', () => {
    const r = run(workbook({ teachers: [], trainings: [training(t0), training(t1)] }));
    expect(r.findings.map((f) => f.code)).toEqual(['sheet.empty']);
  });
  it('should tell the clerk what to do, in Chinese and English', () => {
    const zh = run(workbook({ teachers: [] })).findings[0]!.message;
    const en = run(workbook({ teachers: [] }), 'en').findings[0]!.message;
    expect(zh).toMatch(/无法提交.*请在表头下逐行填写/);
    expect(en).toMatch(/nothing to submit.*Enter one row per teacher/);
    expect(run(workbook({ trainings: [] }), 'en').findings[0]!.message).toMatch(/you can still submit/);
  });
});

describe('hours.per_day', () => {
  const withTraining = (over: Row) => workbook({ trainings: [training(t0, over)] });
  it('should accept 8 学时 a day and warn at 8.5, on the 学时 cell', () => {
    expect(codes(withTraining({ startDate: '2026-03-01', endDate: '2026-03-01', hours: 8 }))).toEqual([]);
    const { r, f } = only(
      withTraining({ startDate: '2026-03-01', endDate: '2026-03-01', hours: 8.5 }),
      'hours.per_day',
    );
    expect(f).toMatchObject({
      severity: 'warning',
      sheet: '培训记录',
      cell: 'I2',
      row: 2,
      column: 'hours',
      value: 8.5,
    });
    expect(r.ok).toBe(true);
    // A warning: the training still counts.
    expect(r.records.trainings).toHaveLength(1);
  });
  it('should count both the start and the end date', () => {
    expect(codes(withTraining({ startDate: '2026-03-01', endDate: '2026-03-03', hours: 24 }))).toEqual([]);
    expect(
      only(withTraining({ startDate: '2026-03-01', endDate: '2026-03-03', hours: 24.5 }), 'hours.per_day').f.message,
    ).toContain('共 3 天');
    expect(codes(withTraining({ startDate: '2026-02-27', endDate: '2026-03-02', hours: 32 }))).toEqual([]);
  });
  it('should check nothing when a date or the hours have their own error, or the dates are reversed', () => {
    expect(codes(withTraining({ startDate: '2026-03-02', endDate: '2026-03-01', hours: 100 }))).toEqual([
      '培训记录!H2 date.order',
    ]);
    expect(codes(withTraining({ startDate: 'x', hours: 100 }))).toEqual(['培训记录!G2 date.invalid']);
    expect(codes(withTraining({ hours: 301 }))).toEqual(['培训记录!I2 number.range']);
  });
  it('should name the dates, the days and the most hours they allow', () => {
    const over = { startDate: '2026-03-01', endDate: '2026-03-02', hours: '20学时' };
    const zh = only(withTraining(over), 'hours.per_day').f.message;
    expect(zh).toContain('2026-03-01 至 2026-03-02 共 2 天');
    expect(zh).toContain('最多 16 学时');
    const en = run(withTraining(over), 'en').findings.find((f) => f.code === 'hours.per_day')!.message;
    expect(en).toMatch(/^The hours \(20\) are more than 2 days of training .* at most 16\. Check/);
  });
});

describe('项目编号 (catalogueCode)', () => {
  it('should carry the code into the training records, trimmed and half-width', () => {
    const r = run(
      workbook({
        trainings: [training(t0, { catalogueCode: ' ＪＳ２０２６－０１５ ' }), training(t0, { course: '其他培训' })],
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.records.trainings.map((t) => t.catalogueCode)).toEqual(['JS2026-015', null]);
    expect(r.sheets.find((s) => s.key === 'trainings')!.columns.catalogueCode).toBe(11);
  });
  it.each(['项目编号', '培训项目编号', '项目代码'])('should recognise the header %s', (header) => {
    const s = table('trainings', [training(t0, { catalogueCode: 'A-1' })]);
    s.rows[0]![11] = header;
    const r = run(workbook({ trainings: s }));
    expect(r.findings).toEqual([]);
    expect(r.records.trainings[0]!.catalogueCode).toBe('A-1');
  });
  it('should not take 项目名称 (an alias of 培训项目) for the code', () => {
    const s = table('trainings', [training(t0)]);
    s.rows[0]![2] = '项目名称';
    const r = run(workbook({ trainings: s }));
    expect(r.records.trainings[0]).toMatchObject({ course: '师德师风专题培训', catalogueCode: null });
  });
  it('should leave a workbook without the column as it was', () => {
    const s = table('trainings', [training(t0)]);
    for (const row of s.rows) row.length = 11;
    const r = run(workbook({ trainings: s }));
    expect(r.findings).toEqual([]);
    expect(r.records.trainings[0]!.catalogueCode).toBeNull();
  });
});

describe('invisible characters in cells', () => {
  it('should remove them from names, IDs and courses as fix.trim, so the rows match across sheets', () => {
    const id = t0.idNumber as string;
    const r = run(
      workbook({
        teachers: [teacher(0, { name: '张\u200b伟', note: '\u202e备注\u202c' })],
        trainings: [
          training(t0, { idNumber: `${id.slice(0, 6)}\u200d${id.slice(6)}`, course: '师德\u2066师风专题培训' }),
        ],
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.fixes.map((f) => [f.sheet, f.cell, f.code, f.to])).toEqual([
      ['教师名册', 'A2', 'fix.trim', '张伟'],
      ['教师名册', 'Q2', 'fix.trim', '备注'],
      ['培训记录', 'A2', 'fix.trim', id],
      ['培训记录', 'C2', 'fix.trim', '师德师风专题培训'],
    ]);
    expect(r.records.teachers[0]).toMatchObject({ name: '张伟', note: '备注' });
    expect(r.records.trainings[0]).toMatchObject({ idNumber: id, course: '师德师风专题培训' });
  });
  it('should treat a required cell of invisible characters only as empty', () => {
    expect(only(workbook({ teachers: [teacher(0, { stage: '\u200b\u200c' })] }), 'required').f).toMatchObject({
      cell: 'F2',
    });
  });
  it('should match a header with a zero-width space in it', () => {
    const s = table('teachers', [t0]);
    s.rows[0]![0] = '姓\u200b名';
    expect(codes(workbook({ teachers: s }))).toEqual([]);
  });
});

describe('units in number cells', () => {
  const hours = (h: CellValue) => workbook({ trainings: [training(t0, { hours: h })] });
  it.each(['6学时', '6 小时', '6课时', '6h'])('should strip %s from 学时 as fix.unit', (h) => {
    const r = run(hours(h));
    expect(r.findings).toEqual([]);
    expect(r.fixes.map((f) => f.code)).toEqual(['fix.unit']);
    expect(r.records.trainings[0]!.hours).toBe(6);
  });
  it.each(['1天', '90分钟', '1万元'])('should refuse %s in 学时 as number.invalid, saying to convert', (h) => {
    const { f } = only(hours(h), 'number.invalid');
    expect(f).toMatchObject({ cell: 'I2', value: h });
    expect(f.message).toContain('换算');
  });
  it('should strip 元 from money but not 学时, and 节 or 次 from counts', () => {
    const r = run(
      workbook({
        school: school({ publicBudget: '1,000,000元' }),
        duties: [duty(t0, { observedLessons: '60节', lectures: '2次' })],
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.records.school!.publicBudget).toBe(1000000);
    expect(r.records.duties[0]).toMatchObject({ observedLessons: 60, lectures: 2 });
    expect(only(workbook({ school: school({ trainingFunds: '60000学时' }) }), 'number.invalid').f).toMatchObject({
      sheet: '学校概况',
      cell: 'B6',
    });
    expect(only(workbook({ school: school({ trainingFunds: '6万元' }) }), 'number.invalid').f.message).toContain(
      '换算',
    );
  });
});

describe('number bounds (issue 12)', () => {
  it('should refuse a budget of 1e308 as number.range and make no school record', () => {
    const { r, f } = only(workbook({ school: school({ publicBudget: 1e308 }) }), 'number.range');
    expect(f).toMatchObject({ severity: 'error', sheet: '学校概况', cell: 'B5', column: 'publicBudget' });
    expect(f.message).toContain('不超过 1,000,000,000');
    expect(r.records.school).toBeNull();
    expect(run(workbook({ school: school({ publicBudget: 1e308 }) }), 'en').findings[0]!.message).toContain(
      'at most 1,000,000,000',
    );
  });
  it('should accept money up to the maximum and refuse one 元 more', () => {
    expect(codes(workbook({ school: school({ publicBudget: MONEY_MAX, trainingFunds: MONEY_MAX }) }))).toEqual([]);
    expect(codes(workbook({ school: school({ trainingFunds: MONEY_MAX + 1 }) }))).toEqual(['学校概况!B6 number.range']);
    expect(codes(workbook({ school: school({ trainingFunds: '9'.repeat(400) }) }))).toEqual([
      '学校概况!B6 number.range',
    ]);
  });
  it('should bound lesson counts at 1,000 and the other duties at 100 a semester', () => {
    expect(
      codes(
        workbook({
          duties: [
            duty(t0, {
              demoLessonsHome: LESSONS_MAX,
              observedLessons: LESSONS_MAX,
              groupPreps: DUTIES_MAX,
              lectures: DUTIES_MAX,
              smallProjects: DUTIES_MAX,
            }),
          ],
        }),
      ),
    ).toEqual([]);
    const r = run(
      workbook({
        duties: [
          duty(t0, {
            demoLessonsHome: LESSONS_MAX + 1,
            observedLessons: 1e308,
            groupPreps: DUTIES_MAX + 1,
            lectures: 1e20,
            smallProjects: DUTIES_MAX + 1,
          }),
        ],
      }),
    );
    expect(r.findings.map((f) => `${f.cell} ${f.code}`)).toEqual([
      'D2 number.range',
      'F2 number.range',
      'G2 number.range',
      'H2 number.range',
      'J2 number.range',
    ]);
    expect(r.records.duties).toEqual([]);
  });
});

describe('the workbook date system', () => {
  // 2026-03-01 is serial 46082 from 1900 and 44620 from 1904.
  const serials = (date1904: boolean | undefined): WorkbookGrid => {
    const g = workbook({
      trainings: [training(t0, { startDate: date1904 ? 44620 : 46082, endDate: date1904 ? 44621 : 46083 })],
    });
    return date1904 === undefined ? g : { ...g, date1904 };
  };
  it('should read serials from 1904 when the grid says so, and from 1900 otherwise', () => {
    expect(run(serials(true)).records.trainings[0]).toMatchObject({ startDate: '2026-03-01', endDate: '2026-03-02' });
    expect(run(serials(false)).records.trainings[0]).toMatchObject({ startDate: '2026-03-01', endDate: '2026-03-02' });
    expect(run(serials(undefined)).records.trainings[0]).toMatchObject({ startDate: '2026-03-01' });
    // 1904 serials read as 1900 ones are four years and a day early.
    const wrong = workbook({ trainings: [training(t0, { startDate: 44620, endDate: 44621 })] });
    expect(run(wrong).records.trainings[0]).toMatchObject({ startDate: '2022-02-28' });
  });
  it('should keep the flag through the submission payload', () => {
    const encoded = JSON.parse(JSON.stringify(encodeWorkbook(serials(true))));
    expect(encoded.date1904).toBe(true);
    expect(encodedWorkbookSchema.parse(encoded).date1904).toBe(true);
    expect(run(decodeWorkbook(encoded)).records.trainings[0]!.startDate).toBe('2026-03-01');
    expect('date1904' in encodeWorkbook(serials(false))).toBe(false);
    expect(encodedWorkbookSchema.safeParse({ ...encoded, date1904: 'yes' }).success).toBe(false);
  });
});

describe('学期 in 骨干履职', () => {
  const term = (semester: CellValue) => workbook({ duties: [duty(t0, { semester })] });
  it('should normalize a listed shape and report date.invalid for an unlisted one', () => {
    const r = run(term('2026-2027学年第1学期'));
    expect(r.findings).toEqual([]);
    expect(r.fixes).toMatchObject([{ cell: 'C2', code: 'fix.normalize', to: '2026-2027-1' }]);
    const { f } = only(term('2026-2027学年上学期'), 'date.invalid');
    expect(f).toMatchObject({ sheet: '骨干履职', cell: 'C2' });
    expect(f.message).toContain('2026-2027-1');
  });
  it('should accept a term starting in the submission year and refuse the next one with date.range', () => {
    expect(codes(term(`${YEAR}年秋季`))).toEqual([]);
    expect(codes(term(`${YEAR}年春季`))).toEqual([]);
    expect(codes(term(`${YEAR + 1}年春季`))).toEqual(['骨干履职!C2 date.range']);
    expect(codes(term(`${YEAR}-${YEAR + 1}学年第二学期`))).toEqual(['骨干履职!C2 date.range']);
  });
  it('should find the same term written two ways as a duplicate', () => {
    expect(codes(workbook({ duties: [duty(t0), duty(t0, { semester: `${YEAR}秋` })] }))).toEqual([
      '骨干履职!A3 duplicate.duty',
    ]);
  });
});

describe('sheet.empty beside a missing header row', () => {
  it('should report only header.missing when no header row is found', () => {
    const r = run(workbook({ trainings: sheet('培训记录', [['随便写的']]) }));
    expect(r.findings.every((f) => f.code === 'header.missing')).toBe(true);
  });
});
