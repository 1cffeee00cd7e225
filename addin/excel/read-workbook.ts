/**
 * Reads every data sheet's used range into a WorkbookGrid with a fixed number of round trips:
 * 1. sheet names (and the existing notes or comments);
 * 2. each sheet's used-range bounds (and where those notes sit, and the previous marks' formats);
 * 3+. the values in blocks of at most BLOCK_ROWS rows, several blocks a sync up to CELLS_PER_SYNC
 *    cells, so that no response passes Excel on the web's 5 MB cap.
 * A 10,000-row roster is 4 syncs. Only `values` and `valueTypes` are loaded: the types tell an
 * error value (#N/A) from text that looks like one, and a number cell from digits typed as text.
 */
import type { CellValue, SheetGrid, WorkbookGrid } from '../../shared/grid.js';
import { isInternalSheet, type ExcelCaps } from './caps.js';
import type { MarkRegistry } from './mark-findings.js';
import { syncWithin } from './sync.js';

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

/** "'My sheet'!B7" or "Sheet1!B7" → "My sheet!B7" (the key used for annotated cells). */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

export function parseAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: address.slice(bang + 1).replace(/\$/g, '').split(':')[0]! };
}

function annotationCollection(context: Excel.RequestContext, caps: ExcelCaps): Excel.NoteCollection | Excel.CommentCollection | null {
  if (caps.annotations === 'notes') return context.workbook.notes;
  if (caps.annotations === 'comments') return context.workbook.comments;
  return null;
}

function cellValue(value: unknown, type: string): CellValue {
  if (type === 'Error') return { error: String(value) };
  if (type === 'Empty' || value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

export async function readWorkbook(context: Excel.RequestContext, opts: ReadOptions): Promise<WorkbookRead> {
  let syncs = 0;
  const sync = async (step: string) => {
    await syncWithin(context, step);
    syncs++;
  };

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
  const used = dataSheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  const annotationItems: Annotation[] = annotations?.items ?? [];
  const locations = annotationItems.map((item) => {
    const location = item.getLocation();
    location.load('address');
    return location;
  });
  const formatLists = (opts.marks?.sheets ?? [])
    .filter((entry) => sheetNames.includes(entry.sheet))
    .map((entry) => {
      const formats = worksheets.getItem(entry.sheet).getRange(entry.range).conditionalFormats;
      formats.load('items/id');
      return { formats, ids: new Set(entry.formatIds) };
    });
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

  const sheets: SheetGrid[] = dataSheets.map((ws) => ({ name: ws.name, rows: [] }));
  const blocks: Block[] = [];
  used.forEach((range, sheet) => {
    if (range.isNullObject || range.rowCount === 0) return;
    for (let offset = 0; offset < range.rowCount; offset += BLOCK_ROWS) {
      const rows = Math.min(BLOCK_ROWS, range.rowCount - offset);
      const firstRow = range.rowIndex + offset;
      blocks.push({
        sheet,
        firstRow,
        firstCol: range.columnIndex,
        range: dataSheets[sheet]!.getRangeByIndexes(firstRow, range.columnIndex, rows, range.columnCount),
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
  return { grid: { sheets }, sheetNames, annotated, ownAnnotations, staleFormats, syncs };
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
