/**
 * Writes a demo school's workbook, as a clerk would send it, for trying the CLI:
 *
 *   npx tsx scripts/demo-workbook.ts [--out PATH]      (default: the system's temp folder)
 *   npm run --silent cli -- check PATH
 *
 * A generated school (valid IDs, realistic trainings) with the usual mess planted in it: a title
 * row above the roster's header, an ID that Excel turned into a number, a legacy title, full-width
 * digits, hours with a unit, dates typed in several shapes, a totals row and a leftover sheet.
 * Generated on demand: no workbook is kept in git.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SHEETS, type SheetKey } from '../shared/contract/sheets.js';
import type { CellValue, SheetGrid, WorkbookGrid } from '../shared/grid.js';
import { currentYear } from '../shared/policy/index.js';
import { generateSchool } from '../test/fixtures/generate-school.js';
import { gridToXlsx } from '../workbook/write-fixes.js';

export const DEMO_FILE_NAME = '示例学校师训台账.xlsx';

function sheet(grid: WorkbookGrid, key: SheetKey): SheetGrid {
  return grid.sheets.find((s) => s.name === SHEETS[key].name)!;
}

/** Sets a cell by its column key, for a table sheet whose header is the first row. */
function set(s: SheetGrid, key: SheetKey, row: number, column: string, value: CellValue): void {
  const header = s.rows[0]!;
  const c = header.indexOf(SHEETS[key].columns.find((col) => col.key === column)!.header);
  s.rows[row]![c] = value;
}

function get(s: SheetGrid, key: SheetKey, row: number, column: string): CellValue {
  return s.rows[row]![s.rows[0]!.indexOf(SHEETS[key].columns.find((col) => col.key === column)!.header)] ?? null;
}

const toFullWidth = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export function demoGrid(year: number): WorkbookGrid {
  const grid = generateSchool({ seed: 7, teachers: 60, year, withDuties: true, withMilestones: true, dateCells: true });
  const teachers = sheet(grid, 'teachers');
  const trainings = sheet(grid, 'trainings');
  set(teachers, 'teachers', 5, 'title', '中学一级');
  const lostId = String(get(teachers, 'teachers', 9, 'idNumber'));
  set(teachers, 'teachers', 9, 'idNumber', Number(`${lostId.slice(0, 15)}000`));
  set(trainings, 'trainings', 3, 'hours', toFullWidth(String(get(trainings, 'trainings', 3, 'hours'))));
  set(trainings, 'trainings', 4, 'hours', `${String(get(trainings, 'trainings', 4, 'hours'))}学时`);
  set(trainings, 'trainings', 6, 'level', '县级');
  const start = get(trainings, 'trainings', 7, 'startDate');
  if (start instanceof Date)
    set(
      trainings,
      'trainings',
      7,
      'startDate',
      `${start.getUTCFullYear()}年${start.getUTCMonth() + 1}月${start.getUTCDate()}日`,
    );
  trainings.rows.push(['合计']);
  teachers.rows.unshift([`示例学校${year}年教师名册`]);
  grid.sheets.push({ name: 'Sheet3', rows: [['草稿，勿删']] });
  return grid;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, year: { type: 'string' } } });
  const out = values.out ?? join(tmpdir(), 'shixun-demo', DEMO_FILE_NAME);
  const year = values.year === undefined ? currentYear() : Number(values.year);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await gridToXlsx(demoGrid(year)));
  process.stdout.write(`${out}\n`);
}

if (process.argv[1]?.endsWith('demo-workbook.ts')) await main();
