/**
 * `npm run bench`: validation and compliance speed on generated schools of 500, 5,000 and 20,000
 * teachers (about 12 trainings each), against the plain JSON.parse of the same grid, plus the .xlsx
 * read of the 5,000-teacher school. Goal (issue 2): validation + compliance of 5,000 teachers /
 * 60,000 records under 1 s, and within 10× of JSON.parse.
 *
 * Then the ledgers of issue 10, whose rows per second must stay within 2× of each other and of the
 * ordinary school: one ID on 50,000 and on 100,000 rows, 230,000 rows for 11 teachers, 300,000
 * rows for 25,000 teachers. Cross-row checks that scanned a teacher's earlier rows made the first
 * ones quadratic.
 *
 * `npm run bench -- --ledgers` runs only the ledgers; `--runs=N` sets the timed runs per case.
 */
import { availableParallelism, loadavg } from 'node:os';
import { readXlsx } from '../workbook/read.js';
import { gridToXlsx } from '../workbook/write-fixes.js';
import { encodeWorkbook, type WorkbookGrid } from '../shared/grid.js';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../shared/policy/index.js';
import { validateWorkbook } from '../shared/validate/index.js';
import { generateSchool } from '../test/fixtures/generate-school.js';
import { generateLedger } from '../test/fixtures/ledger.js';

const LEDGERS_ONLY = process.argv.includes('--ledgers');
const RUNS_ARG = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = RUNS_ARG === undefined ? null : Math.max(1, Number(RUNS_ARG.slice('--runs='.length)));
const SIZES = LEDGERS_ONLY ? [] : ([500, 5_000, 20_000] as const);
const LEDGERS = [
  { teachers: 1, rows: 50_000 },
  { teachers: 1, rows: 100_000 },
  { teachers: 11, rows: 230_000 },
  { teachers: 25_000, rows: 300_000 },
] as const;
/** Rows per second of the slowest ledger against the fastest, and against the ordinary school. */
const LEDGER_MAX_SPREAD = 2;
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
  const runs = RUNS ?? (teachers >= 20_000 ? 3 : 5);
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
    const read = await timeAsync(() => readXlsx(written.value));
    const rows = read.value.ok ? dataRows(read.value.grid) : 0;
    xlsxFigures = { bytes: written.value.byteLength, writeMs: written.ms, readMs: read.ms, rows };
  }
  process.stderr.write(`  ${fmt(teachers)} teachers done\n`);
}

interface LedgerRow {
  teachers: number;
  trainings: number;
  records: number;
  validateMs: number;
  checkMs: number;
  warnings: number;
  errors: number;
}

const ledgers: LedgerRow[] = [];
for (const { teachers, rows } of LEDGERS) {
  const grid = generateLedger({ seed: 2026, teachers, rows, year: YEAR });
  const runs = RUNS ?? 3;
  const validate = time(runs, () => validateWorkbook(grid, { year: YEAR }));
  const check = time(runs, () => {
    const r = validateWorkbook(grid, { year: YEAR });
    return evaluateCompliance(r.records, DEFAULT_POLICY, { year: YEAR, asOf });
  });
  const c = validate.value.counts;
  ledgers.push({ teachers, trainings: c.trainings, records: dataRows(grid), validateMs: validate.ms, checkMs: check.ms, warnings: c.warnings, errors: c.errors });
  process.stderr.write(`  ledger of ${fmt(rows)} rows for ${fmt(teachers)} teachers done\n`);
}

