/**
 * `npm run bench`: validation and compliance speed on generated schools of 500, 5,000 and 20,000
 * teachers (about 12 trainings each), against the plain JSON.parse of the same grid, plus the .xlsx
 * read of the 5,000-teacher school. Goal (issue 2): validation + compliance of 5,000 teachers /
 * 60,000 records under 1 s, and within 10× of JSON.parse.
 *
 * Then the ledgers of issue 10, whose rows per second must stay within 2× of each other and of the
 * ordinary school: one ID on 50,000 and on 100,000 rows, 230,000 rows for 11 teachers, 300,000
 * rows for 25,000 teachers. Cross-row checks that scanned a teacher's earlier rows made the first
 * ones quadratic. They run in interleaved rounds and are compared on CPU time, so that the other
 * work on a shared machine does not decide the ratios.
 *
 * `npm run bench -- --ledgers` runs only the ledgers; `--runs=N` sets the timed runs per case.
 */
import { availableParallelism, loadavg } from 'node:os';
import { FILE_LIMITS } from '../shared/files/index.js';
import { encodeWorkbook, type WorkbookGrid } from '../shared/grid.js';
import { currentYear, DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../shared/policy/index.js';
import { validateWorkbook } from '../shared/validate/index.js';
import { generateSchool } from '../test/fixtures/generate-school.js';
import { generateLedger } from '../test/fixtures/ledger.js';
import { readWorkbookFile } from '../workbook/read-file.js';
import { gridToXlsx } from '../workbook/write-fixes.js';

const LEDGERS_ONLY = process.argv.includes('--ledgers');
const RUNS_ARG = process.argv.find((a) => a.startsWith('--runs='));
const RUNS = RUNS_ARG === undefined ? null : Math.max(1, Number(RUNS_ARG.slice('--runs='.length)));
const SIZES = LEDGERS_ONLY ? [] : ([500, 5_000, 20_000] as const);
// `named`: the three ledgers issue 10 names; the 50,000-row one is the case measured before the fix.
const LEDGERS = [
  { teachers: 1, rows: 50_000, named: false },
  { teachers: 1, rows: 100_000, named: true },
  { teachers: 11, rows: 230_000, named: true },
  { teachers: 25_000, rows: 300_000, named: true },
] as const;
/** Rows per second of the slowest ledger against the fastest, and against the ordinary school. */
const LEDGER_MAX_SPREAD = 2;
const XLSX_SIZE = 5_000;
const GOAL = { teachers: 5_000, maxMs: 1_000, maxRatio: 10 } as const;
/** A past year, so that asOf is its 31 Dec and the figures do not depend on today's date. */
const YEAR = currentYear() - 1;

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

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

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
  const grid = generateSchool({
    seed: 2026,
    teachers,
    year: YEAR,
    withDuties: true,
    withMilestones: true,
    trainingsPerTeacher: 12,
  });
  const runs = RUNS ?? (teachers >= 20_000 ? 3 : 5);
  const validate = time(runs, () => validateWorkbook(grid, { year: YEAR }));
  const check = time(runs, () => {
    const r = validateWorkbook(grid, { year: YEAR });
    return evaluateCompliance(r.records, DEFAULT_POLICY, { year: YEAR, asOf });
  });
  const json = JSON.stringify(encodeWorkbook(grid));
  const parse = time(runs, () => JSON.parse(json) as unknown);
  results.push({
    teachers,
    records: dataRows(grid),
    validateMs: validate.ms,
    checkMs: check.ms,
    parseMs: parse.ms,
    errors: validate.value.counts.errors,
  });
  if (teachers === XLSX_SIZE) {
    const written = await timeAsync(() => gridToXlsx(grid));
    const read = await timeAsync(() => readWorkbookFile(written.value, { limits: FILE_LIMITS.cli }));
    const rows = read.value.ok ? dataRows(read.value.grid) : 0;
    xlsxFigures = { bytes: written.value.byteLength, writeMs: written.ms, readMs: read.ms, rows };
  }
  process.stderr.write(`  ${fmt(teachers)} teachers done\n`);
}

interface LedgerRow {
  label: string;
  teachers: number;
  named: boolean;
  trainings: number;
  records: number;
  validate: Timing;
  check: Timing;
  warnings: number;
  errors: number;
}

interface Timing {
  /** Median wall-clock ms. */
  wallMs: number;
  /** Median CPU ms of this process (user + system, GC threads included). */
  cpuMs: number;
}

const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Timed round-robin after one warm-up of each: one run of every case, then the next round. The
 * ratios between cases are taken on CPU time, which other processes on the shared machine do not
 * inflate the way they inflate wall-clock time (both are printed).
 */
function timeRoundRobin(runs: number, cases: readonly (() => unknown)[]): Timing[] {
  for (const f of cases) f();
  const wall = cases.map((): number[] => []);
  const cpu = cases.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    cases.forEach((f, k) => {
      const c0 = process.cpuUsage();
      const start = performance.now();
      f();
      wall[k]!.push(performance.now() - start);
      const c = process.cpuUsage(c0);
      cpu[k]!.push((c.user + c.system) / 1000);
    });
  }
  return cases.map((_, k) => ({ wallMs: median(wall[k]!), cpuMs: median(cpu[k]!) }));
}

