import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../addin/excel/apply-fixes.js';
import { capsAt, NO_CAPS } from '../../addin/excel/caps.js';
import { createTemplate } from '../../addin/excel/create-template.js';
import { clearMarks, markFindings } from '../../addin/excel/mark-findings.js';
import { NOTE_PREFIX, readWorkbook } from '../../addin/excel/read-workbook.js';
import type { Finding, Fix } from '../../shared/contract/codes.js';
import { isCellError } from '../../shared/grid.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant } from '../fixtures/plant.js';
import { type FakeSheet, type FakeValue, fakeExcel } from './fake-excel.js';

const NOTES = capsAt('current');
const HEADER = [
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '联系电话',
  '任教学段',
  '任教学科',
  '职称',
  '最高学历',
  '参加工作时间',
  '岗位',
  '任现职时间',
  '骨干称号',
  '称号级别',
  '工作室角色',
  '是否转岗教师',
  '备注',
];

function roster(rows: number): FakeValue[][] {
  const out: FakeValue[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    out.push([
      `教师${i}`,
      `32010219800101${String(i % 10_000).padStart(4, '0')}`,
      '男',
      '1980-01',
      '13800000000',
      '小学',
      '数学',
      '一级教师',
      '本科',
      '2002-09',
      '专任教师',
      '',
      '无',
      '',
      '无',
      '否',
      '',
    ]);
  }
  return out;
}

function finding(sheet: string, cell: string, severity: Finding['severity'] = 'error', message = '问题'): Finding {
  return {
    severity,
    code: 'required',
    sheet,
    cell,
    row: Number(cell.replace(/\D/g, '')),
    column: null,
    value: null,
    message,
  };
}

