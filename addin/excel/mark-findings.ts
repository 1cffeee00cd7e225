/**
 * Marks the validator's findings on their cells, and takes the marks away again.
 *
 * With ExcelApi 1.6, fill colours come from conditional formats driven by a very hidden grid of
 * flags (1 error, 2 warning) at the same addresses, not from per-cell formatting: writing one 2-D
 * array and adding two conditional formats per sheet is a single request whatever the number of
 * findings, and the clerk's own fills are never touched, so removing the formats restores the sheet
 * exactly.
 *
 * Below 1.6 the cells are filled directly, merged into rectangles of equal severity (a column of
 * bad IDs is one range): their fills are read first (one sync, plus one where a rectangle held mixed
 * fills and is read cell by cell), kept in the registry, and put back by "Clear marks" wherever the
 * cell still shows the mark's colour (a fill the clerk chose since is left alone).
 *
 * Messages go into notes (ExcelApi 1.18) or threaded comments (1.10), on at most ANNOTATION_LIMIT
 * cells and never on a cell that already has one of the clerk's; without either they are listed in
 * the findings sheet (问题清单), one row per finding with a link to its cell.
 */
import type { Finding, Lang } from '../../shared/contract/codes.js';
import { a1, parseA1 } from '../../shared/grid.js';
import { FINDINGS_SHEET_NAME } from '../../shared/labels/findings-list.js';
import {
  type ExcelCaps,
  MARKS_SHEET_PREFIX,
  type MarkStyle,
  markStyle,
  quoteSheet,
  suspendWhileWriting,
} from './caps.js';
import { findingsSheetRows, writeFindingsSheet } from './findings-sheet.js';
import {
  annotationCollection,
  cellKey,
  NOTE_PREFIX,
  queueMarkFills,
  queueMarkFormats,
  rangeAddress,
  type WorkbookRead,
} from './read-workbook.js';
import { countSyncs, syncWithin } from './sync.js';

export const ANNOTATION_LIMIT = 300;
export const ERROR_FILL = '#FFC7CE';
export const ERROR_FONT = '#9C0006';
export const WARNING_FILL = '#FFEB9C';
export const WARNING_FONT = '#9C5700';
/** What ExcelApi reads back for a cell without a fill: restoring it means clearing the fill. */
export const NO_FILL = '#FFFFFF';

/** A range the add-in filled (ExcelApi below 1.6) and the fill it had before. */
export interface FillMark {
  sheet: string;
  address: string;
  /** The colour before marking; null: no fill. */
  original: string | null;
  /** The colour the mark gave it. */
  mark: string;
}

/** What the add-in added, kept in the document's settings so that a later session can remove it. */
export interface MarkRegistry {
  /** Conditional-format marks (ExcelApi 1.6): the flag sheet and the formats' ids per data sheet. */
  sheets: { sheet: string; marksSheet: string; range: string; formatIds: string[] }[];
  /** Fill marks (below 1.6). Absent in registries written before fills existed. */
  fills?: FillMark[];
}

export interface MarkResult {
  registry: MarkRegistry;
  style: MarkStyle;
  /** Cells marked. */
  marked: number;
  /** Notes or comments added. */
  annotated: number;
  /** Rows written to the findings sheet (0 when notes or comments carry the messages). */
  listed: number;
  syncs: number;
}

export interface MarkOptions {
  /** Language of the findings sheet's headers; zh by default. */
  lang?: Lang;
}

const FLAG = { error: 1, warning: 2 } as const;
type Flag = (typeof FLAG)[keyof typeof FLAG];
const FILL_OF: Record<Flag, string> = { 1: ERROR_FILL, 2: WARNING_FILL };

interface CellMark {
  row: number;
  col: number;
  cell: string;
  flag: Flag;
  messages: string[];
}

function sameColour(a: string | null, b: string): boolean {
  return a !== null && a.toUpperCase() === b.toUpperCase();
}

/** Puts a filled range back as it was: the recorded colour, or no fill at all. */
function restoreFill(fill: Excel.RangeFill, original: string | null): void {
  if (original === null || sameColour(original, NO_FILL)) fill.clear();
  else fill.color = original;
}

/** Queues the removal of everything an earlier validation added (read by readWorkbook). */
function queueRemoval(context: Excel.RequestContext, read: WorkbookRead): void {
  for (const format of read.staleFormats) format.delete();
  for (const item of read.ownAnnotations) item.delete();
  for (const { mark, current } of read.staleFills) {
    if (!sameColour(current, mark.mark)) continue;
    restoreFill(context.workbook.worksheets.getItem(mark.sheet).getRange(mark.address).format.fill, mark.original);
  }
  for (const name of read.sheetNames) {
    if (name.startsWith(MARKS_SHEET_PREFIX) || name === FINDINGS_SHEET_NAME)
      context.workbook.worksheets.getItem(name).delete();
  }
}

