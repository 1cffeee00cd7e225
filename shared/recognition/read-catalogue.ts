/**
 * A catalogue workbook (培训项目目录 and optional 参训名单) read by the validator's own table
 * machinery, so the bureau gets the clerk's reading rules: sheets found by name or alias, the
 * header row among the first 10, trailing totals rows skipped, every fix listed and every finding at
 * its cell. Then the catalogue's own cross-checks: a code used twice, a list row whose code is not in
 * the catalogue, the same teacher twice on one list.
 */
import type { Finding, Fix, Lang } from '../contract/codes.js';
import type { TrainingCategory, TrainingForm } from '../contract/enums.js';
import type { WorkbookGrid } from '../grid.js';
import { normalizeHeader } from '../normalize/header.js';
import { Collector, reportValue, type SheetPlace } from '../validate/collector.js';
import { trainingRowHook } from '../validate/row-hooks.js';
import { layoutTable, type ParsedTable, type RowHook, readTable } from '../validate/table-sheet.js';
import {
  CATALOGUE_ATTENDEES_SHEET,
  CATALOGUE_ENTRIES_SHEET,
  CATALOGUE_SHEETS,
  type CatalogueSheetKey,
} from './catalogue-sheets.js';
import { foldCode } from './fold.js';
import type { CatalogueEntry, CatalogueLevel } from './types.js';

export interface CatalogueRow extends CatalogueEntry {
  /** The sheet's own 1-based row number. */
  row: number;
}

export interface CatalogueAttendee {
  row: number;
  /** The entry's code as the catalogue sheet spells it. */
  code: string;
  idNumber: string;
  name: string;
}

export interface CatalogueReadResult {
  ok: boolean;
  year: number;
  counts: { entries: number; attendees: number; errors: number; warnings: number; fixes: number };
  findings: Finding[];
  fixes: Fix[];
  /** The rows without errors. */
  entries: CatalogueRow[];
  attendees: CatalogueAttendee[];
  /** The workbook has a 参训名单 sheet: its rows are the whole lists of the entries it imports. */
  hasAttendeeSheet: boolean;
}

const UNKNOWN_RANK = CATALOGUE_SHEETS.length;

function sheetKeyOf(name: string): CatalogueSheetKey | undefined {
  const n = normalizeHeader(name);
  for (const def of CATALOGUE_SHEETS) {
    if (normalizeHeader(def.name) === n || def.aliases.some((a) => normalizeHeader(a) === n)) return def.key;
  }
  return undefined;
}

/** An entry of year Y is a training that ends in Y: that is the catalogue its records are matched against. */
function yearHook(year: number): RowHook {
  const prefix = `${year}-`;
  return (ctx, plan, r, values) => {
    const end = values.endDate;
    const ep = plan.get('endDate');
    if (!ep || typeof end !== 'string' || end.startsWith(prefix)) return false;
    ctx.collector.add('date.range', ctx.place, r, ep.index, 'endDate', reportValue(ctx.sheet.rows[r]?.[ep.index]), {
      header: ep.def.header,
      value: end,
      year,
      reason: 'catalogue-year',
    });
    return true;
  };
}