describe('readWorkbook', () => {
  it('should read values at their sheet positions, keeping error values and number cells apart, and skip only very hidden sheets', async () => {
    const fake = fakeExcel([
      {
        name: '学校概况',
        rows: [
          ['学校代码', 'S001'],
          ['学校名称', '实验小学'],
        ],
      },
      {
        name: '教师名册',
        rows: [[], [], ['', '姓名', '身份证号'], ['', '张三', 320102198001011234], ['', { error: '#N/A' }, '']],
      },
      { name: '_lists', rows: [['男']], visibility: 'VeryHidden' },
      { name: '备用', rows: [['clerk hid this']], visibility: 'Hidden' },
    ]);
    const read = await readWorkbook(fake.context, { caps: NO_CAPS });
    expect(read.grid.sheets.map((s) => s.name)).toEqual(['学校概况', '教师名册', '备用']);
    const teachers = read.grid.sheets[1]!;
    expect(teachers.rows[2]).toEqual([null, '姓名', '身份证号']);
    expect(teachers.rows[3]).toEqual([null, '张三', 320102198001011234]);
    expect(teachers.rows[4]).toEqual([null, { error: '#N/A' }]);
    expect(teachers.rows[0]).toEqual([]);
    expect(read.syncs).toBe(3);
    expect(fake.syncs()).toBe(3);
  });

  it('should read a 10,000-row, 17-column roster in blocks of at most 5,000 rows with 4 syncs', async () => {
    const fake = fakeExcel([
      { name: '教师名册', rows: roster(10_000) },
      {
        name: '培训记录',
        rows: [
          ['身份证号', '姓名'],
          ['x', 'y'],
        ],
      },
    ]);
    const progress: number[] = [];
    const read = await readWorkbook(fake.context, {
      caps: NOTES,
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(read.grid.sheets[0]!.rows).toHaveLength(10_001);
    expect(read.grid.sheets[0]!.rows[10_000]![0]).toBe('教师9999');
    const blocks = fake.ranges.filter((r) => r.sheet === '教师名册');
    expect(blocks.map((b) => b.address)).toEqual(['A1:Q5000', 'A5001:Q10000', 'A10001:Q10001']);
    expect(read.syncs).toBe(4);
    expect(progress.at(-1)).toBe(1);
  });

  it('should find the clerk’s notes and its own earlier notes', async () => {
    const fake = fakeExcel([{ name: '教师名册', rows: roster(3) }], {
      notes: [
        { sheet: '教师名册', cell: 'B2', content: '家长提供' },
        { sheet: '教师名册', cell: 'C3', content: `${NOTE_PREFIX}旧的问题` },
      ],
    });
    const read = await readWorkbook(fake.context, { caps: NOTES });
    expect([...read.annotated]).toEqual(['教师名册!B2']);
    expect(read.ownAnnotations).toHaveLength(1);
  });
});

describe('markFindings', () => {
  it('should flag errors and warnings on a hidden grid that drives two conditional formats, in one sync', async () => {
    const fake = fakeExcel([{ name: '教师名册', rows: roster(5) }], {
      notes: [{ sheet: '教师名册', cell: 'B3', content: '原有批注' }],
    });
    const read = await readWorkbook(fake.context, { caps: NOTES });
    const before = fake.syncs();
    const result = await markFindings(
      fake.context,
      read,
      [
        finding('教师名册', 'B3', 'error', '校验码错误'),
        finding('教师名册', 'E4', 'warning', '手机号'),
        finding('教师名册', 'B3', 'warning', '另一个'),
        { ...finding('Sheet3', 'A1'), severity: 'info' },
      ],
      NOTES,
    );
    expect(fake.syncs() - before).toBe(1);
    expect(result.marked).toBe(2);
    const hidden = fake.sheet('_marks1')!;
    expect(hidden.visibility).toBe('VeryHidden');
    const flags = fake.written('_marks1', 'A1:E4')[0].values as unknown[][];
    expect(flags[2]![1]).toBe(1);
    expect(flags[3]![4]).toBe(2);
    expect(flags[0]![0]).toBe('');
    const formats = fake.formats.filter((f) => !f.deleted);
    expect(formats.map((f) => [f.range, f.custom.rule.formula, f.custom.format.fill.color])).toEqual([
      ['A1:E4', "='_marks1'!A1=1", '#FFC7CE'],
      ['A1:E4', "='_marks1'!A1=2", '#FFEB9C'],
    ]);
    expect(result.registry.sheets[0]!.formatIds).toEqual(formats.map((f) => f.id));
    // B3 has the clerk's note: only E4 gets one of ours.
    expect(fake.notes.filter((n) => n.content.startsWith(NOTE_PREFIX)).map((n) => [n.cell, n.content])).toEqual([
      ['E4', `${NOTE_PREFIX}手机号`],
    ]);
    expect(fake.suspended.screen).toBeGreaterThan(0);
    expect(fake.suspended.calc).toBeGreaterThan(0);
  });

  it('should validate a 10,000-row roster with every row marked in 5 syncs', async () => {
    const fake = fakeExcel([{ name: '教师名册', rows: roster(10_000) }]);
    const read = await readWorkbook(fake.context, { caps: NOTES });
    const findings = Array.from({ length: 10_000 }, (_, i) => finding('教师名册', `B${i + 2}`));
    const result = await markFindings(fake.context, read, findings, NOTES);
    expect(read.syncs + result.syncs).toBe(5);
    expect(fake.syncs()).toBe(5);
    expect(result.annotated).toBe(300);
    expect(fake.formats).toHaveLength(2);
  });

  it('should replace the marks of an earlier validation within the same single sync', async () => {
    const fake = fakeExcel([{ name: '教师名册', rows: roster(5) }]);
    const first = await markFindings(
      fake.context,
      await readWorkbook(fake.context, { caps: NOTES }),
      [finding('教师名册', 'A2')],
      NOTES,
    );
    const read = await readWorkbook(fake.context, { caps: NOTES, marks: first.registry });
    const before = fake.syncs();
    await markFindings(fake.context, read, [finding('教师名册', 'C4')], NOTES);
    expect(fake.syncs() - before).toBe(1);
    expect(fake.formats.filter((f) => !f.deleted).map((f) => f.range)).toEqual(['A1:C4', 'A1:C4']);
    expect(fake.notes.filter((n) => !n.deleted).map((n) => n.cell)).toEqual(['C4']);
    expect(fake.sheets.filter((s) => s.name.startsWith('_marks')).map((s) => s.name)).toEqual(['_marks1']);
  });
});

describe('validating a whole ledger', () => {
  it('should read, validate and mark a messy 2,000-teacher ledger (about 310,000 cells) in 6 syncs', async () => {
    const grid = generateSchool({ seed: 5, teachers: 2_000, year: 2026 });
    const planted = [
      plant(grid, 'teachers', 10, 'stage', '小雪'),
      plant(grid, 'trainings', 20_000, 'hours', 'abc'),
      plant(grid, 'teachers', 1_500, 'phone', '123'),
    ];
    const sheets: FakeSheet[] = grid.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((r) =>
        r.map((v) => (v === null ? '' : isCellError(v) ? { error: v.error } : v instanceof Date ? v.toISOString() : v)),
      ),
    }));
    const fake = fakeExcel(sheets);
    const read = await readWorkbook(fake.context, { caps: NOTES });
    const result = validateWorkbook(read.grid, { year: 2026 });
    const marked = await markFindings(fake.context, read, result.findings, NOTES);
    expect(
      result.findings
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.sheet}!${f.cell}`)
        .sort(),
    ).toEqual(planted.map((p) => `${p.sheet}!${p.cell}`).sort());
    expect(marked.marked).toBe(3);
    expect(read.syncs).toBe(5);
    expect(fake.syncs()).toBe(6);
  });
});

describe('clearMarks', () => {
  it('should remove exactly what the add-in added and keep the clerk’s notes and formats', async () => {
    const fake = fakeExcel([{ name: '教师名册', rows: roster(5) }], {
      notes: [{ sheet: '教师名册', cell: 'A1', content: '表头说明' }],
    });
    fake.formats.push({
      id: 'clerk',
      sheet: '教师名册',
      range: 'A1:A6',
      type: 'Custom',
      custom: { rule: { formula: '=A1>0' }, format: { fill: {}, font: {} } },
      deleted: false,
    });
    const marked = await markFindings(
      fake.context,
      await readWorkbook(fake.context, { caps: NOTES }),
      [finding('教师名册', 'B2'), finding('教师名册', 'D5', 'warning')],
      NOTES,
    );
    const before = fake.syncs();
    const cleared = await clearMarks(fake.context, marked.registry, NOTES);
    expect(fake.syncs() - before).toBe(3);
    expect(cleared.removed).toBe(4);
    expect(fake.formats.filter((f) => !f.deleted).map((f) => f.id)).toEqual(['clerk']);
    expect(fake.notes.filter((n) => !n.deleted).map((n) => n.content)).toEqual(['表头说明']);
    expect(fake.sheets.map((s) => s.name)).toEqual(['教师名册']);
  });
});

describe('applyFixes', () => {
  const fix = (cell: string, column: string, from: Fix['from'], to: Fix['to']): Fix => ({
    code: 'fix.trim',
    sheet: '教师名册',
    cell,
    row: 2,
    column,
    from,
    to,
  });

  it('should write the chosen fixes, text-formatting ID cells, and skip formulas and cells changed since', async () => {
    const fake = fakeExcel([
      {
        name: '教师名册',
        rows: [HEADER, [' 张三 ', '32010219800101123x', '男性', '', '', '小学'], ['李四', '', '=1', '', '', '小 学']],
        formulas: { C3: '=IF(1,"男","女")' },
      },
    ]);
    const out = await applyFixes(
      fake.context,
      [
        fix('A2', 'name', ' 张三 ', '张三'),
        fix('B2', 'idNumber', '32010219800101123x', '32010219800101123X'),
        fix('C3', 'gender', '男', '男'),
        fix('F3', 'stage', '小学', '小学'),
        { ...fix('A1', 'name', 'x', 'y'), sheet: '没有' },
      ],
      NOTES,
    );
    expect(out.applied.map((f) => f.cell)).toEqual(['A2', 'B2']);
    expect(out.skipped.map((s) => [s.fix.cell, s.reason])).toEqual([
      ['A1', 'sheet.not_found'],
      ['C3', 'cell.formula'],
      ['F3', 'cell.changed'],
    ]);
    const b2 = fake.written('教师名册', 'B2')[0];
    expect(b2.values).toEqual([['32010219800101123X']]);
    expect(b2.numberFormat).toEqual([['@']]);
    expect(fake.written('教师名册', 'A2')[0].values).toEqual([['张三']]);
    expect(out.syncs).toBe(3);
    expect(fake.syncs()).toBe(3);
  });
});

describe('createTemplate', () => {
  it('should add the missing standard sheets with dropdowns from a hidden list sheet and leave sheets with data alone', async () => {
    const fake = fakeExcel([
      { name: '名册', rows: roster(2) },
      { name: '培训记录', rows: [] },
    ]);
    const out = await createTemplate(fake.context, NOTES);
    expect(out.added).toEqual(['学校概况', '骨干履职', '青年教师考核']);
    expect(out.filled).toEqual(['培训记录']);
    expect(out.kept).toEqual(['名册']);
    expect(fake.syncs()).toBe(3);
    expect(fake.sheet('_lists')!.visibility).toBe('VeryHidden');
    expect(fake.ranges.filter((r) => r.sheet === '名册')).toEqual([]);
    const header = fake.written('培训记录', 'A1:L1')[0]; // 12 columns, 项目编号 the last
    expect(header.values[0].slice(0, 3)).toEqual(['身份证号', '姓名', '培训项目']);
    const idColumn = fake.written('培训记录', 'A2:A10001')[0];
    expect(idColumn.numberFormat).toBe('@');
    const level = fake.written('培训记录', 'D2:D10001')[0];
    expect(level.dataValidation.rule.list.source).toMatch(/^='_lists'!\$[A-Z]+\$1:\$[A-Z]+\$5$/);
    const lists = fake.ranges.find((r) => r.sheet === '_lists')!.mock.values as string[][];
    const letter = (level.dataValidation.rule.list.source as string).match(/!\$([A-Z]+)\$1/)![1]!;
    const col = letter.charCodeAt(0) - 65;
    expect(lists.map((r) => r[col]).filter(Boolean)).toEqual(['国家级', '省级', '市级', '区级', '校级']);
  });

  it('should not claim the codes’ dropdown when 培训记录 already holds data and is left alone', async () => {
    const fake = fakeExcel([
      {
        name: '培训记录',
        rows: [
          ['身份证号', '姓名'],
          ['32010219800101123X', '张三'],
        ],
      },
    ]);
    const out = await createTemplate(fake.context, NOTES, { catalogueCodes: ['LX-1'] });
    expect(out.kept).toEqual(['培训记录']);
    expect(out.codeDropdown).toBe(false);
    expect(fake.dropdowns().filter((d) => d.sheet === '培训记录')).toEqual([]);
  });
});
