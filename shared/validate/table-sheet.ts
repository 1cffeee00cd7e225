/**
 * Reads one table sheet (教师名册, 培训记录, 骨干履职, 青年教师考核): header row, column map, extra and
 * missing columns, totals rows, a roster or 培训记录 without data rows (sheet.empty), and every
 * data row's cells. Checks across rows and sheets come later (cross-checks.ts), once every sheet
 * is read.
 */
import { SHEET_EMPTY_SEVERITY } from '../contract/codes.js';
import type { ColumnDef, SheetDef, SheetKey } from '../contract/sheets.js';
import type { SheetGrid } from '../grid.js';
import { headerLookupOf } from './lookup.js';
import {
  type ColumnPlan,
  checkConditions,
  planColumns,
  type RowContext,
  type RowValues,
  readCell,
  setValue,
} from './row-reader.js';
import { type DataSpan, dataSpan, findHeaderRow, isBlankRow, readHeader } from './table.js';
import type { DetectedSheet } from './types.js';

export interface ParsedRow {
  /** Zero-based row index in the sheet. */
  index: number;
  values: RowValues;
  /** The row has at least one error: it makes no record. */
  bad: boolean;
  /** A later copy of a training (duplicate.training): a warning, but its hours must count once. */
  repeat: boolean;
}

export interface TableLayout<K extends string = SheetKey> {
  def: SheetDef<K>;
  sheet: SheetGrid;
  detected: DetectedSheet<K>;
  /** Zero-based header row, or null when none was found (then nothing else is read). */
  headerRow: number | null;
  span: DataSpan | null;
}

export interface ParsedTable<K extends string = SheetKey> extends TableLayout<K> {
  plan: ReadonlyMap<string, ColumnPlan>;
  rows: ParsedRow[];
  /** A required column is absent: no row of this sheet can make a record. */
  incomplete: boolean;
}

/** Finds the header row and the data span; cheap, so the row total for progress is known up front. */
export function layoutTable<K extends string>(def: SheetDef<K>, sheet: SheetGrid, index: number): TableLayout<K> {
  const headerRow = findHeaderRow(sheet, headerLookupOf(def));
  return {
    def,
    sheet,
    detected: {
      key: def.key,
      name: sheet.name,
      index,
      headerRow: headerRow === null ? null : headerRow + 1,
      columns: {},
    },
    headerRow,
    span: headerRow === null ? null : dataSpan(sheet, headerRow),
  };
}

export type RowHook = (
  ctx: RowContext,
  plan: ReadonlyMap<string, ColumnPlan>,
  rowIndex: number,
  values: RowValues,
) => boolean;

