/**
 * The 达标情况 sheet's teacher table, and a school's teachers as the bureau lists them: a clerk sorts
 * by 截止日期 to see who must still train, and by when.
 */
import { describe, expect, it } from 'vitest';
import { complianceSheetSpec } from '../../addin/excel/compliance-sheet.js';
import { schoolTeachersSpec } from '../../addin/excel/district-sheet.js';
import { MESSAGES } from '../../addin/ui/messages.js';
import type { TeacherRow } from '../../shared/api/responses.js';
import { DEFAULT_POLICY, evaluateCompliance } from '../../shared/policy/index.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { generateSchool } from '../fixtures/generate-school.js';

const YEAR = 2025;
const t = MESSAGES.zh;

function midYearReport() {
  const result = validateWorkbook(generateSchool({ seed: 7, teachers: 40, year: YEAR }), { year: YEAR });
  return evaluateCompliance(result.records, DEFAULT_POLICY, { year: YEAR, asOf: `${YEAR}-06-30`, lang: 'zh' });
}

describe('the 达标情况 sheet', () => {
  it('should give each teacher the earliest deadline of the rules still open, and none to the others', () => {
    const report = midYearReport();
    const spec = complianceSheetSpec(report, '实验小学', t);
    expect(spec.header).toEqual(['行', '姓名', '身份证号', '状态', '截止日期', '未达标的要求']);
    expect(spec.widths).toHaveLength(spec.header.length);
    const column = spec.header.indexOf('截止日期');
    const open = report.teachers.filter((x) => x.rules.some((r) => r.status === 'warn'));
    expect(open.length).toBeGreaterThan(0);
    report.teachers.forEach((teacher, i) => {
      const deadlines = teacher.rules.flatMap((r) => (r.deadline === undefined ? [] : [r.deadline])).sort();
      expect(spec.rows[i]![column]).toBe(deadlines[0] ?? '');
      if (teacher.rules.every((r) => r.status !== 'warn')) expect(spec.rows[i]![column]).toBe('');
    });
    expect(spec.rows[report.teachers.indexOf(open[0]!)]![column]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('should show the same columns for a school’s teachers pulled from the bureau', () => {
    const base = {
      schoolCode: 'S1',
      schoolName: '实验小学',
      rural: false,
      gender: '女',
      stage: '小学',
      subject: '语文',
      title: '一级教师',
      post: '教师',
      backbone: '无',
      backboneLevel: null,
      studioRole: '无',
      unmetRules: [],
      hours: 40,
      stale: false,
    } satisfies Partial<TeacherRow>;
    const rows: TeacherRow[] = [
      {
        ...base,
        row: 2,
        idMasked: '320106********7882',
        name: '王芳',
        status: 'warn',
        rules: [
          { rule: 'ethics_training', status: 'warn', actual: 0, required: 1, message: '甲', deadline: '2025-12-31' },
          { rule: 'cycle_hours', status: 'warn', actual: 10, required: 360, message: '乙', deadline: '2025-09-30' },
        ],
      },
      {
        ...base,
        row: 3,
        idMasked: '320106********1234',
        name: '李明',
        status: 'fail',
        rules: [{ rule: 'ethics_training', status: 'fail', actual: 0, required: 1, message: '丙' }],
      },
    ];
    const spec = schoolTeachersSpec('实验小学', rows, t);
    expect(spec.header).toEqual(complianceSheetSpec(midYearReport(), '实验小学', t).header);
    expect(spec.rows).toEqual([
      [2, '王芳', '320106********7882', '进行中', '2025-09-30', '甲；乙'],
      [3, '李明', '320106********1234', '未达标', '', '丙'],
    ]);
  });
});
