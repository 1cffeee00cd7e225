/**
 * A cell of an export as both writers read it: text, a number, or a rate that CSV writes as "85.3%"
 * and the .xlsx keeps as a number formatted 0.0% (so Excel can still sort and sum it).
 */
export interface Percent {
  percent: number;
}

export type Cell = string | number | Percent;

export type Table = Cell[][];

export const asPercent = (rate: number): Percent => ({ percent: rate });

export function isPercent(cell: Cell): cell is Percent {
  return typeof cell === 'object';
}

/** "85.3%": the rate as a reviewer reads it, one decimal as on the dashboard. */
export function percentText(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** An ISO instant as the bureau's wall-clock time, "2026-03-01 14:05" (Beijing, UTC+8, no daylight saving). */
export function beijingDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