function groupBySheet(read: WorkbookRead, findings: readonly Finding[]): Map<string, CellMark[]> {
  const bySheet = new Map<string, Map<string, CellMark>>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null || (f.severity !== 'error' && f.severity !== 'warning')) continue;
    if (!read.grid.sheets.some((s) => s.name === f.sheet)) continue;
    const cells = bySheet.get(f.sheet) ?? new Map<string, CellMark>();
    bySheet.set(f.sheet, cells);
    const mark = cells.get(f.cell) ?? { ...parseA1(f.cell), cell: f.cell, flag: FLAG[f.severity], messages: [] };
    if (f.severity === 'error') mark.flag = FLAG.error;
    mark.messages.push(f.message);
    cells.set(f.cell, mark);
  }
  return new Map([...bySheet].map(([sheet, cells]) => [sheet, [...cells.values()]]));
}

export async function markFindings(
  context: Excel.RequestContext,
  read: WorkbookRead,
  findings: readonly Finding[],
  caps: ExcelCaps,
  opts: MarkOptions = {},
): Promise<MarkResult> {
  const syncs = countSyncs(context);
  const bySheet = groupBySheet(read, findings);
  queueRemoval(context, read);

  const registry: MarkRegistry = { sheets: [], fills: [] };
  let finish: () => void = () => {};
  if (caps.conditionalFormats) {
    suspendWhileWriting(context, caps);
    finish = queueFormatMarks(context, bySheet, registry);
  } else {
    // The fills are read in the same batch as the removal, so they are the cells' own colours.
    registry.fills = await fillMarks(context, bySheet, caps);
  }

  let annotated = 0;
  let listed = 0;
  const annotations = annotationCollection(context, caps);
  if (annotations) {
    for (const [sheet, cells] of bySheet) {
      for (const p of cells) {
        if (annotated >= ANNOTATION_LIMIT) break;
        if (read.annotated.has(cellKey(sheet, p.cell))) continue;
        annotations.add(`${quoteSheet(sheet)}!${p.cell}`, NOTE_PREFIX + p.messages.join('\n'));
        annotated++;
      }
    }
  } else {
    const rows = findingsSheetRows(findings, opts.lang ?? 'zh');
    writeFindingsSheet(context, rows, opts.lang ?? 'zh', caps);
    listed = rows.length;
  }
  await syncWithin(context, 'marking findings');
  finish();
  const marked = [...bySheet.values()].reduce((n, cells) => n + cells.length, 0);
  return { registry, style: markStyle(caps), marked, annotated, listed, syncs: syncs() };
}

/**
 * Conditional-format marks: returns what to record once the formats have ids.
 * @excelApi 1.6
 */
function queueFormatMarks(
  context: Excel.RequestContext,
  bySheet: Map<string, CellMark[]>,
  registry: MarkRegistry,
): () => void {
  const pending: { entry: MarkRegistry['sheets'][number]; formats: Excel.ConditionalFormat[] }[] = [];
  let index = 0;
  for (const [sheet, cells] of bySheet) {
    index++;
    const lastRow = Math.max(...cells.map((p) => p.row));
    const lastCol = Math.max(...cells.map((p) => p.col));
    const flags: (number | string)[][] = Array.from({ length: lastRow + 1 }, () =>
      new Array<number | string>(lastCol + 1).fill(''),
    );
    for (const p of cells) flags[p.row]![p.col] = p.flag;

    const marksSheet = `${MARKS_SHEET_PREFIX}${index}`;
    const hidden = context.workbook.worksheets.add(marksSheet);
    hidden.getRange(rangeAddress(0, 0, lastRow + 1, lastCol + 1)).values = flags;
    hidden.visibility = 'VeryHidden';

    const range = `A1:${a1(lastRow, lastCol)}`;
    const target = context.workbook.worksheets.getItem(sheet).getRange(range);
    const formats = [
      addFlagFormat(target, marksSheet, FLAG.error, ERROR_FILL, ERROR_FONT),
      addFlagFormat(target, marksSheet, FLAG.warning, WARNING_FILL, WARNING_FONT),
    ];
    const entry = { sheet, marksSheet, range, formatIds: [] as string[] };
    registry.sheets.push(entry);
    pending.push({ entry, formats });
  }
  return () => {
    for (const { entry, formats } of pending) entry.formatIds = formats.map((f) => f.id);
  };
}

/** @excelApi 1.6 */
function addFlagFormat(
  target: Excel.Range,
  marksSheet: string,
  flag: number,
  fill: string,
  font: string,
): Excel.ConditionalFormat {
  const format = target.conditionalFormats.add('Custom');
  format.custom.rule.formula = `=${quoteSheet(marksSheet)}!A1=${flag}`;
  format.custom.format.fill.color = fill;
  format.custom.format.font.color = font;
  format.load('id');
  return format;
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  flag: Flag;
}

