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
  /**
   * The standalone page and the task pane: the file is read and validated in the page's Web Worker.
   * 300,000 rows (~1.7 KB a row at peak while reading and validating: about 500 MB in the worker)
   * holds the 230,000-row ledgers of issue 10; 60 MB is a 300,000-row CSV with room to spare.
   */
  pane: { place: 'pane', maxBytes: 60_000_000, maxRows: 300_000 },
  /**
   * The CLI on a bureau's computer: a whole district in one file. The 336,668-row district peaks at
   * about 550 MB; 1,000,000 rows stays under 2 GB, Node's heap on an 8 GB machine.
   */
  cli: { place: 'cli', maxBytes: 200_000_000, maxRows: 1_000_000 },
  /**
   * A Cloudflare Worker's 128 MB isolate, should the worker read files one day (today it takes the
   * grid as JSON): 50,000 rows is about 85 MB at peak, beside the runtime and the request.
   */
  worker: { place: 'worker', maxBytes: 10_000_000, maxRows: 50_000 },
};

export function maxCells(limits: FileLimits): number {
  return limits.maxRows * CELLS_PER_ROW;
}
