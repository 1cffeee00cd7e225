/**
 * The validator: a WorkbookGrid in, every finding and fix of template.md and the records of the
 * rows without errors out. Pure and deterministic; the same code runs in the add-in, the CLI and
 * the worker.
 */
import { SHEET_ORDER, SHEETS, type SheetKey } from '../contract/sheets.js';
import type { WorkbookGrid } from '../grid.js';
import { normalizeHeader } from '../normalize/header.js';
import type { Records } from '../records.js';
import { dutyRecords, milestoneRecords, schoolRecord, teacherRecords, trainingRecords } from './build-records.js';
import { Collector, type SheetPlace } from './collector.js';
import {
  buildRoster,
  checkReferences,
  checkRepeatedDuties,
  checkRepeatedTrainings,
  type PlacedTable,
} from './cross-checks.js';
import { matchSheetName } from './lookup.js';
import { teacherRowHook, trainingRowHook } from './row-hooks.js';
import { readSchool } from './school.js';
import { layoutTable, type RowHook, readTable, type TableLayout } from './table-sheet.js';
import type { DetectedSheet, ValidateOptions, ValidationResult } from './types.js';

const UNKNOWN_RANK = SHEET_ORDER.length;
const PROGRESS_EVERY = 5000;
const TABLE_KEYS: readonly Exclude<SheetKey, 'school'>[] = ['teachers', 'trainings', 'duties', 'milestones'];
const HOOKS: Partial<Record<SheetKey, RowHook>> = { teachers: teacherRowHook, trainings: trainingRowHook };

function isStandardName(name: string, key: SheetKey): boolean {
  return normalizeHeader(name) === normalizeHeader(SHEETS[key].name);
}

/**
 * Which workbook sheet stands for which template sheet. When two sheets claim the same one (名册
 * and 教师名册), the one with the standard name wins, else the first; the other is extra.
 */
function assignSheets(grid: WorkbookGrid): { found: Map<SheetKey, number>; extra: number[] } {
  const found = new Map<SheetKey, number>();
  const extra: number[] = [];
  grid.sheets.forEach((s, i) => {
    const key = matchSheetName(s.name);
    const prev = key === undefined ? undefined : found.get(key);
    if (key === undefined) {
      extra.push(i);
    } else if (prev === undefined) {
      found.set(key, i);
    } else if (isStandardName(s.name, key) && !isStandardName(grid.sheets[prev]!.name, key)) {
      extra.push(prev);
      found.set(key, i);
    } else {
      extra.push(i);
    }
  });
  extra.sort((a, b) => a - b);
  return { found, extra };
}

export function validateWorkbook(grid: WorkbookGrid, opts: ValidateOptions): ValidationResult {
  const year = opts.year;
  const date1904 = grid.date1904 === true;
  const collector = new Collector(opts.lang ?? 'zh');
  const { found, extra } = assignSheets(grid);

  for (const i of extra) {
    const name = grid.sheets[i]!.name;
    collector.add('sheet.extra', { name, rank: UNKNOWN_RANK }, null, null, null, null, { value: name });
  }
  for (const key of SHEET_ORDER) {
    if (SHEETS[key].required && !found.has(key)) {
      collector.add('sheet.missing', { name: null, rank: SHEET_ORDER.indexOf(key) }, null, null, null, null, {
        sheet: SHEETS[key].name,
      });
    }
  }

  const placeOf = (key: SheetKey): SheetPlace & { name: string } => ({
    name: grid.sheets[found.get(key)!]!.name,
    rank: SHEET_ORDER.indexOf(key),
  });
  const detected: DetectedSheet[] = [];
  const records: Records = {
    school: null,
    teachers: [],
    invalidTeachers: [],
    trainings: [],
    duties: [],
    milestones: [],
  };

  const schoolIndex = found.get('school');
  if (schoolIndex !== undefined) {
    const sheet = grid.sheets[schoolIndex]!;
    const s = readSchool(sheet, schoolIndex, { collector, place: placeOf('school'), sheet, year, date1904 });
    detected.push(s.detected);
    if (!s.bad) records.school = schoolRecord(s.values);
  }

  const layouts = new Map<SheetKey, TableLayout>();
  let total = 0;
  for (const key of TABLE_KEYS) {
    const i = found.get(key);
    if (i === undefined) continue;
    const layout = layoutTable(SHEETS[key], grid.sheets[i]!, i);
    layouts.set(key, layout);
    if (layout.span) total += layout.span.end - layout.span.start;
  }
  let done = 0;
  const onProgress = opts.onProgress;
  const tick = onProgress
    ? () => {
        if (++done % PROGRESS_EVERY === 0) onProgress(done, total);
      }
    : () => {};

  const tables = new Map<SheetKey, PlacedTable>();
  for (const [key, layout] of layouts) {
    const place = placeOf(key);
    const table = readTable(layout, { collector, place, sheet: layout.sheet, year, date1904 }, HOOKS[key], tick);
    tables.set(key, { table, place });
    detected.push(table.detected);
  }
  onProgress?.(total, total);

  const teachers = tables.get('teachers');
  // An empty roster is one sheet.empty to fix, not an unknown teacher on every training row.
  const rosterReadable = teachers?.table.plan.has('idNumber') && teachers.table.rows.length > 0;
  const roster = teachers && rosterReadable ? buildRoster(teachers, collector) : null;
  for (const key of ['trainings', 'duties', 'milestones'] as const) {
    const t = tables.get(key);
    if (t) checkReferences(t, roster, collector);
  }
  const trainings = tables.get('trainings');
  if (trainings) checkRepeatedTrainings(trainings, collector);
  const duties = tables.get('duties');
  if (duties) checkRepeatedDuties(duties, collector);

  const t = teacherRecords(teachers?.table ?? null);
  records.teachers = t.teachers;
  records.invalidTeachers = t.invalidTeachers;
  records.trainings = trainingRecords(trainings?.table ?? null);
  records.duties = dutyRecords(duties?.table ?? null);
  records.milestones = milestoneRecords(tables.get('milestones')?.table ?? null);

  const findings = collector.sortedFindings();
  const fixes = collector.sortedFixes();
  detected.sort((a, b) => SHEET_ORDER.indexOf(a.key) - SHEET_ORDER.indexOf(b.key));
  return {
    ok: collector.errors === 0,
    year,
    counts: {
      teachers: teachers?.table.rows.length ?? 0,
      trainings: trainings?.table.rows.length ?? 0,
      duties: duties?.table.rows.length ?? 0,
      milestones: tables.get('milestones')?.table.rows.length ?? 0,
      errors: collector.errors,
      warnings: collector.warnings,
      fixes: fixes.length,
    },
    findings,
    fixes,
    records,
    sheets: detected,
  };
}
