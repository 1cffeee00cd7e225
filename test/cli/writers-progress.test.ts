import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../scripts/cli/io.js';
import { progress } from '../../scripts/cli/progress.js';
import type { Fix } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { applyFixes, gridToXlsx, toBytes } from '../../workbook/write-fixes.js';
import { readGrid } from '../workbook/read-grid.js';

async function read(bytes: Uint8Array): Promise<WorkbookGrid> {
  return readGrid(bytes);
}

const fix = (cell: string, column: string, from: Fix['from'], to: Fix['to']): Fix => ({
  code: 'fix.fullwidth',
  sheet: '培训记录',
  cell,
  row: Number(cell.slice(1)),
  column,
  from,
  to,
});

describe('gridToXlsx', () => {
  it('should write text, number, date, boolean and error cells that read back as they were', async () => {
    const grid: WorkbookGrid = {
      sheets: [
        {
          name: '教师名册',
          rows: [['320102198001011234', 320102198001011000, new Date(Date.UTC(2026, 8, 1)), true, { error: '#N/A' }]],
        },
      ],
    };
    expect(await read(await gridToXlsx(grid))).toEqual(grid);
  });
});

describe('applyFixes', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('培训记录');
    ws.addRow(['身份证号', '学时', '合计']);
    ws.addRow(['３２０１０２１９８００１０１１２３４', '３.５', { formula: 'B2*2', result: 7 }]);
    return toBytes(wb);
  }

  it('should write an ID as a text cell, a number as a number, and leave the original bytes alone', async () => {
    const original = await workbook();
    const before = original.slice();
    const out = await applyFixes(original, [
      fix('A2', 'idNumber', '３２０１０２１９８００１０１１２３４', '320102198001011234'),
      fix('B2', 'hours', '３.５', 3.5),
    ]);
    expect(out.applied).toBe(2);
    expect(original).toEqual(before);
    const grid = await read(out.bytes);
    expect(grid.sheets[0]!.rows[1]!.slice(0, 2)).toEqual(['320102198001011234', 3.5]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes.slice().buffer as ArrayBuffer);
    expect(wb.getWorksheet('培训记录')!.getCell('A2').numFmt).toBe('@');
  });

  it('should keep the workbook’s dropdowns on their whole range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('培训记录') as ExcelJS.Worksheet & {
      dataValidations: { add: (r: string, v: ExcelJS.DataValidation) => void };
    };
    ws.addRow(['身份证号', '学时', '培训级别']);
    ws.addRow(['x', '３', '区级']);
    ws.dataValidations.add('C2:C5000', { type: 'list', allowBlank: true, formulae: ['"国家级,省级,市级,区级,校级"'] });
    const out = await applyFixes(await toBytes(wb), [fix('B2', 'hours', '３', 3)]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out.bytes.slice().buffer as ArrayBuffer);
    const sheet = back.getWorksheet('培训记录')!;
    for (const cell of ['C2', 'C4999', 'C5000'])
      expect(sheet.getCell(cell).dataValidation, cell).toMatchObject({ type: 'list' });
    expect(sheet.getCell('C5001').dataValidation).toBeUndefined();
    expect(sheet.getCell('B2').dataValidation).toBeUndefined();
  });

  it('should leave formula cells and unknown sheets to the clerk, and say so', async () => {
    const out = await applyFixes(await workbook(), [
      fix('C2', 'hours', 7, 8),
      { ...fix('A2', 'idNumber', 'x', 'y'), sheet: '没有这个表' },
    ]);
    expect(out.applied).toBe(0);
    expect(out.skipped.map((s) => s.reason)).toEqual(['cell.formula', 'sheet.not_found']);
    expect((await read(out.bytes)).sheets[0]!.rows[1]![2]).toBe(7);
  });
});

describe('progress', () => {
  function io(tty: boolean) {
    let clock = 0;
    let err = '';
    const fake: CliIo = { stdout: () => {}, stderr: (t) => void (err += t), stderrIsTty: tty, now: () => clock };
    return { fake, advance: (ms: number) => void (clock += ms), err: () => err };
  }

  it('should stay silent on a quick run when standard error is not a terminal', () => {
    const t = io(false);
    const p = progress(t.fake, 'done');
    p.phase('Validating');
    p.step(50, 100);
    p.finish();
    expect(t.err()).toBe('');
  });

  it('should report phases and every 10% once a run is long', () => {
    const t = io(false);
    const p = progress(t.fake, 'done');
    p.phase('Reading');
    t.advance(2500);
    p.phase('Validating');
    for (let i = 1; i <= 100; i++) p.step(i, 100);
    p.finish();
    const lines = t.err().trim().split('\n');
    expect(lines[0]).toBe('Validating…');
    expect(lines.filter((l) => /^Validating \d+%$/.test(l))).toHaveLength(10);
    expect(lines.at(-1)).toBe('done (2.5 s)');
  });

  it('should always show progress on a terminal', () => {
    const t = io(true);
    const p = progress(t.fake, 'done');
    p.phase('Reading');
    expect(t.err()).toBe('Reading…\n');
  });
});