/** Cells of equal flag merged into rectangles: runs along each row, then equal runs down the rows. */
export function mergeRuns(cells: readonly { row: number; col: number; flag: Flag }[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Rect[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.r1 === c.row && last.c2 === c.col - 1 && last.flag === c.flag) last.c2 = c.col;
    else runs.push({ r1: c.row, c1: c.col, r2: c.row, c2: c.col, flag: c.flag });
  }
  const open = new Map<string, Rect>();
  const rects: Rect[] = [];
  for (const run of runs) {
    const key = `${run.c1}:${run.c2}:${run.flag}`;
    const above = open.get(key);
    if (above && above.r2 === run.r1 - 1) above.r2 = run.r1;
    else {
      rects.push(run);
      open.set(key, run);
    }
  }
  return rects;
}

function address(r: Rect): string {
  const from = a1(r.r1, r.c1);
  const to = a1(r.r2, r.c2);
  return from === to ? from : `${from}:${to}`;
}

/**
 * Fill marks: reads the rectangles' fills (a rectangle of mixed fills again cell by cell), then
 * queues the marks' fills; the caller's sync writes them. Returns what to restore on clearing.
 */
async function fillMarks(
  context: Excel.RequestContext,
  bySheet: Map<string, CellMark[]>,
  caps: ExcelCaps,
): Promise<FillMark[]> {
  const rects = [...bySheet].flatMap(([sheet, cells]) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    return mergeRuns(cells).map((rect) => {
      const fill = ws.getRange(address(rect)).format.fill;
      fill.load('color');
      return { sheet, ws, rect, fill };
    });
  });
  if (rects.length === 0) {
    suspendWhileWriting(context, caps);
    return [];
  }
  await syncWithin(context, 'reading the fills of the cells to mark');

  const marks: { mark: FillMark; fill: Excel.RangeFill }[] = [];
  const mixed: { mark: FillMark; fill: Excel.RangeFill }[] = [];
  for (const { sheet, ws, rect, fill } of rects) {
    const colour = FILL_OF[rect.flag];
    if (fill.color !== null) {
      marks.push({ mark: { sheet, address: address(rect), original: fill.color, mark: colour }, fill });
      continue;
    }
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = ws.getRange(a1(r, c)).format.fill;
        cell.load('color');
        mixed.push({ mark: { sheet, address: a1(r, c), original: null, mark: colour }, fill: cell });
      }
    }
  }
  if (mixed.length > 0) {
    await syncWithin(context, 'reading the fills of the cells to mark');
    for (const m of mixed) m.mark.original = m.fill.color;
    marks.push(...mixed);
  }
  suspendWhileWriting(context, caps);
  for (const { mark, fill } of marks) {
    if (sameColour(mark.original, NO_FILL)) mark.original = null;
    fill.color = mark.mark;
  }
  return marks.map((m) => m.mark);
}

export interface ClearResult {
  /** Marks removed: conditional formats, filled ranges, notes or comments (the add-in's sheets go too). */
  removed: number;
  /**
   * What is still in the workbook and needs an Excel with more API to remove (conditional formats
   * seen by an Excel below 1.6, which has made them inert by deleting their flag sheets): the
   * registry to keep, or null when nothing is left.
   */
  remaining: MarkRegistry | null;
  syncs: number;
}

/**
 * Removes the marks of `registry`, every note the add-in wrote and the findings sheet: 3 syncs
 * (what exists, which formats and fills are still there, remove), so that a sheet renamed or deleted
 * since is simply skipped.
 */
export async function clearMarks(
  context: Excel.RequestContext,
  registry: MarkRegistry | null,
  caps: ExcelCaps,
): Promise<ClearResult> {
  const syncs = countSyncs(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const annotations = annotationCollection(context, caps);
  annotations?.load('items/content');
  await syncWithin(context, 'finding marks');
  const names = worksheets.items.map((w) => w.name);

  const lists = queueMarkFormats(worksheets, registry, names, caps);
  const fills = queueMarkFills(worksheets, registry, names);
  await syncWithin(context, 'finding marks');

  suspendWhileWriting(context, caps);
  let removed = 0;
  for (const { formats, ids } of lists) {
    for (const f of formats.items) {
      if (!ids.has(f.id)) continue;
      f.delete();
      removed++;
    }
  }
  for (const { mark, fill } of fills) {
    if (!sameColour(fill.color, mark.mark)) continue;
    restoreFill(fill, mark.original);
    removed++;
  }
  for (const item of annotations?.items ?? []) {
    if (!String(item.content).startsWith(NOTE_PREFIX)) continue;
    item.delete();
    removed++;
  }
  for (const name of names) {
    if (name.startsWith(MARKS_SHEET_PREFIX) || name === FINDINGS_SHEET_NAME) worksheets.getItem(name).delete();
  }
  await syncWithin(context, 'clearing marks');
  const kept = caps.conditionalFormats ? [] : (registry?.sheets ?? []).filter((e) => names.includes(e.sheet));
  return { removed, remaining: kept.length > 0 ? { sheets: kept } : null, syncs: syncs() };
}
