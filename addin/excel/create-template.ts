/**
 * Adds the standard sheets a workbook lacks, everything derived from shared/contract/sheets.ts:
 * headers, the text format on ID and other text columns (so Excel cannot turn an ID into a number
 * again), dates formatted as dates, a dropdown for every enum column sourced from the very hidden
 * `_lists` sheet (the same layout as the .xlsx template), a frozen header and the contract's widths.
 * A sheet found by its name or an alias is left alone when it holds anything; an empty one is filled.
 * Three syncs: names, which of the found sheets are empty (none when no sheet is found), the writes.
 *
 * Dropdowns need ExcelApi 1.8, the frozen header 1.7 and the widths 1.2; an older Excel gets the
 * sheets without them (the pane says so). Below 1.4 a found sheet counts as empty only when its used
 * range is the single empty cell A1, i.e. not even a format is on it.
 *
 * Built while connected, 培训记录's 项目编号 gets a dropdown of the bureau's catalogue codes for the
 * year (issue 14), from its own column of `_lists`: a range has no length limit, where an inline
 * list stops at 255 characters (a few dozen codes). A code not in the list is warned about, not
 * refused: the server records it as 待认定 and the bureau may add the entry later.
 */
import type { EnumDef } from '../../shared/contract/enums.js';
import { type ColumnDef, SHEET_LIST, type SheetDef } from '../../shared/contract/sheets.js';
import { columnLetter } from '../../shared/grid.js';
import { DROPDOWN_ALERTS } from '../../shared/labels/template.js';
import { isTextColumn } from '../../workbook/columns.js';
import type { TemplateOptions } from '../../workbook/write-template.js';
import { type ExcelCaps, LISTS_SHEET, quoteSheet, suspendWhileWriting, widthInPoints } from './caps.js';
import { countSyncs, syncWithin } from './sync.js';

/** Rows below the header that carry the formats and dropdowns (as in the .xlsx template). */
export const TEMPLATE_ROWS = 10_000;

export interface TemplateOutcome {
  added: string[];
  filled: string[];
  kept: string[];
  /** Whether 项目编号 got the catalogue's codes (given, dropdowns supported, 培训记录 written). */
  codeDropdown: boolean;
  syncs: number;
}

function formatOf(col: ColumnDef): string | null {
  if (isTextColumn(col)) return '@';
  if (col.type.kind === 'date') return 'yyyy-mm-dd';
  if (col.type.kind === 'yearMonth') return 'yyyy-mm';
  return null;
}

/** Number formats of a whole range take one value (the typings only show the 2-D form). */
function setRangeFormat(range: Excel.Range, format: string): void {
  range.set({ numberFormat: format as unknown as string[][] });
}

/** One column of `_lists` per distinct enum, in first-use order. */
function enumColumns(): Map<EnumDef, string> {
  const map = new Map<EnumDef, string>();
  for (const sheet of SHEET_LIST) {
    for (const col of sheet.columns) {
      if (col.type.kind === 'enum' && !map.has(col.type.def)) map.set(col.type.def, columnLetter(map.size));
    }
  }
  return map;
}

function listSource(def: EnumDef, lists: Map<EnumDef, string>): string {
  const letter = lists.get(def)!;
  return `=${quoteSheet(LISTS_SHEET)}!$${letter}$1:$${letter}$${def.values.length}`;
}

/** Where the dropdowns' values are: a column of `_lists` per enum, and the catalogue codes' range if any. */
interface Lists {
  enums: Map<EnumDef, string>;
  /** The source of 项目编号's dropdown, or null. */
  codes: string | null;
}

function addCodeDropdown(range: Excel.Range, col: ColumnDef, source: string, caps: ExcelCaps): void {
  if (!caps.dataValidation) return;
  range.dataValidation.rule = { list: { inCellDropDown: true, source } };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Warning',
    title: col.header,
    message: DROPDOWN_ALERTS.catalogueCode,
  };
}

function addDropdown(range: Excel.Range, col: ColumnDef, lists: Lists, caps: ExcelCaps): void {
  if (col.key === 'catalogueCode' && lists.codes !== null) {
    addCodeDropdown(range, col, lists.codes, caps);
    return;
  }
  if (col.type.kind !== 'enum' || !caps.dataValidation) return;
  range.dataValidation.rule = { list: { inCellDropDown: true, source: listSource(col.type.def, lists.enums) } };
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: 'Warning',
    title: col.header,
    message: DROPDOWN_ALERTS.chooseFromList(col.header),
  };
}

