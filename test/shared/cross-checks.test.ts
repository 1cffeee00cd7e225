/**
 * The cross-row checks on the ledgers that made them quadratic (one ID on every row): the same
 * findings at the same rows as on an ordinary ledger. Their speed is measured in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { SHEETS } from '../../shared/contract/sheets.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { duty, teacher, training, workbook, YEAR } from '../fixtures/grid-builder.js';
import { generateLedger } from '../fixtures/ledger.js';

const col = (key: string) => SHEETS.trainings.columns.findIndex((c) => c.key === key);

describe('cross-row checks on a ledger of one teacher', () => {
  const grid = generateLedger({ seed: 7, teachers: 1, rows: 5_000, year: YEAR });
  const rows = grid.sheets.find((s) => s.name === '培训记录')!.rows;

  it('should warn every repeated row, pointing at its first copy, and keep the others as records', () => {
    const r = validateWorkbook(grid, { year: YEAR });
    const dups = r.findings.filter((f) => f.code === 'duplicate.training');
    // Every 100th row of the teacher repeats the one before it: sheet rows 101, 201, … 5001.
    expect(dups.map((f) => f.row)).toEqual(Array.from({ length: 50 }, (_, k) => 101 + 100 * k));
    expect(dups.every((f) => f.cell === `A${f.row}` && f.message.includes(`第 ${f.row! - 1} 行`))).toBe(true);
    expect(r.findings.length).toBe(50);
    expect(r.records.trainings).toHaveLength(4_950);
  });

  it('should find a copy of the first row at the very end, 5,000 rows later', () => {
    const g = {
      sheets: grid.sheets.map((s) => (s.name === '培训记录' ? { ...s, rows: [...rows, rows[1]!.slice()] } : s)),
    };
    const r = validateWorkbook(g, { year: YEAR });
    expect(r.findings.filter((f) => f.code === 'duplicate.training').at(-1)).toMatchObject({
      row: 5_002,
      message: expect.stringContaining('第 2 行'),
    });
  });

  it('should tell trainings apart by course, start and end, with the same ID on every row', () => {
    const base = rows[1]!;
    const variants = [col('course'), col('startDate'), col('endDate')].map((c) => {
      const v = base.slice();
      v[c] = c === col('course') ? '另一个培训项目' : '2026-12-30';
      return v;
    });
    const g = {
      sheets: grid.sheets.map((s) => (s.name === '培训记录' ? { ...s, rows: [rows[0]!, base, ...variants] } : s)),
    };
    expect(validateWorkbook(g, { year: YEAR }).findings.filter((f) => f.code === 'duplicate.training')).toEqual([]);
  });

  it('should flag the one row whose name differs from the roster among thousands of the same ID', () => {
    const changed = rows.map((r) => r.slice());
    changed[2_500]![col('name')] = '王五';
    const g = { sheets: grid.sheets.map((s) => (s.name === '培训记录' ? { ...s, rows: changed } : s)) };
    const mismatches = validateWorkbook(g, { year: YEAR }).findings.filter((f) => f.code === 'reference.name_mismatch');
    expect(mismatches).toMatchObject([{ row: 2_501, cell: 'B2501' }]);
  });
});

describe('duplicate.training around the switch from comparing rows to a Map (16 rows a teacher)', () => {
  const t0 = teacher(0);
  const distinct = (n: number) => Array.from({ length: n }, (_, k) => training(t0, { course: `培训项目第${k + 1}期` }));
  it.each([14, 15, 16, 17, 40])('should find the copy of each earlier row after %i distinct rows', (n) => {
    const rows = distinct(n);
    const copies = [rows[0]!, rows[n - 1]!, rows[Math.floor(n / 2)]!].map((r) => ({ ...r }));
    const r = validateWorkbook(workbook({ teachers: [t0], trainings: [...rows, ...copies] }), { year: YEAR });
    const dups = r.findings.filter((f) => f.code === 'duplicate.training');
    expect(dups.map((f) => f.row)).toEqual([n + 2, n + 3, n + 4]);
    expect(dups.map((f) => f.message.match(/第 (\d+) 行/)![1])).toEqual([2, n + 1, Math.floor(n / 2) + 2].map(String));
    expect(r.records.trainings).toHaveLength(n);
  });
});

describe('duplicate.duty on many terms of one teacher', () => {
  it('should report each repeated term once, on the later rows', () => {
    const t0 = teacher(0);
    const terms = Array.from({ length: 60 }, (_, k) => `${1966 + k}-${1967 + k}-${(k % 2) + 1}`);
    const duties = [
      ...terms.map((semester) => duty(t0, { semester })),
      duty(t0, { semester: terms[0]! }),
      duty(t0, { semester: terms[59]! }),
    ];
    const r = validateWorkbook(workbook({ teachers: [t0], duties }), { year: YEAR });
    expect(r.findings.map((f) => [f.code, f.row])).toEqual([
      ['duplicate.duty', 62],
      ['duplicate.duty', 63],
    ]);
    expect(r.records.duties).toHaveLength(60);
  });
});
