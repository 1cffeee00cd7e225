/**
 * The whole flow in Excel — template, read, validate, mark, messages, fixes, report sheets, clear —
 * at three capability levels: ExcelApi 1.1 (Excel 2016 bought outright), 1.8 (Excel 2019) and a
 * current Microsoft 365 Excel. The fake Excel refuses every member above its level the way Excel
 * does (the sync fails), so each level proves both what the add-in does there and that it asks for
 * nothing more; the sync counts asserted are the ones the sync wrapper counted.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../addin/excel/apply-fixes.js';
import { capsAt, type ExcelCaps, missingFeatures } from '../../addin/excel/caps.js';
import { writeComplianceSheet } from '../../addin/excel/compliance-sheet.js';
import { createTemplate } from '../../addin/excel/create-template.js';
import {
  clearMarks,
  ERROR_FILL,
  type MarkRegistry,
  markFindings,
  mergeRuns,
  WARNING_FILL,
} from '../../addin/excel/mark-findings.js';
import { NOTE_PREFIX, readWorkbook } from '../../addin/excel/read-workbook.js';
import { writeReportSheet } from '../../addin/excel/report-sheet.js';
import { MESSAGES } from '../../addin/ui/messages.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import { FINDINGS_SHEET_NAME } from '../../shared/labels/findings-list.js';
import { FINDING_TITLES, SEVERITY_LABELS } from '../../shared/labels/index.js';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../../shared/policy/index.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant, valueAt } from '../fixtures/plant.js';
import { fakeExcel, fakeSheets } from './fake-excel.js';

const YEAR = 2026;
const CLERK_FILL = '#00B0F0';
const CLERK_NOTE = '家长提供的号码';

const LEVELS = ['1.1', '1.8', 'current'] as const;
type Level = (typeof LEVELS)[number];

/** A school with two adjacent errors on one row (one cell the clerk had filled), a warning, and a fix. */
function ledger() {
  const grid = generateSchool({ seed: 11, teachers: 40, year: YEAR });
  const stage = plant(grid, 'teachers', 3, 'stage', '小雪');
  const subject = plant(grid, 'teachers', 3, 'subject', '炼丹');
  const phone = plant(grid, 'teachers', 6, 'phone', '12345');
  const name = String(valueAt(grid, 'teachers', 0, 'name'));
  const trim = plant(grid, 'teachers', 0, 'name', ` ${name} `);
  const sheets = fakeSheets(grid);
  const teachers = sheets.find((s) => s.name === stage.sheet)!;
  teachers.fills = { [subject.cell]: CLERK_FILL };
  return {
    sheets,
    stage,
    subject,
    phone,
    trim,
    name,
    notes: [{ sheet: stage.sheet, cell: phone.cell, content: CLERK_NOTE }],
  };
}

/** Runs read → validate → mark the way the pane does, and checks the syncs it reports were made. */
async function validateAndMark(fake: ReturnType<typeof fakeExcel>, caps: ExcelCaps, marks: MarkRegistry | null) {
  const before = fake.syncs();
  const read = await readWorkbook(fake.context, { caps, marks });
  const result = validateWorkbook(read.grid, { year: YEAR });
  const marked = await markFindings(fake.context, read, result.findings, caps);
  expect(read.syncs + marked.syncs).toBe(fake.syncs() - before);
  return { read, result, marked };
}

