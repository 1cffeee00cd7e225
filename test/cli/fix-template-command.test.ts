import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import { columnLetter } from '../../shared/grid.js';
import { LISTS_SHEET } from '../../workbook/write-template.js';
import { readGrid } from '../workbook/read-grid.js';
import { runCli, tempDir } from './harness.js';
import { ID, messyWorkbook } from './workbooks.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(() => tmp.cleanup());

describe('fix', () => {
  it('should write a copy whose re-validation has no fixes left, leaving the original byte-identical', async () => {
    const original = await messyWorkbook();
    const input = await tmp.file('messy.xlsx', original);
    const out = await tmp.file('messy-fixed.xlsx');
    const run = await runCli('fix', input, '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(out);
    expect(Buffer.compare(await readFile(input), Buffer.from(original))).toBe(0);
    const again = JSON.parse((await runCli('validate', out, '--year', '2026', '--json')).stdout) as {
      fixes: unknown[];
      findings: { code: string; cell: string | null }[];
    };
    expect(again.fixes).toEqual([]);
    expect(again.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      'id_number.scientific@B4',
      'row.totals@A6',
      'sheet.extra@null',
    ]);
  });

  it('should write an ID as a text cell and a numeric fix as a number cell', async () => {
    const input = await tmp.file('m2.xlsx', await messyWorkbook());
    const out = await tmp.file('m2-fixed.xlsx');
    await runCli('fix', input, '--out', out);
    const read = { grid: await readGrid(await readFile(out)) };
    const teachers = read.grid.sheets.find((s) => s.name === '教师花名册')!;
    const trainings = read.grid.sheets.find((s) => s.name === '培训台账')!;
    expect(teachers.rows[4]![1]).toBe(ID.zhao);
    expect(trainings.rows[3]![8]).toBe(30);
    expect(trainings.rows[2]![8]).toBe(3.5);
    expect(trainings.rows[3]![6]).toBe('2026-09-01');
  });

  it('should refuse to overwrite the original and exit 2', async () => {
    const input = await tmp.file('m3.xlsx', await messyWorkbook());
    const before = await readFile(input);
    const run = await runCli('fix', input, '--out', input);
    expect(run.code).toBe(2);
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
    expect((await runCli('fix', input)).code).toBe(2);
  });
});

describe('template', () => {
  it('should write the five sheets with their header rows, readable back as a grid', async () => {
    const out = await tmp.file('template.xlsx');
    const run = await runCli('template', '--out', out);
    expect(run.code).toBe(0);
    const read = { grid: await readGrid(await readFile(out)) };
    expect(read.grid.sheets.map((s) => s.name)).toEqual(SHEET_LIST.map((s) => s.name));
    for (const def of SHEET_LIST) {
      const sheet = read.grid.sheets.find((s) => s.name === def.name)!;
      if (def.keyValue) expect(sheet.rows.map((r) => r[0])).toEqual(def.columns.map((c) => c.header));
      else expect(sheet.rows).toEqual([def.columns.map((c) => c.header)]);
    }
  });

  it('should format ID columns as text, freeze and bolden the header, and put a dropdown on every enum column', async () => {
    const out = await tmp.file('template2.xlsx');
    await runCli('template', '--out', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(out)).buffer as ArrayBuffer);
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('veryHidden');
    for (const def of SHEET_LIST.filter((s) => !s.keyValue)) {
      const ws = wb.getWorksheet(def.name)!;
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      def.columns.forEach((col, i) => {
        const letter = columnLetter(i);
        expect(ws.getCell(`${letter}1`).font?.bold, `${def.name} ${col.header}`).toBe(true);
        if (col.type.kind === 'idNumber') expect(ws.getCell(`${letter}500`).numFmt, col.header).toBe('@');
        const dv = ws.getCell(`${letter}2`).dataValidation;
        if (col.type.kind === 'enum') {
          expect(dv, `${def.name} ${col.header}`).toMatchObject({ type: 'list' });
          const range = /^'_lists'!\$([A-Z]+)\$1:\$\1\$(\d+)$/.exec(dv.formulae[0] as string)!;
          const values = Array.from({ length: Number(range[2]) }, (_, r) => lists.getCell(`${range[1]}${r + 1}`).value);
          expect(values).toEqual([...col.type.def.values]);
        } else {
          expect(dv, `${def.name} ${col.header}`).toBeUndefined();
        }
      });
    }
    const school = wb.getWorksheet('学校概况')!;
    expect(school.getCell('B3').dataValidation).toMatchObject({ type: 'list' });
    expect(school.getCell('B1').numFmt).toBe('@');
  });

  it('should exit 2 without --out or with a non-.xlsx path', async () => {
    expect((await runCli('template')).code).toBe(2);
    expect((await runCli('template', '--out', `${tmp.dir}/t.csv`)).code).toBe(2);
  });
});