/** Right-aligned columns under a header and a rule. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const rate = (records: number, ms: number): number => records / (ms / 1000);

console.log(`Shixun validation benchmark — Node ${process.version}, year ${YEAR}, asOf ${asOf}, median of ${RUNS ?? '3–5'} runs after a warm-up`);
console.log(`${availableParallelism()} cores, load average ${loadAtStart.toFixed(1)} at start and ${loadavg()[0]!.toFixed(1)} at the end`);

if (results.length > 0) {
  console.log('records = data rows of 教师名册 + 培训记录 + 骨干履职 + 青年教师考核; ratio = (validate+compliance) / JSON.parse of the same grid\n');
  printTable(
    ['teachers', 'records', 'validate ms', 'rows/s', 'validate+compliance ms', 'rows/s', 'JSON.parse ms', 'ratio', 'errors'],
    results.map((r) => [
      fmt(r.teachers), fmt(r.records), fmt(r.validateMs, 1), fmt(rate(r.records, r.validateMs)),
      fmt(r.checkMs, 1), fmt(rate(r.records, r.checkMs)), fmt(r.parseMs, 1), `${fmt(r.checkMs / r.parseMs, 1)}×`, String(r.errors),
    ]),
  );
}

if (xlsxFigures) {
  console.log(
    `\n.xlsx, ${fmt(XLSX_SIZE)} teachers: ${fmt(xlsxFigures.bytes / 1024)} KiB, ${fmt(xlsxFigures.rows)} data rows; ` +
      `read ${fmt(xlsxFigures.readMs)} ms (${fmt(xlsxFigures.rows / (xlsxFigures.readMs / 1000))} rows/s), written in ${fmt(xlsxFigures.writeMs)} ms`,
  );
}

const ordinary = results.find((r) => r.teachers === 20_000);
const ordinaryRate = ordinary ? rate(ordinary.records, ordinary.validateMs) : null;
console.log('\nLedgers (issue 10): records = roster rows + training rows; "vs fastest" and "vs ordinary" compare validate rows/s\n');
const fastest = Math.max(...ledgers.map((l) => rate(l.records, l.validateMs)));
printTable(
  ['teachers', 'training rows', 'records', 'validate ms', 'rows/s', 'vs fastest', 'vs ordinary', 'validate+compliance ms', 'rows/s', 'warnings', 'errors'],
  ledgers.map((l) => {
    const r = rate(l.records, l.validateMs);
    return [
      fmt(l.teachers), fmt(l.trainings), fmt(l.records), fmt(l.validateMs, 1), fmt(r), `${fmt(fastest / r, 2)}×`,
      ordinaryRate === null ? '–' : `${fmt(ordinaryRate / r, 2)}×`, fmt(l.checkMs, 1), fmt(rate(l.records, l.checkMs)),
      String(l.warnings), String(l.errors),
    ];
  }),
);
const slowest = Math.min(...ledgers.map((l) => rate(l.records, l.validateMs)));
const spread = fastest / slowest;
const vsOrdinary = ordinaryRate === null ? null : Math.max(ordinaryRate / slowest, slowest / ordinaryRate, fastest / ordinaryRate, ordinaryRate / fastest);
console.log(
  `\nLedger goal: fastest / slowest ${fmt(spread, 2)}× (≤ ${LEDGER_MAX_SPREAD}×: ${spread <= LEDGER_MAX_SPREAD ? 'yes' : 'NO'})` +
    (vsOrdinary === null
      ? ' (run without --ledgers to compare with the ordinary 20,000-teacher school)'
      : `; furthest from the ordinary 20,000-teacher school ${fmt(vsOrdinary, 2)}× (≤ ${LEDGER_MAX_SPREAD}×: ${vsOrdinary <= LEDGER_MAX_SPREAD ? 'yes' : 'NO'})`) +
    ` — ${spread <= LEDGER_MAX_SPREAD && (vsOrdinary === null || vsOrdinary <= LEDGER_MAX_SPREAD) ? 'MET' : 'NOT MET'}`,
);

if (results.length > 0) {
  const goal = results.find((r) => r.teachers === GOAL.teachers)!;
  const ratio = goal.checkMs / goal.parseMs;
  const met = goal.checkMs < GOAL.maxMs && ratio <= GOAL.maxRatio;
  console.log(
    `\nGoal (${fmt(GOAL.teachers)} teachers, ${fmt(goal.records)} records): validate+compliance ${fmt(goal.checkMs)} ms ` +
      `(< ${fmt(GOAL.maxMs)} ms: ${goal.checkMs < GOAL.maxMs ? 'yes' : 'NO'}), ${fmt(ratio, 1)}× JSON.parse ` +
      `(≤ ${GOAL.maxRatio}×: ${ratio <= GOAL.maxRatio ? 'yes' : 'NO'}) — ${met ? 'MET' : 'NOT MET'}`,
  );
}
