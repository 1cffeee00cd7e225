import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../shared/validate/index.js';
import { duty, milestone, school, sheet, table, teacher, training, workbook, YEAR } from '../fixtures/grid-builder.js';

const run = (g: Parameters<typeof validateWorkbook>[0]) => validateWorkbook(g, { year: YEAR });
const t0 = teacher(0);

describe('validateWorkbook: 骨干履职 and 青年教师考核', () => {
  it('should normalize the accepted term forms with fix.normalize', () => {
    const r = run(
      workbook({ duties: [duty(t0, { semester: '2026年秋季' }), duty(t0, { semester: '2025-2026学年第二学期' })] }),
    );
    expect(r.findings).toEqual([]);
    expect(r.records.duties.map((d) => d.semester)).toEqual(['2026-2027-1', '2025-2026-2']);
    expect(r.fixes.map((f) => [f.cell, f.code, f.to])).toEqual([
      ['C2', 'fix.normalize', '2026-2027-1'],
      ['C3', 'fix.normalize', '2025-2026-2'],
    ]);
  });
  it('should report a malformed term as date.invalid naming the accepted forms', () => {
    const r = run(workbook({ duties: [duty(t0, { semester: '2026下学期' })] }));
    expect(r.findings).toMatchObject([{ code: 'date.invalid', sheet: '骨干履职', cell: 'C2', column: 'semester' }]);
    expect(r.findings[0]!.message).toContain('2026-2027-1');
  });
  it('should read counts with units and refuse fractions', () => {
    const r = run(workbook({ duties: [duty(t0, { observedLessons: '60节', groupPreps: 2.5 })] }));
    expect(r.findings).toMatchObject([{ code: 'number.range', cell: 'G2' }]);
    expect(r.fixes).toMatchObject([{ code: 'fix.unit', cell: 'F2', to: 60 }]);
  });
  it('should check milestone names, results and dates', () => {
    const r = run(
      workbook({ milestones: [milestone(t0, { milestone: '课堂过关', result: '合格', date: '2026-06-31' })] }),
    );
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ['enum.invalid', 'C2'],
      ['enum.invalid', 'D2'],
      ['date.invalid', 'E2'],
    ]);
    expect(r.records.milestones).toEqual([]);
  });
  it('should accept a sheet under its alias and keep the alias as the sheet name', () => {
    const s = table('milestones', [milestone(t0)]);
    s.name = '三达标考核';
    const r = run(workbook({ milestones: s, trainings: [training(t0, { hours: 'x' })] }));
    expect(r.sheets.map((d) => [d.key, d.name])).toEqual([
      ['school', '学校概况'],
      ['teachers', '教师名册'],
      ['trainings', '培训记录'],
      ['milestones', '三达标考核'],
    ]);
    expect(r.records.milestones).toHaveLength(1);
  });
});

describe('validateWorkbook: 学校概况', () => {
  it('should report key/value cells in column B', () => {
    const r = run(workbook({ school: school({ rural: '也许', schoolType: '小学校', planSubmittedOn: '九月' }) }));
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ['enum.invalid', 'B3'],
      ['enum.invalid', 'B4'],
      ['date.invalid', 'B7'],
    ]);
    expect(r.findings[0]!.message).toContain('“小学”');
    expect(r.records.school).toBeNull();
  });
  it('should read a key/value sheet with a title and decorated field names', () => {
    const s = sheet('学校信息', [
      ['XX学校基本情况表'],
      ['项目', '内容'],
      ['学校代码（必填）', '3201020001'],
      ['学校名称', '某校'],
      ['学校类型', '初中'],
      ['是否农村学校', 'N'],
      ['年度公用经费预算（元）', '200万'],
      ['教师培训经费(元)', 12000],
    ]);
    const r = run(workbook({ school: s }));
    expect(r.findings).toMatchObject([{ code: 'number.invalid', cell: 'B7', column: 'publicBudget', value: '200万' }]);
    expect(r.fixes).toMatchObject([{ code: 'fix.normalize', cell: 'B6', from: 'N', to: '否' }]);
  });
});

describe('validateWorkbook: header row search', () => {
  it('should look for the header row in the first 10 rows only', () => {
    const s = table('teachers', [t0]);
    s.rows.unshift(...Array.from({ length: 10 }, () => ['说明']));
    const r = run(workbook({ teachers: s }));
    expect(r.findings.every((f) => f.code === 'header.missing' && f.cell === null)).toBe(true);
    expect(r.sheets.find((d) => d.key === 'teachers')!.headerRow).toBeNull();
  });
  it('should take the first row with at least half of the required headers', () => {
    const s = table('teachers', [t0]);
    // 教师名册 has 9 required headers: 4 is less than half, 5 is enough.
    s.rows.unshift(['姓名', '身份证号', '性别', '任教学段'], ['姓名', '身份证号', '性别', '任教学段', '任教学科']);
    const r = run(workbook({ teachers: s }));
    expect(r.sheets.find((d) => d.key === 'teachers')!.headerRow).toBe(2);
    expect(r.ok).toBe(false);
  });
});
