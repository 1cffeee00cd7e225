/**
 * The empty standard workbook, derived entirely from the contract (shared/contract/sheets.ts): the
 * five sheets, their headers, widths, text-formatted ID columns and a dropdown for every enum column.
 */
import type ExcelJS from 'exceljs';
import type { EnumDef } from '../shared/contract/enums.js';
import { type ColumnDef, SHEET_LIST, type SheetDef } from '../shared/contract/sheets.js';
import { columnLetter } from '../shared/grid.js';
import { DROPDOWN_ALERTS } from '../shared/labels/template.js';
import { isTextColumn } from './columns.js';
import { DATE_FORMAT, loadExcelJS, TEXT_FORMAT, toBytes } from './write-fixes.js';

/** The sheet that holds the dropdown lists; very hidden, so the reader skips it and clerks never see it. */
export const LISTS_SHEET = '_lists';
/**
 * Rows below the header that carry the dropdowns. Bounded on purpose: a whole-column range makes
 * every exceljs-based reader expand a million cells per column (a school's ledger is far shorter).
 */
export const TEMPLATE_DATA_ROWS = 10_000;
type WithValidations = ExcelJS.Worksheet & {
  dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void };
};
const YEAR_MONTH_FORMAT = 'yyyy-mm';
const KEY_COLUMN_WIDTH = 26;
const VALUE_COLUMN_WIDTH = 30;

export interface TemplateOptions {
  /**
   * The bureau's catalogue codes of the year, when a clerk is connected: 项目编号 gets them as a
   * dropdown that warns (this template, and the one addin/excel/create-template.ts builds in Excel).
   * None: no dropdown.
   */
  catalogueCodes?: readonly string[];
}

/** The ledger's five sheets by default; any other sheet definitions (the catalogue's) the same way. */
export async function writeTemplate(
  defs: readonly SheetDef<string>[] = SHEET_LIST,
  opts: TemplateOptions = {},
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheets = defs.map((def) => ({ def, ws: workbook.addWorksheet(def.name) }));
  const lists = new ListsSheet(workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' }), opts.catalogueCodes);
  for (const { def, ws } of sheets) {
    if (def.keyValue) writeKeyValueSheet(ws, def, lists);
    else writeTableSheet(ws, def, lists);
  }
  return toBytes(workbook);
}

/** One column of _lists per distinct enum, written once however many columns use it; the codes after them. */
class ListsSheet {
  private readonly ranges = new Map<EnumDef, string>();
  private readonly codes: readonly string[];
  private codesRange: string | null = null;
  /** Columns of _lists written so far. */
  private used = 0;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    codes: readonly string[] = [],
  ) {
    this.codes = [...new Set(codes)];
  }

  rangeOf(def: EnumDef): string {
    const known = this.ranges.get(def);
    if (known) return known;
    const range = this.column(def.values);
    this.ranges.set(def, range);
    return range;
  }

  /** The catalogue codes' range, or null without codes. */
  codesOf(): string | null {
    if (this.codes.length === 0) return null;
    this.codesRange ??= this.column(this.codes);
    return this.codesRange;
  }

  private column(values: readonly string[]): string {
    const col = columnLetter(this.used++);
    values.forEach((v, i) => {
      this.ws.getCell(`${col}${i + 1}`).value = v;
    });
    return `'${LISTS_SHEET}'!$${col}$1:$${col}$${values.length}`;
  }
}

function listValidation(col: ColumnDef, lists: ListsSheet): ExcelJS.DataValidation | null {
  const codes = col.key === 'catalogueCode' ? lists.codesOf() : null;
  if (codes !== null) return warning(col, codes, DROPDOWN_ALERTS.catalogueCode);
  if (col.type.kind !== 'enum') return null;
  return warning(col, lists.rangeOf(col.type.def), DROPDOWN_ALERTS.chooseFromList(col.header));
}

/** A dropdown that warns about a value outside its list and lets the clerk keep it. */
function warning(col: ColumnDef, range: string, error: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [range],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: col.header,
    error,
  };
}

function cellFormat(col: ColumnDef): string | null {
  if (isTextColumn(col)) return TEXT_FORMAT;
  if (col.type.kind === 'date') return DATE_FORMAT;
  if (col.type.kind === 'yearMonth') return YEAR_MONTH_FORMAT;
  return null;
}

function writeTableSheet(ws: ExcelJS.Worksheet, def: SheetDef<string>, lists: ListsSheet): void {
  const lastRow = TEMPLATE_DATA_ROWS + 1;
  def.columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = col.width;
    const format = cellFormat(col);
    if (format) column.numFmt = format;
    const validation = listValidation(col, lists);
    if (validation) {
      const letter = columnLetter(i);
      // One rule for the whole range (exceljs's typings omit the collection; per-cell rules would be 10,000 entries).
      (ws as WithValidations).dataValidations.add(`${letter}2:${letter}${lastRow}`, validation);
    }
  });
  const header = ws.getRow(1);
  def.columns.forEach((col, i) => {
    const cell = header.getCell(i + 1);
    cell.value = col.header;
    cell.font = { bold: true };
    cell.numFmt = TEXT_FORMAT;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
}

/** 学校概况: the fields down column A, the values in column B. */
function writeKeyValueSheet(ws: ExcelJS.Worksheet, def: SheetDef<string>, lists: ListsSheet): void {
  ws.getColumn(1).width = KEY_COLUMN_WIDTH;
  ws.getColumn(2).width = VALUE_COLUMN_WIDTH;
  def.columns.forEach((col, i) => {
    const key = ws.getCell(i + 1, 1);
    key.value = col.header;
    key.font = { bold: true };
    const value = ws.getCell(i + 1, 2);
    const format = cellFormat(col);
    if (format) value.numFmt = format;
    const validation = listValidation(col, lists);
    if (validation) value.dataValidation = validation;
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 0 }];
}
