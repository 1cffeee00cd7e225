/**
 * The differential test of issue 10: our .xlsx reader against exceljs (the reader it replaced) and
 * against SheetJS, cell by cell, on every workbook the test suite and the fixture generator write —
 * by exceljs (gridToXlsx, the template, a fixed copy, the CLI's hand-made workbooks) and by SheetJS,
 * and by LibreOffice when it is installed. Any difference is listed with its cell.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoGrid } from '../../scripts/demo-workbook.js';
import { FILE_LIMITS, readSpreadsheet } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { applyFixes, gridToXlsx } from '../../workbook/write-fixes.js';
import { writeTemplate } from '../../workbook/write-template.js';
import { readXls } from '../../workbook/xls.js';
import { cleanWorkbook, messyWorkbook } from '../cli/workbooks.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { generateLedger } from '../fixtures/ledger.js';
import { cloneGrid, plant } from '../fixtures/plant.js';
import { cellDifferences } from './cell-differences.js';
import { readXlsx } from './exceljs-read.js';
import { gridXlsx, sheetJsWorkbook } from './file-fixtures.js';

const YEAR = 2026;

async function ours(bytes: Uint8Array): Promise<WorkbookGrid> {
  const r = await readSpreadsheet(bytes, { limits: FILE_LIMITS.cli, readXls });
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.details)}`);
  return r.grid;
}

async function viaExceljs(bytes: Uint8Array): Promise<WorkbookGrid> {
  const r = await readXlsx(bytes);
  if (!r.ok) throw new Error(r.message);
  return r.grid;
}

async function viaSheetJs(bytes: Uint8Array): Promise<WorkbookGrid> {
  const r = await readXls(bytes, FILE_LIMITS.cli);
  if (!r.ok) throw new Error(r.code);
  return r.grid;
}

/** A generated school with a value of every kind planted where a clerk's slip would put it. */
function plantedSchool(): WorkbookGrid {
  const grid = cloneGrid(
    generateSchool({ seed: 11, teachers: 40, year: YEAR, withDuties: true, withMilestones: true, dateCells: true }),
  );
  plant(grid, 'teachers', 2, 'idNumber', 320102198001011000);
  plant(grid, 'teachers', 3, 'phone', 13912345678);
  plant(grid, 'teachers', 4, 'gender', true);
  plant(grid, 'teachers', 5, 'stage', { error: '#N/A' });
  plant(grid, 'trainings', 1, 'hours', '３.５学时');
  plant(grid, 'trainings', 2, 'startDate', new Date(Date.UTC(YEAR, 8, 1, 13, 45)));
  plant(grid, 'trainings', 3, 'course', '  "引号" & <尖括号>\n换行  ');
  plant(grid, 'trainings', 4, 'hours', -0.5);
  // Not "_x000D_": exceljs and SheetJS write it unescaped, which Excel (and this reader) read as a CR.
  plant(grid, 'trainings', 5, 'organizer', '_x00 下划线_');
  return grid;
}

/** Every grid the fixture generator makes, in the shapes the tests and benchmarks use. */
const GENERATED: [string, () => WorkbookGrid][] = [
  [
    'a school of text dates',
    () => generateSchool({ seed: 1, teachers: 60, year: YEAR, withDuties: true, withMilestones: true }),
  ],
  ['a school of date cells', () => generateSchool({ seed: 2, teachers: 60, year: YEAR, dateCells: true })],
  ['a one-row 学校概况', () => generateSchool({ seed: 3, teachers: 20, year: YEAR, schoolLayout: 'table' })],
  ['a ledger of one teacher', () => generateLedger({ seed: 4, teachers: 1, rows: 400, year: YEAR })],
  ['the demo workbook', () => demoGrid(YEAR)],
  ['a school with planted values of every kind', plantedSchool],
];

async function expectSameCells(bytes: Uint8Array): Promise<void> {
  const grid = await ours(bytes);
  expect(grid.sheets.length).toBeGreaterThan(0);
  expect(cellDifferences(grid, await viaExceljs(bytes)), 'ours vs exceljs').toEqual([]);
  expect(cellDifferences(grid, await viaSheetJs(bytes)), 'ours vs SheetJS').toEqual([]);
}

describe('our reader, exceljs and SheetJS on every generated workbook', { timeout: 60_000 }, () => {
  for (const [what, make] of GENERATED) {
    it(`should read ${what} written by exceljs cell for cell as both do`, async () => {
      await expectSameCells(await gridToXlsx(make()));
    });

    it(`should read ${what} written by SheetJS cell for cell as both do`, async () => {
      await expectSameCells(sheetJsWorkbook(make(), 'xlsx'));
    });

    it(`should read ${what} written straight to XML (the benchmarks' writer) cell for cell as both do`, async () => {
      await expectSameCells(gridXlsx(make()));
    });
  }

  it('should read the CLI tests’ hand-made workbooks, the template and a fixed copy as both do', async () => {
    const messy = await messyWorkbook();
    for (const bytes of [
      await cleanWorkbook(),
      await cleanWorkbook({ extraSheet: true }),
      messy,
      await writeTemplate(),
    ]) {
      await expectSameCells(bytes);
    }
    const fixes = validateWorkbook(await ours(messy), { year: YEAR }).fixes;
    expect(fixes.length).toBeGreaterThan(0);
    await expectSameCells((await applyFixes(messy, fixes)).bytes);
  });

  it('should read back exactly the grid exceljs wrote', async () => {
    const grid = plantedSchool();
    expect(cellDifferences(await ours(await gridToXlsx(grid)), grid)).toEqual([]);
  });
});

/** LibreOffice, when Debian's libreoffice-calc is installed: the files it saves are a third writer's. */
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe.skipIf(SOFFICE === undefined)('workbooks saved by LibreOffice', () => {
  it('should read a workbook LibreOffice re-saved as .xlsx and as .xls as exceljs and SheetJS do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shixun-lo-'));
    try {
      writeFileSync(join(dir, 'in.xlsx'), await gridToXlsx(plantedSchool()));
      const convert = (to: string, out: string) => {
        execFileSync(
          SOFFICE!,
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            to,
            '--outdir',
            join(dir, out),
            join(dir, 'in.xlsx'),
          ],
          { stdio: 'ignore', timeout: 180_000 },
        );
        return new Uint8Array(readFileSync(join(dir, out, `in.${to.split(':')[0]}`)));
      };
      const xlsx = convert('xlsx', 'x');
      await expectSameCells(xlsx);
      const xls = convert('xls', 'b');
      expect(cellDifferences(await ours(xls), await ours(xlsx))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
