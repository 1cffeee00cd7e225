/**
 * Checks the cells of one row (or of one key/value sheet) against the columns found, reporting
 * findings and fixes as it goes, and returns the row's normalized values.
 */

import { FINDING_CODES, type FindingCode, type ReportValue } from '../contract/codes.js';
import type { MessageDetails } from '../contract/messages.js';
import type { ColumnDef } from '../contract/sheets.js';
import { type CellValue, isCellError, type SheetGrid } from '../grid.js';
import { latestBirthDate } from '../id-number.js';
import type { RawValue } from '../normalize/result.js';
import { isBlank, plainText, trimText } from '../normalize/text.js';
import { boundsOf, type CheckContext, type Checker, type CheckResult, makeChecker } from './cell.js';
import { type Collector, reportValue, type SheetPlace } from './collector.js';

export interface ColumnPlan {
  def: ColumnDef;
  /** Zero-based column index of the cell in the sheet. */
  index: number;
  check: Checker;
}

/**
 * A cell's normalized value by column key: undefined when it had an error, null when empty. A table
 * row's values also hold `row`, its 1-based row number in the sheet (no column has that key).
 */
export type RowValues = Record<string, string | number | null | undefined>;

/**
 * Every write of a row's value goes through this one store. Each sheet's rows have their own
 * shape (their own keys), and a store the compiler has seen with many keys and shapes is compiled
 * for any of them; a store inside readTable's loop would be compiled for the first sheet's shape
 * and thrown out, with all the loop around it, at the next sheet.
 */
export function setValue(values: RowValues, key: string, value: RowValues[string]): void {
  values[key] = value;
}

export interface RowContext extends CheckContext {
  collector: Collector;
  place: SheetPlace & { name: string };
  sheet: SheetGrid;
}

export function planColumns(
  defs: readonly ColumnDef[],
  indexOf: (key: string) => number | undefined,
  ctx: CheckContext,
): ColumnPlan[] {
  const plan: ColumnPlan[] = [];
  for (const def of defs) {
    const index = indexOf(def.key);
    if (index !== undefined)
      plan.push({ def, index, check: makeChecker(def, { year: ctx.year, date1904: ctx.date1904 }) });
  }
  return plan;
}

/**
 * Reads one cell into `values`; returns true when the cell has an error (the row then makes no
 * record). Conditional requirements are checked afterwards by checkConditions.
 */
export function readCell(
  ctx: RowContext,
  p: ColumnPlan,
  raw: CellValue | undefined,
  rowIndex: number,
  values: RowValues,
): boolean {
  // Most cells are text or numbers with nothing to fix: they take the first branch alone.
  if ((typeof raw === 'string' && !isBlank(raw)) || typeof raw === 'number' || typeof raw === 'boolean') {
    return checked(ctx, p, raw, rowIndex, values);
  }
  const key = p.def.key;
  if (raw !== null && raw !== undefined && isCellError(raw)) {
    report(ctx, 'cell.error_value', p, rowIndex, raw.error, { header: p.def.header, value: raw.error });
    setValue(values, key, undefined);
    return true;
  }
  if (raw === null || raw === undefined || isBlank(raw)) {
    setValue(values, key, p.def.emptyMeans ?? null);
    if (p.def.required === 'yes') {
      report(ctx, 'required', p, rowIndex, reportValue(raw), { header: p.def.header });
      return true;
    }
    // A cell of nothing but spaces reads as empty; the clearing is listed like any other trim.
    if (typeof raw === 'string' && raw !== '')
      ctx.collector.fix('fix.trim', ctx.place, rowIndex, p.index, key, raw, null);
    return false;
  }
  return checked(ctx, p, raw, rowIndex, values);
}

/** A cell with a value (no error value, not blank) through its column's checker. */
function checked(
  ctx: RowContext,
  p: ColumnPlan,
  raw: Exclude<RawValue, null>,
  rowIndex: number,
  values: RowValues,
): boolean {
  const r = p.check(raw);
  if (r.ok) {
    setValue(values, p.def.key, r.value);
    if (r.fixes.length > 0) listFixes(ctx, p, rowIndex, raw, r);
    return false;
  }
  const severity = FINDING_CODES[r.code];
  setValue(values, p.def.key, severity === 'error' ? undefined : trimText(plainText(raw)));
  report(ctx, r.code, p, rowIndex, reportValue(raw), details(ctx, p.def, raw, r));
  return severity === 'error';
}

/** The fixes a cell's value was read with, apart: most cells have none. */
function listFixes(
  ctx: RowContext,
  p: ColumnPlan,
  rowIndex: number,
  raw: Exclude<RawValue, null>,
  r: Extract<CheckResult, { ok: true }>,
): void {
  for (let i = 0; i < r.fixes.length; i++) {
    ctx.collector.fix(r.fixes[i]!, ctx.place, rowIndex, p.index, p.def.key, reportValue(raw), r.value);
  }
}

function details(
  ctx: RowContext,
  def: ColumnDef,
  raw: Exclude<RawValue, null>,
  r: Exclude<CheckResult, { ok: true }>,
): MessageDetails {
  const d: MessageDetails = { header: def.header, reason: r.reason, suggestion: r.suggestion, year: ctx.year };
  // An ID number is never repeated in a message; the finding's value field carries it.
  if (def.type.kind !== 'idNumber') d.value = r.shown ?? trimText(plainText(raw));
  if (def.type.kind === 'enum') d.allowed = def.type.def.values;
  if (r.code === 'number.range') d.bounds = boundsOf(def);
  if (r.code === 'text.invalid' && def.type.kind === 'text')
    d.expected = `${def.type.minLength ?? 0}–${def.type.maxLength ?? '∞'}`;
  if (r.code === 'id_number.birthdate') d.expected = latestBirthDate(ctx.year);
  return d;
}

function report(
  ctx: RowContext,
  code: FindingCode,
  p: ColumnPlan,
  rowIndex: number,
  value: ReportValue,
  d: MessageDetails,
): void {
  ctx.collector.add(code, ctx.place, rowIndex, p.index, p.def.key, value, d);
}

/**
 * Conditional requirements (任现职时间 for 校长/副校长, 称号级别 for a 骨干称号): an empty cell is
 * `required`; when the column itself is absent the row is marked bad and the caller reports one
 * header.missing for the sheet. A condition on a value that had its own error is not evaluated.
 */
export function checkConditions(
  ctx: RowContext,
  conditional: readonly ColumnDef[],
  plan: ReadonlyMap<string, ColumnPlan>,
  byKey: ReadonlyMap<string, ColumnDef>,
  rowIndex: number,
  values: RowValues,
  absentNeeded: Set<string>,
): boolean {
  let bad = false;
  for (const def of conditional) {
    const req = def.required;
    if (typeof req !== 'object') continue;
    const deciding = values[req.when];
    if (typeof deciding !== 'string') continue;
    const applies = 'in' in req ? req.in.includes(deciding) : !req.notIn.includes(deciding);
    if (!applies) continue;
    const p = plan.get(def.key);
    if (!p) {
      absentNeeded.add(def.key);
      bad = true;
      continue;
    }
    if (values[def.key] !== null) continue;
    const whenDef = byKey.get(req.when);
    report(ctx, 'required', p, rowIndex, null, {
      header: def.header,
      reason: 'conditional',
      whenHeader: whenDef?.header ?? req.when,
      whenValues: 'in' in req ? req.in : req.notIn,
      whenNot: !('in' in req),
    });
    bad = true;
  }
  return bad;
}
