/**
 * The exports as a reviewer opens them in Excel: read back with exceljs, the header is styled and
 * frozen, columns are sized to their Chinese content, rates are percentages and times are Beijing's.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BureauSummary, TeacherRow } from '../../shared/api/responses.js';
import { RECOGNITION_STATUS_LABELS, RULE_TITLES, TEACHER_STATUS_LABELS } from '../../shared/labels/index.js';
import { asPercent, beijingDateTime } from '../../worker/export/cell.js';
import { toCsv } from '../../worker/export/csv.js';
import { exportTable } from '../../worker/export/table.js';
import { toXlsx } from '../../worker/export/xlsx.js';
import { summaryTable } from '../../worker/routes/bureau-exports.js';

async function open(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

const school = (over: Partial<BureauSummary['schools'][number]>): BureauSummary['schools'][number] =>
  ({
    code: '320213001',
    name: '梁溪实验小学',
    type: '小学',
    rural: false,
    status: 'pending',
    submitted: true,
    version: 2,
    submittedAt: '2026-03-01T06:05:00.000Z',
    teachers: 40,
    pass: 30,
    warn: 6,
    fail: 4,
    passRate: 0.75,
    ...over,
  }) as BureauSummary['schools'][number];

const summary = {
  bureau: { id: 'liangxi', name: '梁溪区教育局' },
  year: 2026,
  deadline: '2026-12-31',
  schools: [
    school({}),
    school({
      code: '320213002',
      name: '惠山中学',
      status: 'missing',
      submitted: false,
      version: null,
      submittedAt: null,
      passRate: 0,
    }),
  ],
  totals: {
    submitted: 1,
    missing: 1,
    approved: 0,
    returned: 0,
    teachers: 40,
    pass: 30,
    warn: 6,
    fail: 4,
    passRate: 0.75,
  },
} as unknown as BureauSummary;

describe('the .xlsx export', () => {
  it('should style and freeze the header, size the columns and keep rates as numbers shown as percentages', async () => {
    const sheet = await open(await toXlsx(summaryTable(summary), '2026年汇总'));
    expect(sheet.name).toBe('2026年汇总');
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('学校代码');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0D2A4D' } });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // 学校名称 holds six CJK characters: at least twelve Latin widths, and wider than the 版本 column.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(12);
    expect(sheet.getColumn(2).width!).toBeGreaterThan(sheet.getColumn(6).width!);

    const first = sheet.getRow(2);
    expect(first.getCell(5).value).toBe('待审核');
    expect(first.getCell(7).value).toBe('2026-03-01 14:05');
    expect(first.getCell(12).value).toBe(0.75);
    expect(first.getCell(12).numFmt).toBe('0.0%');
    expect(sheet.getRow(3).getCell(5).value).toBe('未报送');
    expect(sheet.getRow(3).getCell(12).value).toBe(null);
    expect(sheet.getRow(4).getCell(1).value).toBe('合计');
  });

  it('should write the same rates as "75.0%" in the CSV', () => {
    const csv = toCsv(summaryTable(summary));
    expect(csv.split('\r\n')[1]).toContain('"75.0%"');
    expect(csv).toContain('"2026-03-01 14:05"');
    expect(toCsv([[asPercent(0.5)]])).toBe('\uFEFF"50.0%"\r\n');
  });

  it('should name statuses and rules in Chinese and keep the rule ids in their own 代码 column', async () => {
    const row = {
      schoolCode: '320213001',
      schoolName: '梁溪实验小学',
      rural: true,
      row: 3,
      name: '张三',
      idMasked: '320102********1234',
      gender: '女',
      stage: '小学',
      subject: '语文',
      title: '一级教师',
      post: '专任教师',
      backbone: '',
      backboneLevel: null,
      studioRole: '无',
      hours: 24,
      status: 'fail',
      unmetRules: ['annual_district_plus_hours'],
      recognition: { recognized: 2, hours_exceed: 1, not_on_list: 0, unmatched: 3 },
    } as unknown as TeacherRow & { recognition: Record<string, number> };
    const sheet = await open(await toXlsx(exportTable([row], false), '教师'));
    const cells = (sheet.getRow(2).values as unknown[]).slice(1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(cells[15]).toBe(TEACHER_STATUS_LABELS.fail.zh);
    expect(cells[16]).toBe(RULE_TITLES.annual_district_plus_hours.zh);
    // One count column per recognition status, headed with its label, before the codes.
    expect(header.slice(17, 21)).toEqual([
      `${RECOGNITION_STATUS_LABELS.recognized.zh}（条）`,
      `${RECOGNITION_STATUS_LABELS.hours_exceed.zh}（条）`,
      `${RECOGNITION_STATUS_LABELS.not_on_list.zh}（条）`,
      `${RECOGNITION_STATUS_LABELS.unmatched.zh}（条）`,
    ]);
    expect(cells.slice(17, 21)).toEqual([2, 1, 0, 3]);
    expect(header.at(-1)).toBe('未达标规则代码');
    expect(cells.at(-1)).toBe('annual_district_plus_hours');
    expect(cells.slice(0, -1).join(' ')).not.toContain('annual_district_plus_hours');
  });

  it('should turn an instant into Beijing wall-clock time across the date line', () => {
    expect(beijingDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });
});
