import { describe, expect, it } from 'vitest';
import type { CellValue, WorkbookGrid } from '../../shared/grid.js';
import { readCatalogue } from '../../shared/recognition/index.js';
import { idFor } from '../fixtures/grid-builder.js';

const YEAR = 2026;
const HEADER = [
  '项目编号',
  '培训项目',
  '培训级别',
  '培训类别',
  '培训形式',
  '开始日期',
  '结束日期',
  '认定学时',
  '主办单位',
];
const row = (code: string, over: Partial<Record<string, CellValue>> = {}): CellValue[] => {
  const v: Record<string, CellValue> = {
    code,
    course: '新教师入岗培训',
    level: '区级',
    category: '新教师入岗',
    form: '集中面授',
    start: '2026-03-01',
    end: '2026-03-31',
    hours: 24,
    organizer: '区教师发展中心',
    ...over,
  };
  return [v.code!, v.course!, v.level!, v.category!, v.form!, v.start!, v.end!, v.hours!, v.organizer!];
};

function workbook(entries: CellValue[][], attendees?: CellValue[][]): WorkbookGrid {
  return {
    sheets: [
      { name: '培训项目目录', rows: [['梁溪区2026年度区级培训项目目录'], HEADER, ...entries] },
      ...(attendees ? [{ name: '参训名单', rows: [['项目编号', '身份证号码', '姓名'], ...attendees] }] : []),
    ],
  };
}

/** The same ID with another check character. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

describe('readCatalogue', () => {
  it("should read entries below a title row with the template's fixes and aliases", () => {
    const r = readCatalogue(workbook([row(' LX-001 ', { level: '县级', hours: '２４学时', start: '2026/3/1' })]), {
      year: YEAR,
    });
    expect(r.ok).toBe(true);
    expect(r.entries).toEqual([
      {
        row: 3,
        code: 'LX-001',
        course: '新教师入岗培训',
        level: '区级',
        category: '新教师入岗',
        form: '集中面授',
        startDate: '2026-03-01',
        endDate: '2026-03-31',
        hours: 24,
        organizer: '区教师发展中心',
      },
    ]);
    expect(r.fixes.map((f) => [f.cell, f.code])).toEqual([
      ['A3', 'fix.trim'],
      ['C3', 'fix.normalize'],
      ['F3', 'fix.normalize'],
      ['H3', 'fix.fullwidth'],
      ['H3', 'fix.unit'],
    ]);
    expect(r.hasAttendeeSheet).toBe(false);
  });

  it('should report findings at their cells: 校级, bad hours, reversed dates, a year outside the catalogue, a repeated code', () => {
    const r = readCatalogue(
      workbook([
        row('A1', { level: '校级' }),
        row('A2', { hours: 0.3 }),
        row('A3', { start: '2026-05-01', end: '2026-04-01' }),
        row('A4', { start: '2025-12-01', end: '2025-12-05' }),
        row('A5'),
        row('a5'),
      ]),
      { year: YEAR },
    );
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ['enum.invalid', 'C3'],
      ['number.range', 'H4'],
      ['date.order', 'G5'],
      ['date.range', 'G6'],
      ['duplicate.entry', 'A8'],
    ]);
    expect(r.findings.find((f) => f.code === 'date.range')!.message).toContain('2026 年度的培训项目目录');
    expect(r.findings.find((f) => f.code === 'duplicate.entry')!.message).toContain('第 7 行');
    expect(r.entries.map((e) => e.code)).toEqual(['A5']);
  });

  it("should read the attendee list against the catalogue's codes", () => {
    const r = readCatalogue(
      workbook(
        [row('LX-001')],
        [
          ['lx-001', idFor(1), '张伟'],
          ['LX-001', idFor(1), '张伟'],
          ['LX-404', idFor(2), '王芳'],
          ['LX-001', wrongCheck(idFor(3)), '李娜'],
        ],
      ),
      { year: YEAR },
    );
    expect(r.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['duplicate.attendee', '参训名单', 'B3'],
      ['catalogue.unknown_code', '参训名单', 'A4'],
      ['id_number.checksum', '参训名单', 'B5'],
    ]);
    expect(r.attendees).toEqual([{ row: 2, code: 'LX-001', idNumber: idFor(1), name: '张伟' }]);
    expect(r.hasAttendeeSheet).toBe(true);
    expect(r.counts).toMatchObject({ entries: 1, attendees: 4, errors: 2, warnings: 1 });
  });

  it('should require the 培训项目目录 sheet and ignore others', () => {
    const r = readCatalogue({ sheets: [{ name: 'Sheet1', rows: [['x']] }] }, { year: YEAR, lang: 'en' });
    expect(r.findings.map((f) => f.code)).toEqual(['sheet.missing', 'sheet.extra']);
    expect(r.findings[1]!.message).toContain("catalogue's sheets");
  });
});
