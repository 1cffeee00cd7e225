/**
 * A cycle of yearly ledgers for the preview = server test (issue 13): school A keeps one ledger a
 * year, its last year's ledger lists the year before's trainings again (a cumulative ledger), and
 * the second teacher was at school B until two years before the last and then moved to A. Built
 * on generateSchool's sheets (school, roster), with the trainings written here so the test knows
 * every record's hours.
 */
import { SHEETS, type SheetKey } from '../../shared/contract/sheets.js';
import type { CellValue, WorkbookGrid } from '../../shared/grid.js';
import { DEFAULT_POLICY } from '../../shared/policy/index.js';
import { cycleOf } from '../../shared/policy/rules/cycle-hours.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant } from '../fixtures/plant.js';

export interface School {
  code: string;
  name: string;
}

export interface Training {
  course: string;
  level: string;
  category: string;
  start: string;
  end: string;
  hours: number;
  /** 项目编号, when the clerk names the catalogue entry. */
  code?: string;
}

/** The teachers' trainings of a year: an ethics one at 区级 and a subject one at 市级, hours by year. */
export function trainingsOf(teacher: number, year: number): Training[] {
  const k = year % 10;
  return [
    {
      course: `${year}年师德师风专题培训`,
      level: '区级',
      category: '师德师风',
      start: `${year}-03-01`,
      end: `${year}-03-05`,
      hours: 20 + k + teacher,
    },
    {
      course: `${year}年学科教学能力提升`,
      level: '市级',
      category: '学科教学',
      start: `${year}-10-08`,
      end: `${year}-10-20`,
      hours: 30 + k,
    },
  ];
}

export class FiveYears {
  /** The last year (the one previewed and submitted) and the four before it. */
  readonly years: number[];
  /** Year the mover joined school A; before it they were at school B. */
  readonly moved: number;
  private readonly base: WorkbookGrid;

  constructor(readonly last: number) {
    this.years = [last - 4, last - 3, last - 2, last - 1, last];
    this.moved = last - 1;
    this.base = generateSchool({ seed: 31, teachers: 2, year: last });
  }

  /** The teachers on a school's roster in a year. */
  rosterOf(school: 'A' | 'B', year: number): number[] {
    if (school === 'A') return year >= this.moved ? [0, 1] : [0];
    return year < this.moved ? [1] : [];
  }

  ledger(school: School, which: 'A' | 'B', year: number): WorkbookGrid {
    // The last year's ledger is cumulative: it repeats the year before's trainings.
    const listed = (i: number) =>
      which === 'A' && year === this.last
        ? [...trainingsOf(i, year), ...trainingsOf(i, year - 1)]
        : trainingsOf(i, year);
    return writeLedger(this.base, school, year, this.rosterOf(which, year), listed);
  }

  /** Roster row values of teacher i (0: stays at A, 1: the mover). */
  teacher(i: number): { name: string; idNumber: string } {
    return rosterTeacher(this.base, i);
  }

  /** cycle_hours' actual for teacher i in the last year: each distinct record of the cycle once. */
  expectedCycleHours(i: number): number {
    const { first } = cycleOf(this.last, DEFAULT_POLICY.rules.cycle_hours);
    return this.years
      .filter((y) => y >= first)
      .flatMap((y) => trainingsOf(i, y))
      .reduce((sum, t) => sum + t.hours, 0);
  }
}

const sheetOf = (grid: WorkbookGrid, key: SheetKey) => grid.sheets.find((x) => x.name === SHEETS[key].name)!;
const headerOf = (key: SheetKey, column: string) => SHEETS[key].columns.find((c) => c.key === column)!.header;

/** Teacher i of a generated workbook's roster. */
export function rosterTeacher(base: WorkbookGrid, i: number): { name: string; idNumber: string } {
  const rows = sheetOf(base, 'teachers').rows;
  const at = (key: string) => String(rows[1 + i]![rows[0]!.indexOf(headerOf('teachers', key))]);
  return { name: at('name'), idNumber: at('idNumber') };
}

/**
 * A copy of a generated workbook for a school and year with the roster's teachers `roster` (indexes
 * into it, working since 2010) and exactly the trainings given for each; no duties or milestones.
 */
export function writeLedger(
  base: WorkbookGrid,
  school: School,
  year: number,
  roster: readonly number[],
  trainingsOfTeacher: (i: number) => Training[],
): WorkbookGrid {
  const grid: WorkbookGrid = structuredClone(base);
  plant(grid, 'school', 0, 'schoolCode', school.code);
  plant(grid, 'school', 0, 'schoolName', school.name);
  plant(grid, 'school', 0, 'planSubmittedOn', `${year}-03-01`);
  const teachers = sheetOf(grid, 'teachers');
  const started = teachers.rows[0]!.indexOf(headerOf('teachers', 'startDate'));
  const inPost = teachers.rows[0]!.indexOf(headerOf('teachers', 'postStartDate'));
  teachers.rows = [teachers.rows[0]!, ...roster.map((i) => teachers.rows[1 + i]!)];
  // Working (and in post) since long before any cycle looked at: every cycle year is required of them.
  for (const row of teachers.rows.slice(1)) {
    row[started] = '2010-09';
    if (row[inPost] !== null && row[inPost] !== undefined) row[inPost] = '2010-09-01';
  }
  const trainings = sheetOf(grid, 'trainings');
  const header = [...trainings.rows[0]!];
  if (!header.includes(headerOf('trainings', 'catalogueCode'))) header.push(headerOf('trainings', 'catalogueCode'));
  const rows: CellValue[][] = [];
  for (const i of roster) {
    const who = rosterTeacher(base, i);
    for (const t of trainingsOfTeacher(i)) {
      const values: Record<string, CellValue> = {
        idNumber: who.idNumber,
        name: who.name,
        course: t.course,
        level: t.level,
        category: t.category,
        form: '集中面授',
        startDate: t.start,
        endDate: t.end,
        hours: t.hours,
        catalogueCode: t.code ?? null,
      };
      rows.push(header.map((h) => values[SHEETS.trainings.columns.find((c) => c.header === h)?.key ?? ''] ?? null));
    }
  }
  trainings.rows = [header, ...rows];
  for (const key of ['duties', 'milestones'] as const) {
    const s = grid.sheets.find((x) => x.name === SHEETS[key].name);
    if (s) s.rows = s.rows.slice(0, 1);
  }
  return grid;
}
