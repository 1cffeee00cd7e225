/// <reference lib="dom" />
/**
 * The page bench:files opens in Chromium: the three ways of reading the same workbook, each timed
 * inside the page from bytes already fetched, so that only the reading (and validating) counts.
 * - ours: our reader and the validation with compliance, on the page's own thread;
 * - worker: what the standalone page does — the file read in its Web Worker, its cells copied to the
 *   page, and validated there (the client in addin/ui/validation-client.ts), with the longest task
 *   the page's thread ran meanwhile;
 * - exceljs: exceljs loading the workbook as the page's reader did before ours.
 */

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
  longestTaskMs?: number;
  rows?: number;
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
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask' });
  const client = new ValidationClient('validation-worker.js');
  const start = performance.now();
  // As the standalone page does: open, take the cells (for the submission), validate them.
  const opened = await client.open(blob, 'bench.xlsx', 'zh');
  if (!opened.ok) throw new Error(opened.message);
  const grid = await client.openedGrid();
  const readMs = performance.now() - start;
  await client.run(grid, year, 'zh');
  const ms = performance.now() - start;
  // Long tasks are reported asynchronously: give the last one a moment to arrive.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  return { ms, readMs, longestTaskMs: longest };
}

async function exceljs(url: string): Promise<PageTiming> {
  const bytes = await bytesOf(url);
  const { default: ExcelJS } = await import('exceljs');
  const start = performance.now();
  await new ExcelJS.Workbook().xlsx.load(bytes.buffer as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as never);
  return { ms: performance.now() - start };
}

Object.assign(window, { bench: { ours, worker, exceljs } });
