import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type CellValue, parseA1, type WorkbookGrid } from '../../shared/grid.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { cloneGrid } from '../fixtures/plant.js';
import { propertyRuns } from '../fixtures/property-runs.js';

const RUNS = propertyRuns(process.env.SHIXUN_PROPERTY_RUNS, 10_000);
const YEAR = 2026;
// Ten thousand runs take tens of seconds alone and minutes on a loaded two-core machine.
const TIMEOUT_MS = 300_000;

const BASE = generateSchool({ seed: 77, teachers: 5, trainingsPerTeacher: 3, year: YEAR });
const BASE_RECORDS = JSON.stringify(validateWorkbook(BASE, { year: YEAR }).records);

const toFullWidth = (s: string): string =>
  s.replace(/[0-9A-Za-z()\-.:]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The ways a clerk's cell differs from the clean value while meaning the same. */
const VARIANTS: ((v: string) => string)[] = [
  (v) => ` ${v}\u3000`,
  (v) => `\u00a0${v}`,
  (v) => toFullWidth(v),
  (v) => ` ${toFullWidth(v)} `,
];

function check(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

/** Writes every fix's `to` into its cell, as the CLI's `fix` command does. */
function applyFixes(grid: WorkbookGrid, fixes: ReturnType<typeof validateWorkbook>['fixes']): void {
  for (const f of fixes) {
    const sheet = grid.sheets.find((s) => s.name === f.sheet)!;
    const { row, col } = parseA1(f.cell);
    sheet.rows[row]![col] = f.to as CellValue;
  }
}

describe('fixes (property)', () => {
  it(
    'should read messy cells as the clean values, and leave nothing to fix once the fixes are applied',
    () => {
      const targets = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: VARIANTS.length - 1 })), {
        minLength: 1,
        maxLength: 8,
      });
      fc.assert(
        fc.property(targets, (ts) => {
          const g = cloneGrid(BASE);
          for (const [s, r, c, k] of ts) {
            const sheet = g.sheets[s % g.sheets.length]!;
            if (sheet.rows.length < 2) continue;
            const row = sheet.rows[1 + (r % (sheet.rows.length - 1))]!;
            const v = row[c % row.length];
            if (typeof v === 'string' && v !== '') row[c % row.length] = VARIANTS[k]!(v);
          }
          const first = validateWorkbook(g, { year: YEAR });
          check(
            first.ok && first.findings.length === 0,
            `messy cells made findings: ${JSON.stringify(first.findings)}`,
          );
          check(JSON.stringify(first.records) === BASE_RECORDS, 'messy cells changed the records');
          applyFixes(g, first.fixes);
          const second = validateWorkbook(g, { year: YEAR });
          check(second.fixes.length === 0, `fixes left after applying them: ${JSON.stringify(second.fixes)}`);
          check(JSON.stringify(second.records) === BASE_RECORDS, 'applying the fixes changed the records');
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
