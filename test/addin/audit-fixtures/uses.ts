/**
 * Excel API uses for the requirement-set audit's own test (test/scripts/excel-api-audit.test.ts):
 * a line ending in `// FAIL` must be reported unguarded, one ending in `// ok` must not. Never run.
 */
import type { ExcelCaps } from '../../../addin/excel/caps.js';

export function unguarded(context: Excel.RequestContext, range: Excel.Range, ws: Excel.Worksheet): void {
  range.conditionalFormats.add('Custom'); // FAIL
  ws.getRangeByIndexes(0, 0, 1, 1).values = [[1]]; // FAIL
  ws.visibility = 'VeryHidden'; // FAIL
  context.workbook.notes.add('A1', 'x'); // FAIL
  range.load('values,conditionalFormats/items'); // FAIL
  range.values = [[1]]; // ok
  void ws.visibility; // ok
  tagged(range); // FAIL
}

export function guarded(context: Excel.RequestContext, range: Excel.Range, ws: Excel.Worksheet, caps: ExcelCaps): void {
  if (caps.conditionalFormats) range.conditionalFormats.add('Custom'); // ok
  if (caps.comments) context.workbook.notes.add('A1', 'x'); // FAIL
  if (caps.notes && caps.freezePanes) context.workbook.notes.add('A1', 'x'); // ok
  const width = caps.columnWidths ? 10 : null;
  if (width !== null) range.format.columnWidth = width; // FAIL
  if (caps.hideSheets) ws.visibility = 'VeryHidden'; // ok
  if (!caps.dataValidation) {
    range.dataValidation.clear(); // FAIL
  } else {
    range.dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } }; // ok
  }
  caps.freezePanes && ws.freezePanes.freezeRows(1); // ok
  if (caps.conditionalFormats) tagged(range); // ok
  if (!caps.notes) return;
  context.workbook.notes.add('A1', 'x'); // ok
}

export function withDeclaredSet(range: Excel.Range, caps: ExcelCaps): (() => void) | null {
  return caps.conditionalFormats ? () => tagged(range) : null; // ok
}

/** @excelApi 1.6 */
function tagged(range: Excel.Range): void {
  range.conditionalFormats.add('Custom'); // ok
  range.dataValidation.clear(); // FAIL
}
