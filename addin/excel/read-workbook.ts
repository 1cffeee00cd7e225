/**
 * Reads every data sheet's used range into a WorkbookGrid with a fixed number of round trips:
 * 1. sheet names (and the existing notes or comments);
 * 2. each sheet's used-range bounds (and where those notes sit, and what the previous marks left:
 *    their conditional formats, or the current colour of the cells they filled);
 * 3+. the values in blocks of at most BLOCK_ROWS rows, several blocks a sync up to CELLS_PER_SYNC
 *    cells, so that no response passes Excel on the web's 5 MB cap.
 * A 10,000-row roster is 4 syncs. Only `values` and `valueTypes` are loaded (ExcelApi 1.1): the types
 * tell an error value (#N/A) from text that looks like one, and a number cell from digits typed as
 * text. Below ExcelApi 1.4 the used range also counts cells that only carry a format (an empty
 * sheet's is A1), so the reading costs more cells there and trailing empty rows are dropped.
 */
import { a1, type CellValue, type SheetGrid, type WorkbookGrid } from '../../shared/grid.js';
import { type ExcelCaps, isInternalSheet } from './caps.js';
import type { FillMark, MarkRegistry } from './mark-findings.js';
import { countSyncs, syncWithin } from './sync.js';

export const BLOCK_ROWS = 5_000;
export const CELLS_PER_SYNC = 120_000;

export type Annotation = Excel.Note | Excel.Comment;

/** Text that starts every note the add-in writes: how "Clear marks" tells ours from the clerk's. */
export const NOTE_PREFIX = '【师训台账】';

export interface WorkbookRead {
  grid: WorkbookGrid;
  /** Every worksheet's name, the add-in's hidden ones included. */
  sheetNames: string[];
  /** "sheet!A1" of every cell that already has a note or comment the add-in did not write. */
  annotated: Set<string>;
  /** Notes or comments from an earlier validation, to be removed before marking again. */
  ownAnnotations: Annotation[];
  /** Conditional formats of an earlier validation (from its registry), to be removed likewise. */
  staleFormats: Excel.ConditionalFormat[];
  /** Cells an earlier validation filled, with the colour they have now (null: mixed). */
  staleFills: { mark: FillMark; current: string | null }[];
  syncs: number;
}

export interface ReadOptions {
  caps: ExcelCaps;
  /** The registry of the marks currently in the workbook, if any. */
  marks?: MarkRegistry | null;
  /** Called after each block sync with cells read and cells in all. */
  onProgress?: (done: number, total: number) => void;
}

interface Block {
  sheet: number;
  firstRow: number;
  firstCol: number;
  range: Excel.Range;
  cells: number;
}