export function readTable<K extends string>(
  layout: TableLayout<K>,
  ctx: RowContext,
  hook: RowHook | undefined,
  tick: () => void,
): ParsedTable<K> {
  const { def, sheet, headerRow, span } = layout;
  const lookup = headerLookupOf(def);
  const parsed: ParsedTable<K> = {
    def,
    sheet,
    detected: layout.detected,
    headerRow,
    span,
    plan: new Map(),
    rows: [],
    incomplete: true,
  };
  if (headerRow === null || span === null) {
    for (const key of lookup.requiredKeys) {
      const col = lookup.byKey.get(key)!;
      ctx.collector.add('header.missing', ctx.place, null, null, key, null, {
        sheet: def.name,
        header: col.header,
        reason: 'no-header-row',
      });
    }
    return parsed;
  }
  const columns = layout.detected.columns;
  for (const h of readHeader(sheet.rows[headerRow]!, lookup)) {
    if (h.key !== null) columns[h.key] = h.index;
    else ctx.collector.add('column.extra', ctx.place, headerRow, h.index, null, h.text, { value: h.text });
  }
  const planList = planColumns(def.columns, (k) => columns[k], ctx);
  const plan = new Map(planList.map((p) => [p.def.key, p]));
  parsed.plan = plan;
  let incomplete = false;
  for (const col of def.columns) {
    if (!plan.has(col.key) && col.required === 'yes') {
      incomplete = true;
      ctx.collector.add('header.missing', ctx.place, headerRow, 0, col.key, null, {
        sheet: def.name,
        header: col.header,
      });
    }
  }
  parsed.incomplete = incomplete;
  const conditional = def.columns.filter((c) => typeof c.required === 'object');
  // Every row's values object is cloned from one with all the sheet's keys: one allocation of the
  // right shape per row instead of a dozen property additions. The row number comes first, so that
  // a clean row's values are already its record where the record is the columns (build-records.ts).
  // Built up from an empty object: cloning one that began as the literal { row: 0 } is many
  // times slower once it has a roster's 18 fields (the engine copies it the slow way).
  const template: RowValues = {};
  template.row = 0;
  for (const col of def.columns) template[col.key] = plan.has(col.key) ? null : (col.emptyMeans ?? null);
  const absentNeeded = new Set<string>();

  readRows(parsed, { ctx, span, planList, template, conditional, byKey: lookup.byKey, absentNeeded }, tick);
  // The checks between a row's cells, in a loop of their own: each sheet has its own, and a call
  // that changes from one sheet to the next would throw the compiled cell loop away. A hook's
  // findings sit on cells whose own value was read without one, so their order is the same.
  if (hook) applyHook(parsed, hook, ctx);

  for (const key of absentNeeded) {
    const col = lookup.byKey.get(key)!;
    const req = col.required;
    if (typeof req !== 'object') continue;
    ctx.collector.add('header.missing', ctx.place, headerRow, 0, key, null, {
      sheet: def.name,
      header: col.header,
      reason: 'conditional',
      whenHeader: lookup.byKey.get(req.when)?.header ?? req.when,
      whenValues: 'in' in req ? req.in : req.notIn,
      whenNot: !('in' in req),
    });
  }
  for (const [rowIndex, col] of span.totals) {
    ctx.collector.add('row.totals', ctx.place, rowIndex, col, null, sheet.rows[rowIndex]![col] as string, {});
  }
  const key: string = def.key;
  if (parsed.rows.length === 0 && (key === 'teachers' || key === 'trainings')) {
    const severity = SHEET_EMPTY_SEVERITY[key];
    ctx.collector.add(
      'sheet.empty',
      ctx.place,
      headerRow,
      0,
      null,
      null,
      { sheet: def.name, reason: severity },
      severity,
    );
  }
  return parsed;
}

interface RowReading {
  ctx: RowContext;
  span: DataSpan;
  planList: readonly ColumnPlan[];
  template: RowValues;
  conditional: readonly ColumnDef[];
  byKey: ReadonlyMap<string, ColumnDef>;
  absentNeeded: Set<string>;
}

/**
 * The rows of the table's span, each read cell by cell. A function of its own, called once per
 * sheet: the engine compiles this loop while the first sheet runs it, and code after the loop in
 * the same function (not yet run then, so compiled without knowing its calls) would throw the
 * compiled loop away when it first runs, and again for each sheet.
 */
function readRows<K extends string>(parsed: ParsedTable<K>, reading: RowReading, tick: () => void): void {
  const { ctx, span, planList, template, conditional, byKey, absentNeeded } = reading;
  const { sheet, plan } = parsed;
  for (let r = span.start; r < span.end; r++) {
    tick();
    const cells = sheet.rows[r];
    if (!cells || isBlankRow(cells)) continue;
    const values: RowValues = { ...template };
    setValue(values, 'row', r + 1);
    let bad = false;
    for (let i = 0; i < planList.length; i++) {
      const p = planList[i]!;
      if (readCell(ctx, p, cells[p.index], r, values)) bad = true;
    }
    if (conditional.length > 0 && checkConditions(ctx, conditional, plan, byKey, r, values, absentNeeded)) bad = true;
    parsed.rows.push({ index: r, values, bad, repeat: false });
  }
}

function applyHook<K extends string>(parsed: ParsedTable<K>, hook: RowHook, ctx: RowContext): void {
  const rows = parsed.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (hook(ctx, parsed.plan, row.index, row.values)) row.bad = true;
  }
}