export function readCatalogue(grid: WorkbookGrid, opts: { year: number; lang?: Lang }): CatalogueReadResult {
  const { year } = opts;
  const collector = new Collector(opts.lang ?? 'zh');
  const found = new Map<CatalogueSheetKey, number>();
  grid.sheets.forEach((s, i) => {
    const key = sheetKeyOf(s.name);
    if (key !== undefined && !found.has(key)) found.set(key, i);
    else
      collector.add('sheet.extra', { name: s.name, rank: UNKNOWN_RANK }, null, null, null, null, {
        value: s.name,
        reason: 'catalogue',
      });
  });
  const read = (key: CatalogueSheetKey, hook?: RowHook) => {
    const index = found.get(key);
    if (index === undefined) return null;
    const def = key === 'entries' ? CATALOGUE_ENTRIES_SHEET : CATALOGUE_ATTENDEES_SHEET;
    const sheet = grid.sheets[index]!;
    const place: SheetPlace & { name: string } = { name: sheet.name, rank: CATALOGUE_SHEETS.indexOf(def) };
    const ctx = { collector, place, sheet, year, date1904: grid.date1904 === true };
    const table = readTable(layoutTable(def, sheet, index), ctx, hook, () => {});
    return { table, place };
  };

  if (!found.has('entries')) {
    collector.add('sheet.missing', { name: null, rank: 0 }, null, null, null, null, {
      sheet: CATALOGUE_ENTRIES_SHEET.name,
    });
  }
  const onEntry = yearHook(year);
  const entriesRead = read(
    'entries',
    (ctx, plan, r, v) => trainingRowHook(ctx, plan, r, v) || onEntry(ctx, plan, r, v),
  );
  const attendeesRead = read('attendees');

  const byCode = new Map<string, { code: string; rowIndex: number }>();
  const entries: CatalogueRow[] = [];
  if (entriesRead) {
    const { table, place } = entriesRead;
    const codeCol = table.plan.get('code');
    for (const row of table.rows) {
      const c = row.values.code;
      if (typeof c !== 'string' || !codeCol) continue;
      const first = byCode.get(foldCode(c));
      if (first) {
        collector.add('duplicate.entry', place, row.index, codeCol.index, 'code', c, {
          value: c,
          other: String(first.rowIndex + 1),
        });
        row.bad = true;
      } else {
        byCode.set(foldCode(c), { code: c, rowIndex: row.index });
      }
    }
    if (!table.incomplete) for (const row of table.rows) if (!row.bad) entries.push(entryOf(row.index, row.values));
  }

  const attendees: CatalogueAttendee[] = [];
  if (attendeesRead) attendees.push(...readAttendees(attendeesRead.table, attendeesRead.place, byCode, collector));

  const findings = collector.sortedFindings();
  const fixes = collector.sortedFixes();
  return {
    ok: collector.errors === 0,
    year,
    counts: {
      entries: entriesRead?.table.rows.length ?? 0,
      attendees: attendeesRead?.table.rows.length ?? 0,
      errors: collector.errors,
      warnings: collector.warnings,
      fixes: fixes.length,
    },
    findings,
    fixes,
    entries,
    attendees,
    hasAttendeeSheet: attendeesRead !== null,
  };
}

function entryOf(index: number, v: ParsedTable<CatalogueSheetKey>['rows'][number]['values']): CatalogueRow {
  return {
    row: index + 1,
    code: v.code as string,
    course: v.course as string,
    level: v.level as CatalogueLevel,
    category: v.category as TrainingCategory,
    form: v.form as TrainingForm,
    startDate: v.startDate as string,
    endDate: v.endDate as string,
    hours: v.hours as number,
    organizer: typeof v.organizer === 'string' ? v.organizer : null,
  };
}

function readAttendees(
  table: ParsedTable<CatalogueSheetKey>,
  place: SheetPlace & { name: string },
  byCode: ReadonlyMap<string, { code: string; rowIndex: number }>,
  collector: Collector,
): CatalogueAttendee[] {
  const out: CatalogueAttendee[] = [];
  const codeCol = table.plan.get('code');
  const idCol = table.plan.get('idNumber');
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const c = row.values.code;
    const id = row.values.idNumber;
    if (typeof c === 'string' && codeCol) {
      const entry = byCode.get(foldCode(c));
      if (!entry) {
        collector.add('catalogue.unknown_code', place, row.index, codeCol.index, 'code', c, { value: c });
        row.bad = true;
      } else if (typeof id === 'string' && idCol) {
        const key = `${entry.code}\u0000${id}`;
        const first = seen.get(key);
        if (first !== undefined) {
          collector.add(
            'duplicate.attendee',
            place,
            row.index,
            idCol.index,
            'idNumber',
            reportValue(table.sheet.rows[row.index]?.[idCol.index]),
            {
              value: entry.code,
              other: String(first + 1),
            },
          );
          continue;
        }
        seen.set(key, row.index);
      }
    }
    if (row.bad || table.incomplete) continue;
    out.push({
      row: row.index + 1,
      code: byCode.get(foldCode(c as string))!.code,
      idNumber: id as string,
      name: row.values.name as string,
    });
  }
  return out;
}