describe.each(LEVELS)('the add-in on an Excel with ExcelApi %s', (level: Level) => {
  const caps = capsAt(level);

  it('should add the standard sheets, with dropdowns, frozen header and widths where Excel has them', async () => {
    const fake = fakeExcel([{ name: 'Sheet1', rows: [] }], { api: level, live: true });
    const out = await createTemplate(fake.context, caps);
    expect(out.added).toEqual(SHEET_LIST.map((s) => s.name));
    expect(out.syncs).toBe(fake.syncs());
    expect(out.syncs).toBe(2);
    expect(fake.sheet('教师名册')!.rows[0]).toEqual(SHEET_LIST[1]!.columns.map((c) => c.header));
    expect(fake.written('教师名册', 'B2:B10001')[0].numberFormat).toBe('@');
    const lists = fake.sheet('_lists');
    if (level === '1.1') {
      expect(lists).toBeUndefined();
      expect(fake.dropdowns()).toEqual([]);
      expect(fake.frozen('教师名册')).toBeUndefined();
      expect(fake.widths.size).toBe(0);
    } else {
      expect(lists!.visibility).toBe('VeryHidden');
      expect(fake.dropdowns().find((d) => d.sheet === '教师名册' && d.address === 'F2:F10001')!.source).toMatch(
        /^='_lists'!/,
      );
      expect(fake.frozen('教师名册')).toEqual({ rows: 1, cols: 0 });
      expect(fake.widths.get('教师名册!A:A')).toBeGreaterThan(0);
    }
    expect(fake.violations).toEqual([]);
  });

  it('should read, validate, mark, list, fix, re-validate and clear, keeping the clerk’s fills and notes', async () => {
    const { sheets, stage, subject, phone, trim, name, notes } = ledger();
    const fake = fakeExcel(sheets, { api: level, live: true, notes });
    const teachers = stage.sheet;

    // Read and validate: the same findings at every level (reading needs only values and valueTypes).
    const first = await validateAndMark(fake, caps, null);
    const marked = first.result.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => f.cell)
      .sort();
    expect(marked).toEqual([stage.cell, subject.cell, phone.cell].sort());
    expect(first.result.fixes.map((f) => f.cell)).toEqual([trim.cell]);
    expect(first.read.syncs).toBe(3);
    expect(first.marked.marked).toBe(3);

    if (level === '1.1') {
      // Fills, on merged runs: the stage and subject cells are one range of mixed fills, read again cell by cell.
      expect(first.marked.style).toBe('fill');
      expect(first.marked.syncs).toBe(3);
      expect(
        mergeRuns([
          { row: 4, col: 5, flag: 1 },
          { row: 4, col: 6, flag: 1 },
          { row: 5, col: 5, flag: 1 },
          { row: 5, col: 6, flag: 1 },
        ]),
      ).toHaveLength(1);
      expect([
        fake.fill(teachers, stage.cell),
        fake.fill(teachers, subject.cell),
        fake.fill(teachers, phone.cell),
      ]).toEqual([ERROR_FILL, ERROR_FILL, WARNING_FILL]);
      expect(first.marked.registry.fills!.find((m) => m.address === subject.cell)!.original).toBe(CLERK_FILL);
      expect(fake.formats).toEqual([]);
      expect(fake.sheets.some((s) => s.name.startsWith('_marks'))).toBe(false);
    } else {
      expect(first.marked.style).toBe('conditionalFormat');
      expect(first.marked.syncs).toBe(1);
      expect(fake.formats.filter((f) => !f.deleted).map((f) => f.custom.format.fill.color)).toEqual([
        ERROR_FILL,
        WARNING_FILL,
      ]);
      expect(fake.sheet('_marks1')!.visibility).toBe('VeryHidden');
      expect(fake.fill(teachers, stage.cell)).toBeUndefined();
      expect(fake.fill(teachers, subject.cell)).toBe(CLERK_FILL);
    }

    // Messages: notes on a current Excel (never on the clerk's noted cell); below 1.10, the findings sheet.
    const ours = () => fake.notes.filter((n) => !n.deleted && n.content.startsWith(NOTE_PREFIX));
    const findingsSheet = () => fake.sheet(FINDINGS_SHEET_NAME);
    if (level === 'current') {
      expect(ours().map((n) => [n.cell, n.kind])).toEqual([
        [stage.cell, 'note'],
        [subject.cell, 'note'],
      ]);
      expect(first.marked.annotated).toBe(2);
      expect(findingsSheet()).toBeUndefined();
    } else {
      expect(ours()).toEqual([]);
      const rows = findingsSheet()!.rows;
      // The annotated copy's columns too (shared/labels/findings-list.ts).
      expect(rows[0]).toEqual(['级别', '工作表', '单元格', '问题', '说明', '代码']);
      expect(rows.length - 1).toBe(first.result.findings.length);
      expect(first.marked.listed).toBe(first.result.findings.length);
      const stageRow = rows.find((r) => r[2] === stage.cell)!;
      expect([stageRow[0], stageRow[1], stageRow[3], stageRow[5]]).toEqual([
        SEVERITY_LABELS.error.zh,
        teachers,
        FINDING_TITLES['enum.invalid'].zh,
        'enum.invalid',
      ]);
      expect(findingsSheet()!.formulas![`C${rows.indexOf(stageRow) + 1}`]).toBe(
        `=HYPERLINK("#'${teachers}'!${stage.cell}","${stage.cell}")`,
      );
    }

    // Fixes: plain values and formulas (1.1) everywhere.
    const fixed = await applyFixes(fake.context, first.result.fixes, caps);
    expect(fixed.applied).toHaveLength(1);
    expect(fixed.syncs).toBe(3);
    const r = Number(trim.cell.replace(/\D/g, '')) - 1;
    expect(fake.sheet(teachers)!.rows[r]![0]).toBe(name);

    // Re-validating replaces the marks instead of adding to them.
    const second = await validateAndMark(fake, caps, first.marked.registry);
    expect(second.result.fixes).toEqual([]);
    expect(fake.sheets.filter((s) => s.name === FINDINGS_SHEET_NAME)).toHaveLength(level === 'current' ? 0 : 1);
    if (level === '1.1') {
      expect(second.marked.registry.fills!.find((m) => m.address === subject.cell)!.original).toBe(CLERK_FILL);
      // The clerk recolours a marked cell before clearing: that colour is theirs now.
      fake.sheet(teachers)!.fills![phone.cell] = '#92D050';
    } else {
      expect(fake.formats.filter((f) => !f.deleted)).toHaveLength(2);
    }
    if (level === 'current') expect(ours()).toHaveLength(2);

    // Clear: back to the clerk's own workbook.
    const before = fake.syncs();
    const cleared = await clearMarks(fake.context, second.marked.registry, caps);
    expect(cleared.syncs).toBe(fake.syncs() - before);
    expect(cleared.syncs).toBe(3);
    expect(cleared.remaining).toBeNull();
    expect(findingsSheet()).toBeUndefined();
    expect(fake.sheets.some((s) => s.name.startsWith('_marks'))).toBe(false);
    expect(fake.formats.filter((f) => !f.deleted)).toEqual([]);
    expect(ours()).toEqual([]);
    expect(fake.notes.filter((n) => !n.deleted).map((n) => n.content)).toEqual([CLERK_NOTE]);
    expect(fake.fill(teachers, subject.cell)).toBe(CLERK_FILL);
    expect(fake.fill(teachers, stage.cell)).toBeUndefined();
    expect(fake.fill(teachers, phone.cell)).toBe(level === '1.1' ? '#92D050' : undefined);
    expect(cleared.removed).toBe(level === '1.1' ? 2 : level === '1.8' ? 2 : 4);
    expect(fake.violations).toEqual([]);
  });

  it('should colour report rows by status: conditional formats, or fills below 1.6', async () => {
    const { sheets } = ledger();
    const fake = fakeExcel(sheets, { api: level, live: true });
    const read = await readWorkbook(fake.context, { caps });
    const result = validateWorkbook(read.grid, { year: YEAR });
    const report = evaluateCompliance(result.records, DEFAULT_POLICY, {
      year: YEAR,
      asOf: defaultAsOf(YEAR),
      lang: 'zh',
    });
    const before = fake.syncs();
    const out = await writeComplianceSheet(fake.context, report, '实验小学', MESSAGES.zh, caps);
    expect(out.syncs).toBe(2);
    expect(fake.syncs() - before).toBe(2);
    const sheet = fake.sheet('达标情况')!;
    const header = sheet.rows.findIndex((row) => row?.[0] === '行');
    const statusColumn = 3;
    const failing = sheet.rows.findIndex((row, i) => i > header && row?.[statusColumn] === '未达标');
    expect(failing).toBeGreaterThan(header);
    if (level === '1.1') {
      expect(fake.formats).toEqual([]);
      expect(fake.fill('达标情况', `A${failing + 1}`)).toBe('#FFC7CE');
      expect(fake.frozen('达标情况')).toBeUndefined();
    } else {
      expect(fake.formats.map((f) => f.custom.rule.formula)[0]).toBe(`=$D${header + 2}="达标"`);
      expect(fake.fill('达标情况', `A${failing + 1}`)).toBeUndefined();
      expect(fake.frozen('达标情况')).toEqual({ rows: header + 1, cols: 0 });
    }

    // A chart is ExcelApi 1.1: every level gets one.
    await writeReportSheet(
      fake.context,
      {
        name: '全区汇总',
        heading: '全区',
        summary: [],
        header: ['学校', '达标率'],
        rows: [['甲校', 0.5]],
        widths: [10, 10],
        chart: { title: '各校达标率', rows: 1 },
      },
      caps,
    );
    expect(fake.charts.map((c) => [c.sheet, c.type])).toEqual([['全区汇总', 'ColumnClustered']]);
    expect(fake.violations).toEqual([]);
  });
});

