/// <reference lib="dom" />
/**
 * The page bench:files opens in Chromium: the three ways of reading the same workbook, each timed
 * inside the page from bytes already fetched, so that only the reading (and validating) counts.
 * - ours: our reader and the validation with compliance, on the page's own thread;
 * - worker: what the standalone page does from the clerk choosing a file to the results being there
 *   to show — its own file host (addin/standalone/file-host.ts) opening the file in the Web Worker
 *   the page started at load, then 校验 validating the cells the worker holds, its findings, fixes
 *   and the compliance's teachers coming back to the page — with the longest task the page's thread
 *   ran meanwhile;
 * - cells: Excel mode's half, the cells the pane read from Excel (here read by our reader first,
 *   untimed) sent to the worker in pieces and validated there: the page's thread while it sends;
 * - exceljs: exceljs loading the workbook as the page's reader did before ours.
 */

import { fileHost } from '../../addin/standalone/file-host.js';
import { ValidationClient } from '../../addin/ui/validation-client.js';
import { FILE_LIMITS } from '../../shared/files/index.js';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../../shared/policy/index.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { readWorkbookFile } from '../../workbook/read-file.js';

const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'drawing',
  'picture',
  'legacyDrawing',
  'tableParts',
  'extLst',
];

export interface PageTiming {
  ms: number;
  readMs?: number;
  /** The longest task the longtask API reported (it reports those of 50 ms or more only: 0 is none). */
  longestTaskMs?: number;
  /** The longest the page's thread went without running a 0 ms timer: a finer bound on its longest task. */
  longestGapMs?: number;
  rows?: number;
}

/**
 * Times the page's thread by a timer loop (Chromium runs a nested 0 ms timer every ~4 ms when the
 * thread is free, and costs next to nothing): the longest gap between two runs bounds its longest
 * task from above, below the longtask API's 50 ms floor. Returns the function that stops it, after
 * one more tick: the task that was running when it was called is measured too.
 */
function tickGaps(): () => Promise<number> {
  let last = performance.now();
  let longest = 0;
  let on = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (on) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return () =>
    new Promise((resolve) =>
      setTimeout(() => {
        on = false;
        tick();
        resolve(longest);
      }, 0),
    );
}

async function bytesOf(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

async function ours(url: string, year: number): Promise<PageTiming> {
  const bytes = await bytesOf(url);
  const start = performance.now();
  const read = await readWorkbookFile(bytes, { limits: FILE_LIMITS.pane });
  if (!read.ok) throw new Error(read.message);
  const readMs = performance.now() - start;
  const result = validateWorkbook(read.grid, { year });
  evaluateCompliance(result.records, DEFAULT_POLICY, { year, asOf: defaultAsOf(year) });
  const rows = read.grid.sheets.reduce((n, s) => n + s.rows.length, 0);
  return { ms: performance.now() - start, readMs, rows };
}

async function worker(url: string, year: number): Promise<PageTiming> {
  const blob = await (await fetch(url)).blob();
  // As the page at load (addin/main.ts): the worker starts while the clerk is choosing a file.
  const client = new ValidationClient('validation-worker.js');
  client.start();
  await client.close();
  const standalone = fileHost(client);
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask' });
  const gaps = tickGaps();
  const start = performance.now();
  const opened = await standalone.open('bench.xlsx', blob);
  if (!opened.ok) throw new Error(opened.message);
  const readMs = performance.now() - start;
  // 校验, with the callback the pane's state gives the host (addin/ui/state.ts runValidation).
  const run = await standalone.host.validate(
    (grid) => (grid ? client.run(grid, year, 'zh') : client.validateOpened(year, 'zh')),
    () => undefined,
  );
  if (!run) throw new Error('no file open');
  const ms = performance.now() - start;
  const longestGapMs = await gaps();
  // Long tasks are reported asynchronously: give the last one a moment to arrive.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  const rows = opened.file.sheets.reduce((n, s) => n + s.rows, 0);
  return { ms, readMs, longestTaskMs: longest, longestGapMs, rows };
}

async function cells(url: string, year: number): Promise<PageTiming> {
  const read = await readWorkbookFile(await bytesOf(url), { limits: FILE_LIMITS.pane });
  if (!read.ok) throw new Error(read.message);
  const client = new ValidationClient('validation-worker.js');
  client.start();
  await client.close();
  const gaps = tickGaps();
  const start = performance.now();
  const outcome = await client.run(read.grid, year, 'zh');
  const ms = performance.now() - start;
  const longestGapMs = await gaps();
  // The pieces must make the very grid: the same validation as the worker's of the file itself.
  const direct = validateWorkbook(read.grid, { year });
  if (JSON.stringify(outcome.result.counts) !== JSON.stringify(direct.counts)) throw new Error('cells differ');
  const rows = read.grid.sheets.reduce((n, s) => n + s.rows.length, 0);
  return { ms, longestGapMs, rows };
}

async function exceljs(url: string): Promise<PageTiming> {
  const bytes = await bytesOf(url);
  const { default: ExcelJS } = await import('exceljs');
  const start = performance.now();
  await new ExcelJS.Workbook().xlsx.load(bytes.buffer as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as never);
  return { ms: performance.now() - start };
}

Object.assign(window, { bench: { ours, worker, cells, exceljs } });