/** A1 address of a block by indexes (getRangeByIndexes would need ExcelApi 1.7). */
export function rangeAddress(row: number, col: number, rows: number, cols: number): string {
  return `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** "'My sheet'!B7" or "Sheet1!B7" → "My sheet!B7" (the key used for annotated cells). */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

export function parseAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return {
    sheet,
    cell: address
      .slice(bang + 1)
      .replace(/\$/g, '')
      .split(':')[0]!,
  };
}

/** Notes (ExcelApi 1.18), else threaded comments (1.10), else none: messages then go to a sheet. */
export function annotationCollection(
  context: Excel.RequestContext,
  caps: ExcelCaps,
): Excel.NoteCollection | Excel.CommentCollection | null {
  if (caps.notes) return context.workbook.notes;
  if (caps.comments) return context.workbook.comments;
  return null;
}

interface UsedBounds {
  isNullObject: boolean;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Queues the used range's bounds; below ExcelApi 1.4 there is no null object, and no valuesOnly. */
function queueUsedRange(ws: Excel.Worksheet, caps: ExcelCaps): () => UsedBounds {
  if (caps.nullObjects) {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
    return () => range;
  }
  const range = ws.getUsedRange();
  range.load('rowIndex,columnIndex,rowCount,columnCount');
  return () => ({
    isNullObject: false,
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
  });
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (type === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookRead> {
  const syncs = countSyncs(context);
  const sync = (step: string) => syncWithin(context, step);

  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const annotations = annotationCollection(context, opts.caps);
  annotations?.load('items/content');
  await sync('reading sheet names');

  const all = worksheets.items;
  const sheetNames = all.map((ws) => ws.name);
  // As the .xlsx reader does: only very hidden sheets (template machinery) are skipped; a sheet the
  // clerk merely hid is still the clerk's data.
  const dataSheets = all.filter((ws) => ws.visibility !== 'VeryHidden' && !isInternalSheet(ws.name));
  const used = dataSheets.map((ws) => queueUsedRange(ws, opts.caps));
  const annotationItems: Annotation[] = annotations?.items ?? [];
  const locations = annotationItems.map((item) => {
    const location = item.getLocation();
    location.load('address');
    return location;
  });
  const formatLists = queueMarkFormats(worksheets, opts.marks ?? null, sheetNames, opts.caps);
  const fills = queueMarkFills(worksheets, opts.marks ?? null, sheetNames);
  await sync('reading sheet sizes');

  const ownAnnotations: Annotation[] = [];
  const annotated = new Set<string>();
  annotationItems.forEach((item, i) => {
    if (String(item.content).startsWith(NOTE_PREFIX)) ownAnnotations.push(item);
    else {
      const { sheet, cell } = parseAddress(locations[i]!.address);
      annotated.add(cellKey(sheet, cell));
    }
  });
  const staleFormats = formatLists.flatMap(({ formats, ids }) => formats.items.filter((f) => ids.has(f.id)));
  const staleFills = fills.map(({ mark, fill }) => ({ mark, current: fill.color }));

  const sheets: SheetGrid[] = dataSheets.map((ws) => ({ name: ws.name, rows: [] }));
  const blocks: Block[] = [];
  used.forEach((bounds, sheet) => {
    const range = bounds();
    if (range.isNullObject || range.rowCount === 0) return;
    for (let offset = 0; offset < range.rowCount; offset += BLOCK_ROWS) {
      const rows = Math.min(BLOCK_ROWS, range.rowCount - offset);
      const firstRow = range.rowIndex + offset;
      blocks.push({
        sheet,
        firstRow,
        firstCol: range.columnIndex,
        range: dataSheets[sheet]!.getRange(rangeAddress(firstRow, range.columnIndex, rows, range.columnCount)),
        cells: rows * range.columnCount,
      });
    }
  });

  const totalCells = blocks.reduce((n, b) => n + b.cells, 0);
  let doneCells = 0;
  for (const batch of packBlocks(blocks)) {
    for (const block of batch) block.range.load('values,valueTypes');
    await sync('reading cell values');
    for (const block of batch) {
      fillRows(sheets[block.sheet]!, block);
      doneCells += block.cells;
    }
    opts.onProgress?.(doneCells, totalCells);
  }
  for (const sheet of sheets) {
    while (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1]!.length === 0) sheet.rows.pop();
  }
  return { grid: { sheets }, sheetNames, annotated, ownAnnotations, staleFormats, staleFills, syncs: syncs() };
}

/** The conditional formats a registry names, on the sheets that still exist (ExcelApi 1.6). */
export function queueMarkFormats(
  worksheets: Excel.WorksheetCollection,
  registry: MarkRegistry | null,
  sheetNames: readonly string[],
  caps: ExcelCaps,
): { formats: Excel.ConditionalFormatCollection; ids: Set<string> }[] {
  if (!caps.conditionalFormats) return [];
  return (registry?.sheets ?? [])
    .filter((entry) => sheetNames.includes(entry.sheet))
    .map((entry) => {
      const formats = worksheets.getItem(entry.sheet).getRange(entry.range).conditionalFormats;
      formats.load('items/id');
      return { formats, ids: new Set(entry.formatIds) };
    });
}

/** The current colour of every cell range a registry filled, on the sheets that still exist. */
export function queueMarkFills(
  worksheets: Excel.WorksheetCollection,
  registry: MarkRegistry | null,
  sheetNames: readonly string[],
): { mark: FillMark; fill: Excel.RangeFill }[] {
  return (registry?.fills ?? [])
    .filter((mark) => sheetNames.includes(mark.sheet))
    .map((mark) => {
      const fill = worksheets.getItem(mark.sheet).getRange(mark.address).format.fill;
      fill.load('color');
      return { mark, fill };
    });
}

/** Groups blocks into syncs of at most CELLS_PER_SYNC cells (a block larger than that goes alone). */
function packBlocks(blocks: Block[]): Block[][] {
  const batches: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const block of blocks) {
    if (current.length > 0 && cells + block.cells > CELLS_PER_SYNC) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(block);
    cells += block.cells;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function fillRows(sheet: SheetGrid, block: Block): void {
  const values = block.range.values;
  const types = block.range.valueTypes as string[][];
  values.forEach((row, r) => {
    const cells: CellValue[] = new Array<CellValue>(block.firstCol).fill(null);
    row.forEach((v, c) => cells.push(cellValue(v, types[r]?.[c] ?? '')));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    sheet.rows[block.firstRow + r] = cells;
  });
  for (let r = 0; r < sheet.rows.length; r++) sheet.rows[r] ??= [];
}
