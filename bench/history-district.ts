/**
 * Five years of ledgers for the history benchmark: each school keeps its first year's roster, each
 * year brings its own generated trainings (about a dozen a teacher), and from `moveYear` on the last
 * `movers` teachers of every school are those of the next school, who moved (their earlier records
 * stay in the ledgers of the school they came from). Generated on demand: 1,500 ledgers never sit in
 * memory at once.
 */
import { gzipSync } from 'node:zlib';
import { SHEETS, type SheetKey } from '../shared/contract/sheets.js';
import { type CellValue, encodeWorkbook, type WorkbookGrid } from '../shared/grid.js';
import { generateSchool } from '../test/fixtures/generate-school.js';

export const HISTORY_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

const col = (sheet: SheetKey, key: string) => SHEETS[sheet].columns.findIndex((c) => c.key === key);
const sheetOf = (grid: WorkbookGrid, key: SheetKey) => grid.sheets.find((s) => s.name === SHEETS[key].name)!;

export interface DistrictPlan {
  schools: { code: string; name: string; teachers: number; seed: number }[];
  moveYear: number;
  movers: number;
}

/** The roster (header first) a school starts the cycle with: the first year's generated teachers. */
function baseRoster(s: DistrictPlan['schools'][number]): CellValue[][] {
  return sheetOf(
    generateSchool({
      seed: s.seed,
      teachers: s.teachers,
      year: HISTORY_YEARS[0],
      withDuties: false,
      withMilestones: false,
    }),
    'teachers',
  ).rows;
}

export class HistoryDistrict {
  private readonly rosters = new Map<number, CellValue[][]>();

  constructor(readonly plan: DistrictPlan) {}

  private roster(i: number): CellValue[][] {
    let r = this.rosters.get(i);
    if (!r) this.rosters.set(i, (r = baseRoster(this.plan.schools[i]!)));
    return r;
  }

  /** School i's roster in a year: its own teachers, the last ones replaced by the next school's movers. */
  rosterOf(i: number, year: number): CellValue[][] {
    const own = this.roster(i);
    const { movers, moveYear } = this.plan;
    if (year < moveYear || movers === 0 || this.plan.schools.length < 2) return own;
    const next = this.roster((i + 1) % this.plan.schools.length);
    return [...own.slice(0, own.length - movers), ...next.slice(next.length - movers)];
  }

  /** School i's ledger of a year: the year's generated trainings, on the year's roster. */
  ledger(i: number, year: number): WorkbookGrid {
    const s = this.plan.schools[i]!;
    const grid = generateSchool({
      seed: s.seed * 10 + year,
      teachers: s.teachers,
      year,
      withDuties: false,
      withMilestones: false,
    });
    for (const row of sheetOf(grid, 'school').rows) {
      if (row[0] === SHEETS.school.columns[col('school', 'schoolCode')]!.header) row[1] = s.code;
      if (row[0] === SHEETS.school.columns[col('school', 'schoolName')]!.header) row[1] = s.name;
    }
    const roster = this.rosterOf(i, year);
    const teachers = sheetOf(grid, 'teachers');
    const [tid, tname] = [col('teachers', 'idNumber'), col('teachers', 'name')];
    // Generated teacher k becomes roster teacher k: the year's trainings follow the roster's people.
    const to = new Map<string, CellValue[]>();
    teachers.rows.forEach((r, k) => {
      if (k > 0) to.set(String(r[tid]), roster[k]!);
    });
    teachers.rows = roster.map((r) => [...r]);
    const trainings = sheetOf(grid, 'trainings');
    const [id, name, end] = [col('trainings', 'idNumber'), col('trainings', 'name'), col('trainings', 'endDate')];
    // A principal's qualification training of years ago is listed once, in the first ledger: the
    // generator would date it anew every year, and a ledger that repeats it would hold the same row.
    if (year > HISTORY_YEARS[0])
      trainings.rows = trainings.rows.filter((r, k) => k === 0 || String(r[end]).startsWith(String(year)));
    for (const r of trainings.rows.slice(1)) {
      const who = to.get(String(r[id]))!;
      r[id] = who[tid]!;
      r[name] = who[tname]!;
    }
    return grid;
  }
}

/** The ledger with its first training's hours half an hour more: a correction, so a new version. */
export function corrected(grid: WorkbookGrid): WorkbookGrid {
  const copy = structuredClone(grid);
  const row = sheetOf(copy, 'trainings').rows[1]!;
  const h = col('trainings', 'hours');
  row[h] = Number(row[h]) + 0.5;
  return copy;
}

/** The clerk's request body: gzip JSON, as the client sends it. */
export function bodyOf(year: number, grid: WorkbookGrid): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(JSON.stringify({ year, workbook: encodeWorkbook(grid) })));
}

/** The roster's ID numbers (what the pane sends to POST /history). */
export function rosterIds(grid: WorkbookGrid): string[] {
  return sheetOf(grid, 'teachers')
    .rows.slice(1)
    .map((r) => String(r[col('teachers', 'idNumber')]));
}