describe('capability levels', () => {
  it('should say in both languages what each level lacks, and nothing on a current Excel', () => {
    expect(missingFeatures(capsAt('1.1'), 'zh').map((m) => m.key)).toEqual([
      'conditionalFormats',
      'annotations',
      'dataValidation',
      'freezePanes',
      'columnWidths',
    ]);
    expect(missingFeatures(capsAt('1.8'), 'zh').map((m) => m.key)).toEqual(['annotations']);
    expect(missingFeatures(capsAt('1.14'), 'en').map((m) => [m.key, m.title])).toEqual([['notes', 'Cell notes']]);
    expect(missingFeatures(capsAt('current'), 'zh')).toEqual([]);
    const zh = missingFeatures(capsAt('1.1'), 'zh');
    expect(zh.every((m) => /[\u4e00-\u9fff]/.test(m.title + m.instead))).toBe(true);
    expect(zh.find((m) => m.key === 'annotations')!.instead).toContain(FINDINGS_SHEET_NAME);
  });

  it('should fail as Excel does when a member above the level is used (the fake refuses it)', async () => {
    const { sheets } = ledger();
    const fake = fakeExcel(sheets, { api: '1.1', live: true });
    const read = await readWorkbook(fake.context, { caps: capsAt('1.1') });
    const findings = validateWorkbook(read.grid, { year: YEAR }).findings;
    await expect(markFindings(fake.context, read, findings, capsAt('current'))).rejects.toThrow(/ApiNotFound/);
    expect(fake.violations.length).toBeGreaterThan(0);
  });

  it('should let an older Excel make a newer one’s marks inert and keep them for a newer one to remove', async () => {
    const { sheets, stage } = ledger();
    const current = capsAt('current');
    const fake = fakeExcel(sheets, { api: 'current', live: true });
    const first = await validateAndMark(fake, current, null);
    const old = await clearMarks(fake.context, first.marked.registry, capsAt('1.1'));
    expect(fake.sheets.some((s) => s.name.startsWith('_marks'))).toBe(false);
    expect(old.remaining?.sheets.map((e) => e.sheet)).toEqual([stage.sheet]);
    const later = await clearMarks(fake.context, old.remaining, current);
    expect(later.remaining).toBeNull();
    expect(fake.formats.filter((f) => !f.deleted)).toEqual([]);
  });
});
