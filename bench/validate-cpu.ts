/**
 * `npm run bench:validate-cpu -- FILE.xlsx [...]`: the CPU time of validateWorkbook and
 * evaluateCompliance alone on real workbooks (issue 10: `cli check` must be ≤ 0.25× an exceljs
 * load, and the same code runs in the pane's Web Worker and on every submission). Each file is
 * read once with readWorkbookFile, as the CLI reads it; then, in interleaved rounds, validation
 * (with progress, as the CLI calls it), compliance as `cli check` calls it (countedRecords false)
 * and compliance with counted records (the worker and the pane) are timed. Prints the medians of
 * process CPU time (user + system, which a busy shared machine disturbs less than wall time) and
 * rows per second. Process CPU counts the engine's other threads too: on a first run, compiling the
 * hot code and helping the collector are about half of it (measured on the 5,000-teacher workbook).
 *
 * `--runs=N` sets the timed rounds (default 7, after one warm-up round).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FILE_LIMITS } from '../shared/files/index.js';
import type { WorkbookGrid } from '../shared/grid.js';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../shared/policy/index.js';
import { validateWorkbook } from '../shared/validate/index.js';
import { readWorkbookFile } from '../workbook/read-file.js';

const RUNS_ARG = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = RUNS_ARG === undefined ? 7 : Math.max(1, Number(RUNS_ARG.slice('--runs='.length)));
const FILES = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** The year the bench workbooks are generated for; a past year, so asOf is its 31 Dec. */
const YEAR = 2025;

function cpuMs<T>(f: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = f();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function rowsOf(grid: WorkbookGrid): number {
  return grid.sheets.reduce((n, s) => n + s.rows.length, 0);
}

if (FILES.length === 0) {
  process.stderr.write('usage: npm run bench:validate-cpu -- FILE.xlsx [...] [--runs=N]\n');
  process.exit(2);
}

const asOf = defaultAsOf(YEAR);
process.stdout.write(
  `${'file'.padEnd(38)} ${'rows'.padStart(7)} ${'first v+c ms'.padStart(13)} ${'validate ms'.padStart(12)} ${'check ms'.padStart(9)} ${'counted ms'.padStart(11)} ${'rows/s'.padStart(10)}\n`,
);
for (const path of FILES) {
  const read = await readWorkbookFile(new Uint8Array(await readFile(path)), { limits: FILE_LIMITS.cli });
  if (!read.ok) throw new Error(`${path}: ${read.message}`);
  const grid = read.grid;
  const samples = { validate: [] as number[], check: [] as number[], counted: [] as number[] };
  const first = { validate: 0, check: 0 };
  for (let round = 0; round <= RUNS; round++) {
    const v = cpuMs(() => validateWorkbook(grid, { year: YEAR, lang: 'zh', onProgress: () => {} }));
    const records = v.value.records;
    const c = cpuMs(() => evaluateCompliance(records, DEFAULT_POLICY, { year: YEAR, asOf, countedRecords: false }));
    const k = cpuMs(() => evaluateCompliance(records, DEFAULT_POLICY, { year: YEAR, asOf }));
    // The first round pays for compiling the code, as a `cli check` run does: shown apart.
    if (round === 0) {
      first.validate = v.ms;
      first.check = c.ms;
      continue;
    }
    samples.validate.push(v.ms);
    samples.check.push(c.ms);
    samples.counted.push(k.ms);
  }
  const rows = rowsOf(grid);
  const v = median(samples.validate);
  process.stdout.write(
    `${basename(path).padEnd(38)} ${fmt(rows).padStart(7)} ${`${fmt(first.validate)}+${fmt(first.check)}`.padStart(13)} ${fmt(v).padStart(12)} ${fmt(median(samples.check)).padStart(9)} ${fmt(median(samples.counted)).padStart(11)} ${fmt((rows / v) * 1000).padStart(10)}\n`,
  );
}
