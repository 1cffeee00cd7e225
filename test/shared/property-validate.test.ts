import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FINDING_CODES, type Finding, SHEET_EMPTY_SEVERITY } from '../../shared/contract/codes.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import { type CellValue, parseA1, type WorkbookGrid } from '../../shared/grid.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { cloneGrid } from '../fixtures/plant.js';
import { propertyRuns } from '../fixtures/property-runs.js';

const RUNS = propertyRuns(process.env.SHIXUN_PROPERTY_RUNS, 10_000);
// Each case validates a workbook twice; 10,000 cases take a few seconds on a busy 2-core machine.
// Ten thousand runs take tens of seconds alone and minutes on a loaded two-core machine.
const TIMEOUT_MS = 300_000;
const YEAR = 2026;
const SHEET_LEVEL = new Set(['sheet.missing', 'sheet.extra', 'header.missing']);

/**
 * Plain checks instead of expect(): they run for every finding of 10,000 workbooks, and a failure
 * still shows the offending finding through fast-check's counterexample.
 */
function check(cond: boolean, what: string, subject: unknown): void {
  if (!cond) throw new Error(`${what}: ${JSON.stringify(subject)}`);
}

/** Every finding has a known code with its severity, a message, and a cell or a row unless it is sheet-level. */
function checkWellFormed(r: ValidationResult): void {
  for (const f of r.findings) checkFinding(f);
  check(r.ok === !r.findings.some((f) => f.severity === 'error'), 'ok matches the errors', r.findings);
  check(r.counts.errors === r.findings.filter((f) => f.severity === 'error').length, 'error count', r.counts);
  check(r.counts.fixes === r.fixes.length, 'fix count', r.counts);
  for (const x of r.fixes) check(parseA1(x.cell).row + 1 === x.row, 'fix row matches its cell', x);
  // Only rows without errors become records.
  const errorRows = new Set(
    r.findings.filter((f) => f.severity === 'error' && f.row !== null).map((f) => `${f.sheet}\u0000${f.row}`),
  );
  const nameOf = (key: string) => r.sheets.find((s) => s.key === key)?.name;
  for (const [key, list] of [
    ['teachers', r.records.teachers],
    ['trainings', r.records.trainings],
    ['duties', r.records.duties],
    ['milestones', r.records.milestones],
  ] as const) {
    for (const rec of list)
      check(!errorRows.has(`${nameOf(key)}\u0000${rec.row}`), 'a record comes from an error-free row', rec);
  }
}

function checkFinding(f: Finding): void {
  const severities: readonly string[] =
    f.code === 'sheet.empty' ? Object.values(SHEET_EMPTY_SEVERITY) : [FINDING_CODES[f.code]];
  check(severities.includes(f.severity), 'known code with its severity', f);
  check(f.message.length > 0, 'a message', f);
  const v = f.value;
  check(v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean', 'a primitive value', f);
  if (f.cell !== null) check(parseA1(f.cell).row + 1 === f.row, 'row matches the cell', f);
  else if (f.row === null) check(SHEET_LEVEL.has(f.code), 'a cell or a row unless sheet-level', f);
}

/** Validation twice gives the same result (compared as JSON: results hold only plain data). */
function checkDeterministic(g: WorkbookGrid, first: ValidationResult): void {
  check(JSON.stringify(validateWorkbook(g, { year: YEAR })) === JSON.stringify(first), 'deterministic', null);
}

const KNOWN_HEADERS = SHEET_LIST.flatMap((s) => s.columns.flatMap((c) => [c.header, ...c.aliases]));
const KNOWN_SHEETS = SHEET_LIST.flatMap((s) => [s.name, ...s.aliases]);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ...KNOWN_HEADERS,
      '合计',
      '男',
      '女',
      '区级',
      '是',
      '2026-03-01',
      '3.5学时',
      '11010519491231002X',
    ),
  },
  { weight: 2, arbitrary: fc.oneof(fc.double(), fc.integer({ min: -10, max: 50000 })) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constant(null).map(() => new Date(Number.NaN)) },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!').map((error) => ({ error })) },
);

const randomRows = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 8 });
// A standard sheet's own header row with random cells mixed in, so the data rows below it are read.
const headedSheet = fc
  .tuple(fc.constantFrom(...SHEET_LIST), fc.array(cell, { maxLength: 4 }), fc.nat(), randomRows)
  .map(([def, extra, at, rows]) => {
    const header: CellValue[] = def.columns.map((c) => c.header);
    header.splice(at % (header.length + 1), 0, ...extra);
    return { name: def.name, rows: [header, ...rows] };
  });

