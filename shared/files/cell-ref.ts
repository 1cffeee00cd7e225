/** A1-style references as the sheet XML writes them, parsed without throwing (a bad one is null). */

export interface CellRange {
  firstRow: number;
  firstCol: number;
  lastRow: number;
  lastCol: number;
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function cellOf(ref: string): { row: number; col: number } | null {
  const m = REF.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A1:Q1" or "B7" → zero-based bounds (corners in either order). */
export function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const p = cellOf(a!);
  const q = cellOf(b!);
  if (p === null || q === null) return null;
  return {
    firstRow: Math.min(p.row, q.row),
    firstCol: Math.min(p.col, q.col),
    lastRow: Math.max(p.row, q.row),
    lastCol: Math.max(p.col, q.col),
  };
}
