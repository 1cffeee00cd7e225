import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../addin/ui/messages.js';
import { FILE_LIMITS } from '../../shared/files/index.js';
import { FINDINGS_SHEET_NAME } from '../../shared/labels/findings-list.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { readWorkbookFile } from '../../workbook/read-file.js';
import { type AnnotationText, annotateWorkbook, cellLink } from '../../workbook/write-annotated.js';
import { gridToXlsx } from '../../workbook/write-fixes.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant } from '../fixtures/plant.js';

const YEAR = 2026;
const m = MESSAGES.zh;
const text: AnnotationText = {
  lang: 'zh',
  severity: m.severity,
  title: m.findingTitle,
  workbookLevel: m.workbookLevel,
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

// exceljs loads and writes each workbook in about a second on a quiet machine; a busy one takes longer.
describe('annotateWorkbook', { timeout: 30_000 }, () => {
  const grid = generateSchool({ seed: 5, teachers: 12, year: YEAR });
  const stage = plant(grid, 'teachers', 2, 'stage', '小雪');
  const phone = plant(grid, 'teachers', 4, 'phone', '12345');
  grid.sheets.push({ name: 'Sheet3', rows: [['备注']] });

  it('should fill and comment every problem cell, list every finding with a link to its cell, and leave the original alone', async () => {
    const bytes = await gridToXlsx(grid);
    const before = bytes.slice();
    const { findings } = validateWorkbook(grid, { year: YEAR });
    expect(findings.map((x) => x.code)).toEqual(
      expect.arrayContaining(['enum.invalid', 'phone.invalid', 'sheet.extra']),
    );

    const wb = await load(await annotateWorkbook({ bytes, grid }, findings, text));
    expect(bytes).toEqual(before);
    const roster = wb.getWorksheet(stage.sheet)!;
    const fill = (cell: string) => (roster.getCell(cell).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fill(stage.cell)).toBe('FFFFC7CE');
    expect(fill(phone.cell)).toBe('FFFFEB9C');
    const note = String(roster.getCell(stage.cell).note);
    expect(note).toContain('不是可选的值');
    expect(note).toContain('小雪');

    const list = wb.getWorksheet(FINDINGS_SHEET_NAME)!;
    expect(list.getRow(1).values).toEqual([undefined, '级别', '工作表', '单元格', '问题', '说明', '代码']);
    expect(list.rowCount).toBe(findings.length + 1);
    const rowOf = (cell: string) => list.getRows(2, findings.length)!.find((r) => r.getCell(3).text === cell)!;
    const link = rowOf(stage.cell).getCell(3).value as ExcelJS.CellFormulaValue;
    expect(link.formula).toBe(`HYPERLINK("${cellLink(stage.sheet, stage.cell)}","${stage.cell}")`);
    expect(rowOf(stage.cell).getCell(4).text).toBe('不是可选的值');
    const extra = list.getRows(2, findings.length)!.find((r) => r.getCell(6).text === 'sheet.extra')!;
    expect(extra.getCell(1).text).toBe('提示');
  });

  it('should validate again to the same errors and warnings at the same cells (the findings sheet adds none)', async () => {
    const bytes = await gridToXlsx(grid);
    const { findings } = validateWorkbook(grid, { year: YEAR });
    const again = await readWorkbookFile(await annotateWorkbook({ bytes, grid }, findings, text), {
      limits: FILE_LIMITS.cli,
    });
    if (!again.ok) throw new Error(again.message);
    const next = validateWorkbook(again.grid, { year: YEAR });
    expect(next.findings.filter((x) => x.severity !== 'info').map((x) => [x.code, x.cell])).toEqual(
      findings.filter((x) => x.severity !== 'info').map((x) => [x.code, x.cell]),
    );
  });

  it('should annotate a file exceljs cannot load (an .xls, a CSV) from its grid', async () => {
    const { findings } = validateWorkbook(grid, { year: YEAR });
    const wb = await load(
      await annotateWorkbook({ bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), grid }, findings, text),
    );
    expect(wb.getWorksheet(stage.sheet)!.getCell(stage.cell).note).toBeDefined();
    expect(wb.getWorksheet(FINDINGS_SHEET_NAME)!.rowCount).toBe(findings.length + 1);
  });

  it('should quote sheet names in links the way Excel and WPS read them', () => {
    expect(cellLink("O'Neil 表", 'B7')).toBe("#'O''Neil 表'!B7");
  });
});