const grid: fc.Arbitrary<WorkbookGrid> = fc.record({
  sheets: fc.array(
    fc.oneof(
      fc.record({ name: fc.oneof(fc.constantFrom(...KNOWN_SHEETS), fc.string({ maxLength: 8 })), rows: randomRows }),
      headedSheet,
    ),
    { maxLength: 6 },
  ),
});

describe('validateWorkbook on random grids (property)', () => {
  it(
    'should never throw, report well-formed findings, and be deterministic',
    () => {
      fc.assert(
        fc.property(grid, (g) => {
          const a = validateWorkbook(g, { year: YEAR });
          checkWellFormed(a);
          checkDeterministic(g, a);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});

const BASE = generateSchool({
  seed: 2026,
  teachers: 6,
  trainingsPerTeacher: 3,
  year: YEAR,
  withDuties: true,
  withMilestones: true,
});

type Mutation =
  | { op: 'swap'; s1: number; r1: number; c1: number; s2: number; r2: number; c2: number }
  | { op: 'set'; s: number; r: number; c: number; v: CellValue }
  | { op: 'duplicate'; s: number; r: number }
  | { op: 'delete'; s: number; r: number }
  | { op: 'rename'; s: number; c: number; name: string }
  | { op: 'sheetName'; s: number; name: string }
  | { op: 'hole'; s: number; r: number; c: number };

const idx = fc.nat({ max: 1000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('swap' as const), s1: idx, r1: idx, c1: idx, s2: idx, r2: idx, c2: idx }),
  fc.record({ op: fc.constant('set' as const), s: idx, r: idx, c: idx, v: cell }),
  fc.record({ op: fc.constant('duplicate' as const), s: idx, r: idx }),
  fc.record({ op: fc.constant('delete' as const), s: idx, r: idx }),
  fc.record({
    op: fc.constant('rename' as const),
    s: idx,
    c: idx,
    name: fc.oneof(fc.constantFrom(...KNOWN_HEADERS), fc.string({ maxLength: 6 })),
  }),
  fc.record({
    op: fc.constant('sheetName' as const),
    s: idx,
    name: fc.oneof(fc.constantFrom(...KNOWN_SHEETS), fc.string({ maxLength: 6 })),
  }),
  fc.record({ op: fc.constant('hole' as const), s: idx, r: idx, c: idx }),
);

function apply(g: WorkbookGrid, m: Mutation): void {
  const sheetAt = (i: number) => g.sheets[i % g.sheets.length]!;
  const rowAt = (s: number, r: number) => {
    const sh = sheetAt(s);
    return sh.rows.length === 0 ? null : sh.rows[r % sh.rows.length]!;
  };
  switch (m.op) {
    case 'swap': {
      const a = rowAt(m.s1, m.r1),
        b = rowAt(m.s2, m.r2);
      if (!a || !b || a.length === 0 || b.length === 0) return;
      const ca = m.c1 % a.length,
        cb = m.c2 % b.length;
      [a[ca], b[cb]] = [b[cb]!, a[ca]!];
      return;
    }
    case 'set': {
      const row = rowAt(m.s, m.r);
      if (row) row[m.c % 20] = m.v;
      return;
    }
    case 'duplicate': {
      const sh = sheetAt(m.s);
      if (sh.rows.length === 0) return;
      const r = m.r % sh.rows.length;
      sh.rows.splice(r, 0, [...sh.rows[r]!]);
      return;
    }
    case 'delete': {
      const sh = sheetAt(m.s);
      if (sh.rows.length > 0) sh.rows.splice(m.r % sh.rows.length, 1);
      return;
    }
    case 'rename': {
      const row = rowAt(m.s, 0);
      if (row && row.length > 0) row[m.c % row.length] = m.name;
      return;
    }
    case 'sheetName':
      sheetAt(m.s).name = m.name;
      return;
    case 'hole': {
      // Readers may hand over sparse rows (exceljs leaves holes for never-touched cells).
      const row = rowAt(m.s, m.r);
      if (row && row.length > 0) delete row[m.c % row.length];
    }
  }
}

describe('validateWorkbook on mutated valid workbooks (property)', () => {
  it(
    'should never throw, report well-formed findings, and be deterministic',
    () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
          const g = cloneGrid(BASE);
          for (const m of ms) apply(g, m);
          const a = validateWorkbook(g, { year: YEAR });
          checkWellFormed(a);
          checkDeterministic(cloneGrid(g), a);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
