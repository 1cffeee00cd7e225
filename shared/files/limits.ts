/**
 * How much each place reads before refusing a file with file.too_large. The figures and the
 * measurements behind them are in docs/FILES.md ("Limits"); change them there and here together.
 *
 * - bytes: the file's own size, checked before anything is read;
 * - rows: the rows of all sheets together, counted up to each sheet's last non-empty row, checked
 *   while reading so that a huge file stops early instead of filling memory;
 * - cells: a guard derived from rows (CELLS_PER_ROW a row on average) against a sheet of a few
 *   rows but thousands of formatted columns; a real ledger has 11 to 17 columns.
 */
export type Place = 'pane' | 'cli' | 'worker';

export interface FileLimits {
  place: Place;
  maxBytes: number;
  maxRows: number;
}

export const CELLS_PER_ROW = 64;

export const FILE_LIMITS: Readonly<Record<Place, FileLimits>> = {
  /** The standalone page and the task pane: the file is read in the page's Web Worker. */
  pane: { place: 'pane', maxBytes: 60_000_000, maxRows: 400_000 },
  /** The CLI on a bureau's computer: a whole district in one file. */
  cli: { place: 'cli', maxBytes: 250_000_000, maxRows: 1_500_000 },
  /** A Cloudflare Worker's 128 MB isolate, should it read files one day. */
  worker: { place: 'worker', maxBytes: 10_000_000, maxRows: 60_000 },
};

export function maxCells(limits: FileLimits): number {
  return limits.maxRows * CELLS_PER_ROW;
}
