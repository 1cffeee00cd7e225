/**
 * What the host can do, decided once by the UI (Office.context.requirements) and passed to the
 * Excel functions, so that they stay plain functions the mock can drive.
 */
export interface ExcelCaps {
  /** Notes (ExcelApi 1.18), else threaded comments (1.10), else none. */
  annotations: 'notes' | 'comments' | 'none';
  /** application.suspendScreenUpdatingUntilNextSync / suspendApiCalculationUntilNextSync (1.9 / 1.8). */
  suspend: boolean;
}

export const NO_CAPS: ExcelCaps = { annotations: 'none', suspend: false };

/** Sheets the add-in itself keeps in a workbook: never read as data, never shown. */
export const LISTS_SHEET = '_lists';
export const MARKS_SHEET_PREFIX = '_marks';

export function isInternalSheet(name: string): boolean {
  return name === LISTS_SHEET || name.startsWith(MARKS_SHEET_PREFIX);
}

/** Queued before a batch of writes: no repaint and no recalculation until the batch's sync. */
export function suspendWhileWriting(context: Excel.RequestContext, caps: ExcelCaps): void {
  if (!caps.suspend) return;
  context.application.suspendScreenUpdatingUntilNextSync();
  context.application.suspendApiCalculationUntilNextSync();
}

/** Quotes a sheet name for a formula or an address: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