// The ordinary school (about 12 trainings a teacher) is the reference the pathological ledgers are
// held to; it is timed in the same rounds.
const ORDINARY_TEACHERS = 20_000;
const ledgerCases = [
  {
    label: `ordinary school, ${fmt(ORDINARY_TEACHERS)} teachers`,
    teachers: ORDINARY_TEACHERS,
    named: false,
    grid: generateSchool({
      seed: 2026,
      teachers: ORDINARY_TEACHERS,
      year: YEAR,
      withDuties: true,
      withMilestones: true,
      trainingsPerTeacher: 12,
    }),
  },
  ...LEDGERS.map(({ teachers, rows, named }) => ({
    label: `${fmt(rows)} rows, ${fmt(teachers)} ${teachers === 1 ? 'teacher' : 'teachers'}`,
    teachers,
    named,
    grid: generateLedger({ seed: 2026, teachers, rows, year: YEAR }),
  })),
];
const ledgerRuns = RUNS ?? 3;
const validateTimes = timeRoundRobin(
  ledgerRuns,
  ledgerCases.map(
    ({ grid }) =>
      () =>
        validateWorkbook(grid, { year: YEAR }),
  ),
);
process.stderr.write('  ledgers validated\n');
const checkTimes = timeRoundRobin(
  ledgerRuns,
  ledgerCases.map(({ grid }) => () => {
    const r = validateWorkbook(grid, { year: YEAR });
    return evaluateCompliance(r.records, DEFAULT_POLICY, { year: YEAR, asOf });
  }),
);
process.stderr.write('  ledgers checked\n');
const ledgers: LedgerRow[] = ledgerCases.map(({ label, teachers, named, grid }, k) => {
  const c = validateWorkbook(grid, { year: YEAR }).counts;
  return {
    label,
    teachers,
    named,
    trainings: c.trainings,
    records: dataRows(grid),
    validate: validateTimes[k]!,
    check: checkTimes[k]!,
    warnings: c.warnings,
    errors: c.errors,
  };
});

/** Right-aligned columns under a header and a rule. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const rate = (records: number, ms: number): number => records / (ms / 1000);

console.log(
  `Shixun validation benchmark — Node ${process.version}, year ${YEAR}, asOf ${asOf}, median of ${RUNS ?? '3–5'} runs after a warm-up`,
);
console.log(
  `${availableParallelism()} cores, load average ${loadAtStart.toFixed(1)} at start and ${loadavg()[0]!.toFixed(1)} at the end`,
);

if (results.length > 0) {
  console.log(
    'records = data rows of 教师名册 + 培训记录 + 骨干履职 + 青年教师考核; ratio = (validate+compliance) / JSON.parse of the same grid\n',
  );
  printTable(
    [
      'teachers',
      'records',
      'validate ms',
      'rows/s',
      'validate+compliance ms',
      'rows/s',
      'JSON.parse ms',
      'ratio',
      'errors',
    ],
    results.map((r) => [
      fmt(r.teachers),
      fmt(r.records),
      fmt(r.validateMs, 1),
      fmt(rate(r.records, r.validateMs)),
      fmt(r.checkMs, 1),
      fmt(rate(r.records, r.checkMs)),
      fmt(r.parseMs, 1),
      `${fmt(r.checkMs / r.parseMs, 1)}×`,
      String(r.errors),
    ]),
  );
}

if (xlsxFigures) {
  console.log(
    `\n.xlsx, ${fmt(XLSX_SIZE)} teachers: ${fmt(xlsxFigures.bytes / 1024)} KiB, ${fmt(xlsxFigures.rows)} data rows; ` +
      `read ${fmt(xlsxFigures.readMs)} ms (${fmt(xlsxFigures.rows / (xlsxFigures.readMs / 1000))} rows/s), written in ${fmt(xlsxFigures.writeMs)} ms`,
  );
}

console.log(
  `\nLedgers (issue 10), median of ${ledgerRuns} interleaved runs after a warm-up. records = data rows of every sheet; ` +
    'rows/s = records per CPU second of validation; "vs ordinary" = the ordinary school\'s rows/s ÷ the ledger\'s ' +
    '(above 1× the ledger is slower)\n',
);
const cpuRate = (l: LedgerRow): number => rate(l.records, l.validate.cpuMs);
const ordinaryRate = cpuRate(ledgers[0]!);
printTable(
  [
    'ledger',
    'training rows',
    'records',
    'validate wall ms',
    'CPU ms',
    'rows/s',
    'vs ordinary',
    'validate+compliance CPU ms',
    'rows/s',
    'warnings',
    'errors',
  ],
  ledgers.map((l) => [
    l.label,
    fmt(l.trainings),
    fmt(l.records),
    fmt(l.validate.wallMs, 1),
    fmt(l.validate.cpuMs, 1),
    fmt(cpuRate(l)),
    `${fmt(ordinaryRate / cpuRate(l), 2)}×`,
    fmt(l.check.cpuMs, 1),
    fmt(rate(l.records, l.check.cpuMs)),
    String(l.warnings),
    String(l.errors),
  ]),
);
const spreadOf = (rates: number[]): number => Math.max(...rates) / Math.min(...rates);
const pathological = ledgers.slice(1).map(cpuRate);
const spread = spreadOf(pathological);
const slowdown = ordinaryRate / Math.min(...pathological);
const namedSpread = spreadOf(ledgers.filter((l) => l.named).map(cpuRate));
const verdict = (x: number): string => (x <= LEDGER_MAX_SPREAD ? 'yes' : 'NO');
console.log(
  `\nLedger goals (≤ ${LEDGER_MAX_SPREAD}×, on rows per CPU second): the 3 ledgers of issue 10, fastest / slowest ` +
    `${fmt(namedSpread, 2)}× (${verdict(namedSpread)}); all ${pathological.length} ledgers ${fmt(spread, 2)}× (${verdict(spread)}); ` +
    `slowest ledger against the ordinary school ${fmt(slowdown, 2)}× (${verdict(slowdown)}) — ` +
    `${Math.max(namedSpread, spread, slowdown) <= LEDGER_MAX_SPREAD ? 'MET' : 'NOT MET'}`,
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
