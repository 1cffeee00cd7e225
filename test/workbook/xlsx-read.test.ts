import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '../../shared/grid.js';
import { toBytes } from '../../workbook/write-fixes.js';
import { readGrid } from './read-grid.js';

async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('教师名册'), wb);
  return readGrid(await toBytes(wb));
}

describe('the .xlsx reader on workbooks exceljs writes', () => {
  it('should keep a number cell a number and a text cell text', async () => {
    const grid = await roundTrip((ws) => {
      ws.getCell('A1').value = 320102198001011000;
      ws.getCell('B1').value = '320102198001011234';
      ws.getCell('C1').value = 3.5;
    });
    expect(grid.sheets[0]!.rows[0]).toEqual([320102198001011000, '320102198001011234', 3.5]);
    expect(typeof grid.sheets[0]!.rows[0]![0]).toBe('number');
  });

  it('should return date cells as Dates at UTC midnight and leave unformatted serials as numbers', async () => {
    const grid = await roundTrip((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2026, 8, 1));
      ws.getCell('A1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('B1').value = 46266;
    });
    const [date, serial] = grid.sheets[0]!.rows[0]!;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString()).toBe('2026-09-01T00:00:00.000Z');
    expect(serial).toBe(46266);
  });

  it('should read formulas by their cached result and Excel errors as error values', async () => {
    const grid = await roundTrip((ws) => {
      ws.getCell('A1').value = { formula: '1+2', result: 3 };
      ws.getCell('B1').value = { formula: 'A1&"x"', result: '3x' };
      ws.getCell('C1').value = { formula: 'VLOOKUP(1,Z1:Z2,2,0)', result: { error: '#N/A' } };
      ws.getCell('D1').value = { error: '#REF!' };
      ws.getCell('E1').value = { formula: 'NOW()' };
    });
    expect(grid.sheets[0]!.rows[0]).toEqual([3, '3x', { error: '#N/A' }, { error: '#REF!' }]);
  });

  it('should flatten rich text and read hyperlinks by their text', async () => {
    const grid = await roundTrip((ws) => {
      ws.getCell('A1').value = { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] };
      ws.getCell('B1').value = { text: '培训通知', hyperlink: 'https://example.org/n' };
      ws.getCell('C1').value = true;
    });
    expect(grid.sheets[0]!.rows[0]).toEqual(['张三', '培训通知', true]);
  });

  it('should put a merged range’s value in its master cell only', async () => {
    const grid = await roundTrip((ws) => {
      ws.getCell('A1').value = 'XX学校2026年教师培训台账';
      ws.mergeCells('A1:D1');
      ws.getCell('A2').value = '姓名';
      ws.getCell('C2').value = '性别';
    });
    expect(grid.sheets[0]!.rows).toEqual([['XX学校2026年教师培训台账'], ['姓名', null, '性别']]);
  });

  it('should keep row numbers of the sheet, with blank rows as empty rows', async () => {
    const grid = await roundTrip((ws, wb) => {
      ws.getCell('B3').value = 'x';
      ws.getCell('A5').value = '';
      wb.addWorksheet('Sheet3').getCell('A1').value = 1;
      wb.addWorksheet('_lists', { state: 'veryHidden' }).getCell('A1').value = '男';
    });
    expect(grid.sheets.map((s) => s.name)).toEqual(['教师名册', 'Sheet3']);
    expect(grid.sheets[0]!.rows).toEqual([[], [], [null, 'x']]);
  });
});
