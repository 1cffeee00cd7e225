/**
 * Applies the fixes the clerk ticked, in one write batch. A fix is applied only if its cell still
 * holds the value the clerk was shown and is not a formula: nothing changes unseen, and a formula is
 * the clerk's to change. Text columns get the text format first so that Excel keeps an ID as typed.
 */
import type { Fix } from '../../shared/contract/codes.js';
import { TEXT_COLUMN_KEYS } from '../../workbook/columns.js';
import { type ExcelCaps, quoteSheet, suspendWhileWriting } from './caps.js';
import { countSyncs, syncWithin } from './sync.js';

export type FixSkipReason = 'sheet.not_found' | 'cell.formula' | 'cell.changed';

export interface ApplyFixesOutcome {
  applied: Fix[];
  skipped: { fix: Fix; reason: FixSkipReason }[];
  syncs: number;
}

function sameValue(current: unknown, expected: Fix['from']): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return norm(current) === norm(expected);
}

export async function applyFixes(
  context: Excel.RequestContext,
  fixes: readonly Fix[],
  caps: ExcelCaps,
): Promise<ApplyFixesOutcome> {
  const syncs = countSyncs(context);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await syncWithin(context, 'reading sheet names');
  const names = new Set(worksheets.items.map((w) => w.name));

  const skipped: ApplyFixesOutcome['skipped'] = [];
  const cells = fixes.flatMap((fix) => {
    if (!names.has(fix.sheet)) {
      skipped.push({ fix, reason: 'sheet.not_found' });
      return [];
    }
    const range = worksheets.getItem(fix.sheet).getRange(fix.cell);
    range.load('values,formulas');
    return [{ fix, range }];
  });
  await syncWithin(context, 'checking the cells to fix');

  suspendWhileWriting(context, caps);
  const applied: Fix[] = [];
  for (const { fix, range } of cells) {
    const formula = range.formulas[0]?.[0];
    if (typeof formula === 'string' && formula.startsWith('=')) {
      skipped.push({ fix, reason: 'cell.formula' });
      continue;
    }
    if (!sameValue(range.values[0]?.[0], fix.from)) {
      skipped.push({ fix, reason: 'cell.changed' });
      continue;
    }
    if (TEXT_COLUMN_KEYS.has(fix.column)) range.numberFormat = [['@']];
    range.values = [[fix.to === null ? '' : fix.to]];
    applied.push(fix);
  }
  if (applied.length > 0) await syncWithin(context, 'applying fixes');
  return { applied, skipped, syncs: syncs() };
}

/** Selects one cell (a finding the clerk clicked): one sync. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await syncWithin(context, `selecting ${quoteSheet(sheet)}!${cell}`);
}
