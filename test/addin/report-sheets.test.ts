import { describe, expect, it } from 'vitest';
import { capsAt } from '../../addin/excel/caps.js';
import { writeComplianceSheet } from '../../addin/excel/compliance-sheet.js';
import { writeDistrictSheet } from '../../addin/excel/district-sheet.js';
import { MESSAGES } from '../../addin/ui/messages.js';
import type { BureauSummary } from '../../shared/api/responses.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import { fakeExcel } from './fake-excel.js';

const t = MESSAGES.zh;
const summary = { teachers: 2, pass: 1, warn: 0, fail: 1, passRate: 0.5 };

const report: ComplianceReport = {
  policy: { id: 'default', year: 2026 },
  asOf: '2026-12-31',
  historyIncluded: false,
  sources: [{ year: 2026, schoolCode: '3201020001', schoolName: '实验小学', self: true }],
  teachers: [
    {
      row: 2,
      idMasked: '320102********1234',
      name: '张三',
      status: 'pass',
      rules: [{ rule: 'ethics_training', status: 'pass', actual: 1, required: 1, message: '师德师风培训已完成' }],
    },
    {
      row: 3,
      idMasked: '320102********5678',
      name: '李四',
      status: 'fail',
      rules: [
        {
          rule: 'annual_district_plus_hours',
          status: 'fail',
          actual: 20,
          required: 36,
          message: '区级及以上培训 20 学时，少于 36 学时',
        },
        { rule: 'ethics_training', status: 'fail', actual: 0, required: 1, message: '缺少师德师风培训' },
      ],
    },
    { row: 4, idMasked: '320102********0000', name: '王五', status: 'invalid', rules: [] },
  ],
  school: {
    status: 'pass',
    rules: [{ rule: 'training_funds_share', status: 'pass', actual: 0.06, required: 0.05, message: '经费占比 6%' }],
    summary,
  },
};

describe('writeComplianceSheet', () => {
  it('should write the summary on top and one row per teacher with the unmet rules in words, coloured by status', async () => {
    const fake = fakeExcel([{ name: '达标情况', rows: [['旧内容']] }]);
    const out = await writeComplianceSheet(fake.context, report, '实验小学', t, capsAt('current'));
    expect(fake.syncs()).toBe(2);
    expect(fake.written('达标情况', 'A1')[0].values).toEqual([
      ['实验小学 2026 年教师培训达标情况（统计截至 2026-12-31）'],
    ]);
    const summaryRows = fake.ranges.find((r) => r.sheet === '达标情况' && r.address.startsWith('A2:'))!.mock
      .values as string[][];
    expect(summaryRows[0]![0]).toBe('教师 2 人：达标 1，进行中 0，未达标 1；达标率 50.0%');
    expect(summaryRows.some((r) => r[0] === '另有 1 人数据有误，未参与计算')).toBe(true);
    expect(out.table).toBe('A6:F9');
    const body = fake.written('达标情况', 'A7:F9')[0].values as (string | number)[][];
    // 截止日期 stays empty: no rule of these teachers is still open (warn).
    expect(body).toEqual([
      [2, '张三', '320102********1234', '达标', '', ''],
      [3, '李四', '320102********5678', '未达标', '', '区级及以上培训 20 学时，少于 36 学时；缺少师德师风培训'],
      [4, '王五', '320102********0000', '数据有误', '', ''],
    ]);
    expect(fake.formats.map((f) => f.custom.rule.formula)).toEqual([
      '=$D7="达标"',
      '=$D7="进行中"',
      '=$D7="未达标"',
      '=$D7="数据有误"',
    ]);
  });
});

describe('writeDistrictSheet', () => {
  it('should list the schools, worst pass rate first and missing ones last, with a chart of the submitted schools’ pass rates', async () => {
    const fake = fakeExcel([]);
    const row = (code: string, name: string, passRate: number, submitted = true) => ({
      code,
      name,
      type: '小学',
      rural: false,
      submitted,
      submissionId: submitted ? 's' : null,
      version: submitted ? 1 : null,
      status: submitted ? ('pending' as const) : ('missing' as const),
      submittedAt: null,
      teachers: 10,
      pass: passRate * 10,
      warn: 0,
      fail: 10 - passRate * 10,
      passRate,
      schoolStatus: null,
      stale: false,
    });
    const bureau = {
      bureau: { id: 'b', name: '示范区教育局' },
      year: 2026,
      deadline: '2026-12-31',
      daysLeft: 30,
      schools: [row('A', '甲校', 0.9), row('B', '乙校', 0.5), row('C', '丙校', 0, false)],
      totals: {
        schools: 3,
        submitted: 2,
        teachers: 20,
        pass: 14,
        warn: 0,
        fail: 6,
        passRate: 0.7,
        missing: 1,
        approved: 0,
        returned: 0,
      },
      byRule: [],
      backbone: [],
      studio: [],
      rural: { rural: {} as never, urban: {} as never },
      recomputing: 0,
    } as BureauSummary;
    await writeDistrictSheet(fake.context, bureau, t, capsAt('current'));
    const body = fake.written('全区汇总', 'A5:I7')[0].values as (string | number)[][];
    expect(body.map((r) => [r[0], r[1], r[6]])).toEqual([
      ['乙校', 0.5, '待审核'],
      ['甲校', 0.9, '待审核'],
      ['丙校', 0, '未提交'],
    ]);
    expect(fake.charts).toEqual([
      expect.objectContaining({
        sheet: '全区汇总',
        type: 'ColumnClustered',
        source: '全区汇总!A4:B6',
        title: { text: '各校达标率' },
      }),
    ]);
  });
});