function writeTable(ws: Excel.Worksheet, def: SheetDef, lists: Lists, caps: ExcelCaps): void {
  const last = columnLetter(def.columns.length - 1);
  const header = ws.getRange(`A1:${last}1`);
  header.values = [def.columns.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.fill.color = '#E2EFDA';
  def.columns.forEach((col, i) => {
    const letter = columnLetter(i);
    if (caps.columnWidths) ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(col.width);
    const format = formatOf(col);
    const body = ws.getRange(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`);
    if (format) setRangeFormat(body, format);
    addDropdown(body, col, lists, caps);
  });
  if (caps.freezePanes) ws.freezePanes.freezeRows(1);
}

/** 学校概况: the fields down column A, the values in column B. */
function writeKeyValue(ws: Excel.Worksheet, def: SheetDef, lists: Lists, caps: ExcelCaps): void {
  ws.getRange(`A1:A${def.columns.length}`).values = def.columns.map((c) => [c.header]);
  ws.getRange(`A1:A${def.columns.length}`).format.font.bold = true;
  if (caps.columnWidths) {
    ws.getRange('A:A').format.columnWidth = widthInPoints(26);
    ws.getRange('B:B').format.columnWidth = widthInPoints(30);
  }
  def.columns.forEach((col, i) => {
    const cell = ws.getRange(`B${i + 1}`);
    const format = formatOf(col);
    if (format) cell.numberFormat = [[format]];
    addDropdown(cell, col, lists, caps);
  });
  if (caps.freezePanes) ws.freezePanes.freezeColumns(1);
}

/** Queues what tells whether a found sheet is empty; read after the sync. */
function queueIsEmpty(ws: Excel.Worksheet, caps: ExcelCaps): () => boolean {
  if (caps.nullObjects) {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('isNullObject');
    return () => used.isNullObject;
  }
  const used = ws.getUsedRange();
  used.load('address');
  const first = ws.getRange('A1');
  first.load('values');
  return () => /!\$?A\$?1$/.test(used.address) && (first.values[0]?.[0] ?? '') === '';
}

export async function createTemplate(
  context: Excel.RequestContext,
  caps: ExcelCaps,
  options: TemplateOptions = {},
): Promise<TemplateOutcome> {
  const syncs = countSyncs(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await syncWithin(context, 'reading sheet names');
  const names = worksheets.items.map((w) => w.name);

  const found = SHEET_LIST.map((def) => {
    const name = [def.name, ...def.aliases].find((n) => names.includes(n)) ?? null;
    return { def, name, isEmpty: name === null ? null : queueIsEmpty(worksheets.getItem(name), caps) };
  });
  // Nothing to check when none of the standard sheets is there yet (an empty workbook).
  if (found.some((f) => f.isEmpty !== null)) await syncWithin(context, 'checking the existing sheets');

  const outcome: Omit<TemplateOutcome, 'syncs'> = { added: [], filled: [], kept: [], codeDropdown: false };
  const todo: { def: SheetDef; ws: Excel.Worksheet }[] = [];
  for (const { def, name, isEmpty } of found) {
    if (name === null) {
      todo.push({ def, ws: worksheets.add(def.name) });
      outcome.added.push(def.name);
    } else if (isEmpty?.()) {
      todo.push({ def, ws: worksheets.getItem(name) });
      outcome.filled.push(name);
    } else {
      outcome.kept.push(name);
    }
  }
  if (todo.length === 0) return { ...outcome, syncs: syncs() };

  suspendWhileWriting(context, caps);
  const enums = enumColumns();
  const codes = [...new Set(options.catalogueCodes ?? [])];
  const lists: Lists = { enums, codes: null };
  // The dropdowns' source; an Excel without dropdowns (below 1.8) gets no list sheet either.
  if (caps.dataValidation) {
    const listsSheet = names.includes(LISTS_SHEET) ? worksheets.getItem(LISTS_SHEET) : worksheets.add(LISTS_SHEET);
    const depth = Math.max(...[...enums.keys()].map((d) => d.values.length));
    const listValues = Array.from({ length: depth }, (_, r) => [...enums.keys()].map((d) => d.values[r] ?? ''));
    listsSheet.getRange(`A1:${columnLetter(enums.size - 1)}${depth}`).values = listValues;
    if (codes.length > 0) {
      // The column after the enums'; cleared first, so a shorter catalogue leaves no old codes below.
      const letter = columnLetter(enums.size);
      listsSheet.getRange(`${letter}:${letter}`).clear();
      const range = `$${letter}$1:$${letter}$${codes.length}`;
      listsSheet.getRange(range.replaceAll('$', '')).values = codes.map((c) => [c]);
      lists.codes = `=${quoteSheet(LISTS_SHEET)}!${range}`;
    }
    listsSheet.visibility = 'VeryHidden';
  }
  for (const { def, ws } of todo) {
    if (def.keyValue) writeKeyValue(ws, def, lists, caps);
    else writeTable(ws, def, lists, caps);
  }
  outcome.codeDropdown = lists.codes !== null && todo.some((t) => t.def.key === 'trainings');
  todo[0]!.ws.activate();
  await syncWithin(context, 'writing the template');
  return { ...outcome, syncs: syncs() };
}
