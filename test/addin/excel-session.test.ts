import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capsAt } from '../../addin/excel/caps.js';
import type { MarkRegistry } from '../../addin/excel/mark-findings.js';
import { clearMarksInExcel, MARKS_KEY, validateInExcel } from '../../addin/office/excel-session.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant } from '../fixtures/plant.js';
import { fakeExcel, fakeSheets } from './fake-excel.js';

const globals = globalThis as unknown as Record<string, unknown>;
let settings: Map<string, unknown>;

function install(fake: ReturnType<typeof fakeExcel>): void {
  globals.Excel = { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(fake.context) };
  globals.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded' },
    context: {
      document: {
        settings: {
          get: (key: string) => settings.get(key) ?? null,
          set: (key: string, value: unknown) => void settings.set(key, structuredClone(value)),
          remove: (key: string) => void settings.delete(key),
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
        },
      },
    },
  };
}

beforeEach(() => {
  settings = new Map();
});

afterEach(() => {
  delete globals.Excel;
  delete globals.Office;
});

describe('the pane’s Excel operations', () => {
  it('should keep the marks in the document, and what an older Excel cannot remove after clearing', async () => {
    const grid = generateSchool({ seed: 3, teachers: 5, year: 2026 });
    plant(grid, 'teachers', 1, 'stage', '小雪');
    const current = fakeExcel(fakeSheets(grid), { live: true });
    install(current);
    const run = await validateInExcel({
      caps: capsAt('current'),
      validate: async (grid) => {
        const result = validateWorkbook(grid, { year: 2026 });
        return { outcome: result.findings.length, findings: result.findings };
      },
    });
    expect(run.outcome).toBeGreaterThan(0);
    expect(run.marks.style).toBe('conditionalFormat');
    expect(run.syncs).toBe(current.syncs());
    expect((settings.get(MARKS_KEY) as MarkRegistry).sheets.map((s) => s.sheet)).toEqual(['教师名册']);

    // The same document opened in an Excel 2016 (1.1): the flag sheet goes, the formats stay recorded.
    const old = await clearMarksInExcel(capsAt('1.1'));
    expect(old.remaining).not.toBeNull();
    expect(settings.get(MARKS_KEY)).toEqual(old.remaining);
    const again = await clearMarksInExcel(capsAt('current'));
    expect(again.remaining).toBeNull();
    expect(settings.has(MARKS_KEY)).toBe(false);
    expect(current.formats.filter((f) => !f.deleted)).toEqual([]);
  });
});
