/**
 * `npm run bench`: validation and compliance speed on generated schools of 500, 5,000 and 20,000
 * teachers (about 12 trainings each), against the plain JSON.parse of the same grid, plus the .xlsx
 * read of the 5,000-teacher school. Goal (issue 2): validation + compliance of 5,000 teachers /
 * 60,000 records under 1 s, and within 10× of JSON.parse.
 */
import { availableParallelism, loadavg } from 'node:os';
import { FILE_LIMITS } from '../shared/files/index.js';
import { readWorkbookFile } from '../workbook/read-file.js';
import { gridToXlsx } from '../workbook/write-fixes.js';
import { encodeWorkbook, type WorkbookGrid } from '../shared/grid.js';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../shared/policy/index.js';
import { validateWorkbook } from '../shared/validate/index.js';
import { generateSchool } from '../test/fixtures/generate-school.js';

const SIZES = [500, 5_000, 20_000] as const;
const XLSX_SIZE = 5_000;
const GOAL = { teachers: 5_000, maxMs: 1_000, maxRatio: 10 } as const;
/** A past year, so that asOf is its 31 Dec and the figures do not depend on today's date. */
const YEAR = new Date().getFullYear() - 1;

/** Median of `runs` timed calls after one warm-up call (the first run pays for JIT compilation). */
function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  let value = f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = f();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)]!, value };
}

async function timeAsync<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await f();
  return { ms: performance.now() - start, value };
}

function dataRows(grid: WorkbookGrid): number {
  // Every row but each table sheet's header (学校概况 is one key/value block).
  return grid.sheets.filter((s) => s.name !== '学校概况').reduce((n, s) => n + s.rows.length - 1, 0);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Row {
  teachers: number;
  records: number;
  validateMs: number;
  checkMs: number;
  parseMs: number;
  errors: number;
}

const results: Row[] = [];
let xlsxFigures: { bytes: number; writeMs: number; readMs: number; rows: number } | null = null;
const asOf = defaultAsOf(YEAR);
// Figures on a shared machine are only comparable with the load they were taken under.
const loadAtStart = loadavg()[0]!;

for (const teachers of SIZES) {
  const grid = generateSchool({ seed: 2026, teachers, year: YEAR, withDuties: true, withMilestones: true, trainingsPerTeacher: 12 });
  const runs = teachers >= 20_000 ? 3 : 5;
  const validate = time(runs, () => validateWorkbook(grid, { year: YEAR }));
  const check = time(runs, () => {
    const r = validateWorkbook(grid, { year: YEAR });
    return evaluateCompliance(r.records, DEFAULT_POLICY, { year: YEAR, asOf });
  });
  const json = JSON.stringify(encodeWorkbook(grid));
  const parse = time(runs, () => JSON.parse(json) as unknown);
  results.push({ teachers, records: dataRows(grid), validateMs: validate.ms, checkMs: check.ms, parseMs: parse.ms, errors: validate.value.counts.errors });
  if (teachers === XLSX_SIZE) {
    const written = await timeAsync(() => gridToXlsx(grid));
    const read = await timeAsync(() => readWorkbookFile(written.value, { limits: FILE_LIMITS.cli }));
    const rows = read.value.ok ? dataRows(read.value.grid) : 0;
    xlsxFigures = { bytes: written.value.byteLength, writeMs: written.ms, readMs: read.ms, rows };
  }
  process.stderr.write(`  ${fmt(teachers)} teachers done\n`);
}

const header = ['teachers', 'records', 'validate ms', 'rows/s', 'validate+compliance ms', 'rows/s', 'JSON.parse ms', 'ratio', 'errors'];
const table = results.map((r) => [
  fmt(r.teachers), fmt(r.records), fmt(r.validateMs, 1), fmt(r.records / (r.validateMs / 1000)),
  fmt(r.checkMs, 1), fmt(r.records / (r.checkMs / 1000)), fmt(r.parseMs, 1), `${fmt(r.checkMs / r.parseMs, 1)}×`, String(r.errors),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');

console.log(`Shixun validation benchmark — Node ${process.version}, year ${YEAR}, asOf ${asOf}, median of 3–5 runs after a warm-up`);
console.log(`${availableParallelism()} cores, load average ${loadAtStart.toFixed(1)} at start and ${loadavg()[0]!.toFixed(1)} at the end`);
console.log('records = data rows of 教师名册 + 培训记录 + 骨干履职 + 青年教师考核; ratio = (validate+compliance) / JSON.parse of the same grid\n');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));

if (xlsxFigures) {
  console.log(
    `\n.xlsx, ${fmt(XLSX_SIZE)} teachers: ${fmt(xlsxFigures.bytes / 1024)} KiB, ${fmt(xlsxFigures.rows)} data rows; ` +
      `read ${fmt(xlsxFigures.readMs)} ms (${fmt(xlsxFigures.rows / (xlsxFigures.readMs / 1000))} rows/s), written in ${fmt(xlsxFigures.writeMs)} ms`,
  );
}

const goal = results.find((r) => r.teachers === GOAL.teachers)!;
const ratio = goal.checkMs / goal.parseMs;
const met = goal.checkMs < GOAL.maxMs && ratio <= GOAL.maxRatio;
console.log(
  `\nGoal (${fmt(GOAL.teachers)} teachers, ${fmt(goal.records)} records): validate+compliance ${fmt(goal.checkMs)} ms ` +
    `(< ${fmt(GOAL.maxMs)} ms: ${goal.checkMs < GOAL.maxMs ? 'yes' : 'NO'}), ${fmt(ratio, 1)}× JSON.parse ` +
    `(≤ ${GOAL.maxRatio}×: ${ratio <= GOAL.maxRatio ? 'yes' : 'NO'}) — ${met ? 'MET' : 'NOT MET'}`,
);
