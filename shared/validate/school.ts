/**
 * 学校概况 in either layout: a key/value sheet (field names in column A, values in column B) or a
 * one-row table with the fields as headers.
 */
import { SCHOOL_SHEET } from '../contract/sheets.js';
import type { SheetGrid } from '../grid.js';
import { HEADER_LOOKUPS, matchHeader } from './lookup.js';
import { planColumns, type RowContext, type RowValues, readCell } from './row-reader.js';
import { findHeaderRow, isBlankRow, readHeader } from './table.js';
import type { DetectedSheet } from './types.js';

const LOOKUP = HEADER_LOOKUPS.get('school')!;
/** How far down column A a key/value sheet's fields are looked for. */
const KEY_VALUE_SEARCH_ROWS = 50;

export interface SchoolRead {
  detected: DetectedSheet;
  values: RowValues;
  /** A cell had an error or a required field is absent: no SchoolRecord. */
  bad: boolean;
}

function keyValueRows(sheet: SheetGrid): Map<string, number> {
  const rows = new Map<string, number>();
  const n = Math.min(KEY_VALUE_SEARCH_ROWS, sheet.rows.length);
  for (let r = 0; r < n; r++) {
    const a = sheet.rows[r]?.[0];
    if (typeof a !== 'string') continue;
    const key = matchHeader(a, LOOKUP);
    if (key !== undefined && !rows.has(key)) rows.set(key, r);
  }
  return rows;
}

export function readSchool(sheet: SheetGrid, sheetIndex: number, ctx: RowContext): SchoolRead {
  const required = LOOKUP.requiredKeys;
  const kv = keyValueRows(sheet);
  const kvHits = required.filter((k) => kv.has(k)).length;
  const values: RowValues = {};
  let bad = false;
  if (kvHits > 0 && kvHits * 2 >= required.length) {
    const plan = planColumns(SCHOOL_SHEET.columns, (k) => (kv.has(k) ? 1 : undefined), ctx);
    for (const p of plan) {
      const r = kv.get(p.def.key)!;
      if (readCell(ctx, p, sheet.rows[r]?.[1], r, values)) bad = true;
    }
    bad = reportMissing(ctx, (k) => kv.has(k), null, values) || bad;
    const columns: Record<string, number> = {};
    for (const k of kv.keys()) columns[k] = 1;
    return { detected: { key: 'school', name: sheet.name, index: sheetIndex, headerRow: null, columns }, values, bad };
  }
  const headerRow = findHeaderRow(sheet, LOOKUP);
  if (headerRow === null) {
    reportMissing(ctx, () => false, null, values, 'no-header-row');
    return {
      detected: { key: 'school', name: sheet.name, index: sheetIndex, headerRow: null, columns: {} },
      values,
      bad: true,
    };
  }
  const columns: Record<string, number> = {};
  for (const h of readHeader(sheet.rows[headerRow]!, LOOKUP)) {
    if (h.key !== null) columns[h.key] = h.index;
    else ctx.collector.add('column.extra', ctx.place, headerRow, h.index, null, h.text, { value: h.text });
  }
  const plan = planColumns(SCHOOL_SHEET.columns, (k) => columns[k], ctx);
  let dataRow = headerRow + 1;
  while (dataRow < sheet.rows.length && isBlankRow(sheet.rows[dataRow])) dataRow++;
  const cells = sheet.rows[dataRow] ?? [];
  for (const p of plan) if (readCell(ctx, p, cells[p.index], dataRow, values)) bad = true;
  bad = reportMissing(ctx, (k) => k in columns, headerRow, values) || bad;
  return {
    detected: { key: 'school', name: sheet.name, index: sheetIndex, headerRow: headerRow + 1, columns },
    values,
    bad,
  };
}

/** One header.missing per absent required field; absent optional fields read as empty. */
function reportMissing(
  ctx: RowContext,
  present: (key: string) => boolean,
  headerRow: number | null,
  values: RowValues,
  reason?: string,
): boolean {
  let bad = false;
  for (const def of SCHOOL_SHEET.columns) {
    if (present(def.key)) continue;
    if (def.required !== 'yes') {
      values[def.key] = def.emptyMeans ?? null;
      continue;
    }
    ctx.collector.add('header.missing', ctx.place, headerRow, headerRow === null ? null : 0, def.key, null, {
      sheet: SCHOOL_SHEET.name,
      header: def.header,
      reason,
    });
    bad = true;
  }
  return bad;
}
