/** Two readers' grids compared cell by cell, for the differential tests: every cell that differs, by address. */
import { a1, type CellValue, isCellError, type WorkbookGrid } from '../../shared/grid.js';

export interface CellDifference {
  /** "教师名册!B7", or the sheet name alone when a whole sheet is missing on one side. */
  at: string;
  ours: string;
  theirs: string;
}

/** A cell as text that keeps its kind: "n:42", "s:42", "d:2026-09-01T00:00:00.000Z", "e:#N/A", "b:true", "-". */
export function kindOf(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '-';
  if (v instanceof Date) return `d:${Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString()}`;
  if (isCellError(v)) return `e:${v.error}`;
  return `${typeof v === 'string' ? 's' : typeof v === 'number' ? 'n' : 'b'}:${String(v)}`;
}

export function cellDifferences(ours: WorkbookGrid, theirs: WorkbookGrid): CellDifference[] {
  const out: CellDifference[] = [];
  const names = new Set([...ours.sheets.map((s) => s.name), ...theirs.sheets.map((s) => s.name)]);
  for (const name of names) {
    const a = ours.sheets.find((s) => s.name === name);
    const b = theirs.sheets.find((s) => s.name === name);
    if (!a || !b) {
      out.push({ at: name, ours: a ? 'sheet' : '-', theirs: b ? 'sheet' : '-' });
      continue;
    }
    const rows = Math.max(a.rows.length, b.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(a.rows[r]?.length ?? 0, b.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const x = kindOf(a.rows[r]?.[c]);
        const y = kindOf(b.rows[r]?.[c]);
        if (x !== y) out.push({ at: `${name}!${a1(r, c)}`, ours: x, theirs: y });
      }
    }
  }
  return out;
}
