/**
 * Marks the validator's findings on their cells, and takes the marks away again.
 *
 * Fill colours come from conditional formats driven by a very hidden grid of flags (1 error,
 * 2 warning) at the same addresses, not from per-cell formatting: writing one 2-D array and adding
 * two conditional formats per sheet is a single request whatever the number of findings, and the
 * clerk's own fills are never touched, so removing the formats restores the sheet exactly.
 * Per-cell fills would need the original fills read back first and ranges chunked under getRanges'
 * ~500 areas / 8 KB limit, i.e. round trips that grow with the findings.
 *
 * Messages go into notes (ExcelApi 1.18) or, on older hosts, comments, on at most
 * ANNOTATION_LIMIT cells and never on a cell that already has one of the clerk's.
 */
import type { Finding } from '../../shared/contract/codes.js';
import { a1, parseA1 } from '../../shared/grid.js';
import { MARKS_SHEET_PREFIX, quoteSheet, suspendWhileWriting, type ExcelCaps } from './caps.js';
import { NOTE_PREFIX, cellKey, type WorkbookRead } from './read-workbook.js';
import { syncWithin } from './sync.js';

export const ANNOTATION_LIMIT = 300;
export const ERROR_FILL = '#FFC7CE';
export const ERROR_FONT = '#9C0006';
export const WARNING_FILL = '#FFEB9C';
export const WARNING_FONT = '#9C5700';

/** What the add-in added, kept in the document's settings so that a later session can remove it. */
export interface MarkRegistry {
  sheets: { sheet: string; marksSheet: string; range: string; formatIds: string[] }[];
}

export interface MarkResult {
  registry: MarkRegistry;
  marked: number;
  annotated: number;
  syncs: number;
}

const FLAG = { error: 1, warning: 2 } as const;

function annotationsOf(context: Excel.RequestContext, caps: ExcelCaps): Excel.NoteCollection | Excel.CommentCollection | null {
  if (caps.annotations === 'notes') return context.workbook.notes;
  if (caps.annotations === 'comments') return context.workbook.comments;
  return null;
}

/** Queues the removal of everything an earlier validation added (read by readWorkbook). */
function queueRemoval(context: Excel.RequestContext, read: WorkbookRead): void {
  for (const format of read.staleFormats) format.delete();
  for (const item of read.ownAnnotations) item.delete();
  for (const name of read.sheetNames) {
    if (name.startsWith(MARKS_SHEET_PREFIX)) context.workbook.worksheets.getItem(name).delete();
  }
}

export async function markFindings(
  context: Excel.RequestContext,
  read: WorkbookRead,
  findings: readonly Finding[],
  caps: ExcelCaps,
): Promise<MarkResult> {
  suspendWhileWriting(context, caps);
  queueRemoval(context, read);

  const bySheet = new Map<string, Map<string, { flag: 1 | 2; messages: string[] }>>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null || (f.severity !== 'error' && f.severity !== 'warning')) continue;
    const cells = bySheet.get(f.sheet) ?? new Map<string, { flag: 1 | 2; messages: string[] }>();
    bySheet.set(f.sheet, cells);
    const mark = cells.get(f.cell) ?? { flag: FLAG[f.severity], messages: [] };
    if (f.severity === 'error') mark.flag = FLAG.error;
    mark.messages.push(f.message);
    cells.set(f.cell, mark);
  }

  const registry: MarkRegistry = { sheets: [] };
  const pending: { entry: MarkRegistry['sheets'][number]; formats: Excel.ConditionalFormat[] }[] = [];
  const annotations = annotationsOf(context, caps);
  let annotated = 0;
  let marked = 0;
  let index = 0;
  for (const [sheet, cells] of bySheet) {
    if (!read.grid.sheets.some((s) => s.name === sheet)) continue;
    index++;
    let lastRow = 0;
    let lastCol = 0;
    const positions = [...cells].map(([cell, mark]) => {
      const p = parseA1(cell);
      lastRow = Math.max(lastRow, p.row);
      lastCol = Math.max(lastCol, p.col);
      return { ...p, cell, mark };
    });
    const flags: (number | string)[][] = Array.from({ length: lastRow + 1 }, () => new Array<number | string>(lastCol + 1).fill(''));
    for (const p of positions) flags[p.row]![p.col] = p.mark.flag;
    marked += positions.length;

    const marksSheet = `${MARKS_SHEET_PREFIX}${index}`;
    const hidden = context.workbook.worksheets.add(marksSheet);
    hidden.getRangeByIndexes(0, 0, lastRow + 1, lastCol + 1).values = flags;
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

    if (!annotations) continue;
    for (const p of positions) {
      if (annotated >= ANNOTATION_LIMIT) break;
      if (read.annotated.has(cellKey(sheet, p.cell))) continue;
      const text = NOTE_PREFIX + p.mark.messages.join('\n');
      annotations.add(`${quoteSheet(sheet)}!${p.cell}`, text);
      annotated++;
    }
  }
  await syncWithin(context, 'marking findings');
  for (const { entry, formats } of pending) entry.formatIds = formats.map((f) => f.id);
  return { registry, marked, annotated, syncs: 1 };
}

function addFlagFormat(target: Excel.Range, marksSheet: string, flag: number, fill: string, font: string): Excel.ConditionalFormat {
  const format = target.conditionalFormats.add('Custom');
  format.custom.rule.formula = `=${quoteSheet(marksSheet)}!A1=${flag}`;
  format.custom.format.fill.color = fill;
  format.custom.format.font.color = font;
  format.load('id');
  return format;
}

/**
 * Removes the marks of `registry` and every note the add-in wrote: 3 syncs (what exists, which
 * formats are still there, remove), so that a sheet renamed or deleted since is simply skipped.
 */
export async function clearMarks(context: Excel.RequestContext, registry: MarkRegistry | null, caps: ExcelCaps): Promise<{ removed: number; syncs: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const annotations = annotationsOf(context, caps);
  annotations?.load('items/content');
  await syncWithin(context, 'finding marks');
  const names = worksheets.items.map((w) => w.name);

  const lists = (registry?.sheets ?? [])
    .filter((e) => names.includes(e.sheet))
    .map((e) => {
      const formats = worksheets.getItem(e.sheet).getRange(e.range).conditionalFormats;
      formats.load('items/id');
      return { formats, ids: new Set(e.formatIds) };
    });
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
  for (const item of annotations?.items ?? []) {
    if (!String(item.content).startsWith(NOTE_PREFIX)) continue;
    item.delete();
    removed++;
  }
  for (const name of names) if (name.startsWith(MARKS_SHEET_PREFIX)) worksheets.getItem(name).delete();
  await syncWithin(context, 'clearing marks');
  return { removed, syncs: 3 };
}
