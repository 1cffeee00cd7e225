import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Fix } from '../../shared/contract/codes.js';
import { runCli, spawnCli, tempDir } from './harness.js';
import { cleanWorkbook, ID, messyWorkbook } from './workbooks.js';

interface ValidateDoc {
  ok: boolean;
  year: number;
  counts: Record<string, number>;
  findings: Finding[];
  fixes: Fix[];
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
let messy: string;
let clean: string;

beforeAll(async () => {
  tmp = await tempDir();
  messy = await tmp.file('梁溪区实验小学.xlsx', await messyWorkbook());
  clean = await tmp.file('clean.xlsx', await cleanWorkbook());
});
afterAll(() => tmp.cleanup());

async function validateJson(file: string): Promise<{ code: number; doc: ValidateDoc }> {
  const run = await runCli('validate', file, '--year', '2026', '--json');
  return { code: run.code, doc: JSON.parse(run.stdout) as ValidateDoc };
}

const at = (doc: ValidateDoc, sheet: string, cell: string | null) =>
  doc.findings.filter((f) => f.sheet === sheet && f.cell === cell);
const fixAt = (doc: ValidateDoc, sheet: string, cell: string) =>
  doc.fixes.find((f) => f.sheet === sheet && f.cell === cell);

describe('validate', () => {
  it('should print exactly the document of cli.md with --json', async () => {
    const { code, doc } = await validateJson(messy);
    expect(code).toBe(1);
    expect(Object.keys(doc)).toEqual(['ok', 'year', 'counts', 'findings', 'fixes']);
    expect(Object.keys(doc.counts).sort()).toEqual(
      ['duties', 'errors', 'fixes', 'milestones', 'teachers', 'trainings', 'warnings'].sort(),
    );
    expect(doc.ok).toBe(false);
    expect(doc.year).toBe(2026);
    for (const f of doc.findings)
      expect(Object.keys(f)).toEqual(['severity', 'code', 'sheet', 'cell', 'row', 'column', 'value', 'message']);
    for (const f of doc.fixes) expect(Object.keys(f)).toEqual(['code', 'sheet', 'cell', 'row', 'column', 'from', 'to']);
    expect(doc.counts.fixes).toBe(doc.fixes.length);
    expect(doc.counts.errors).toBe(doc.findings.filter((f) => f.severity === 'error').length);
  });

  it('should find the header below a merged title row, through aliases and （必填） markers', async () => {
    const { doc } = await validateJson(messy);
    expect(doc.findings.filter((f) => f.code === 'header.missing' || f.code === 'sheet.missing')).toEqual([]);
    expect(doc.counts.teachers).toBe(4);
  });

  it('should report an ID that Excel turned into a number as id_number.scientific at its cell', async () => {
    const { doc } = await validateJson(messy);
    expect(at(doc, '教师花名册', 'B4')).toMatchObject([
      { severity: 'error', code: 'id_number.scientific', row: 4, column: 'idNumber' },
    ]);
  });

  it('should fix full-width digits in an ID and in hours, units and alias values', async () => {
    const { doc } = await validateJson(messy);
    expect(fixAt(doc, '教师花名册', 'B5')).toMatchObject({ code: 'fix.fullwidth', to: ID.zhao });
    expect(fixAt(doc, '培训台账', 'I4')).toMatchObject({ code: 'fix.fullwidth', from: '３０', to: 30 });
    expect(fixAt(doc, '培训台账', 'I3')).toMatchObject({ code: 'fix.unit', from: '3.5学时', to: 3.5 });
    expect(fixAt(doc, '培训台账', 'D3')).toMatchObject({ code: 'fix.normalize', from: '县级', to: '区级' });
  });

  it('should accept dates as date cells, serial numbers and text in several shapes', async () => {
    const { doc } = await validateJson(messy);
    expect(doc.findings.filter((f) => f.code.startsWith('date.'))).toEqual([]);
    expect(fixAt(doc, '培训台账', 'G4')).toMatchObject({ to: '2026-09-01' });
    expect(fixAt(doc, '培训台账', 'H4')).toMatchObject({ to: '2026-09-05' });
    expect(fixAt(doc, '培训台账', 'G5')).toMatchObject({ to: '2026-10-12' });
    expect(fixAt(doc, '培训台账', 'H5')).toMatchObject({ to: '2026-10-12' });
    expect(fixAt(doc, '培训台账', 'G2')).toBeUndefined();
    expect(fixAt(doc, '培训台账', 'G3')).toBeUndefined();
  });

  it('should skip a totals row and mention an extra sheet as info only', async () => {
    const { doc } = await validateJson(messy);
    expect(at(doc, '培训台账', 'A6')).toMatchObject([{ severity: 'info', code: 'row.totals', row: 6 }]);
    expect(at(doc, 'Sheet3', null)).toMatchObject([{ severity: 'info', code: 'sheet.extra' }]);
    expect(doc.counts.trainings).toBe(4);
  });

  it('should exit 0 and say so on a workbook without errors, in Chinese or English', async () => {
    const zh = await runCli('validate', clean, '--year', '2026');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('结论：没有错误');
    const en = await runCli('validate', clean, '--year', '2026', '--lang', 'en');
    expect(en.stdout).toContain('Result: no errors');
  });

  it('should group the readable report by sheet, each line with cell, code and message, then the fixes', async () => {
    const run = await runCli('validate', messy, '--year', '2026');
    const lines = run.stdout.split('\n');
    const sheetLine = lines.indexOf('教师花名册');
    expect(sheetLine).toBeGreaterThan(0);
    expect(lines[sheetLine + 1]).toMatch(/^ {2}B4 +错误 +id_number\.scientific +\S/);
    expect(run.stdout.indexOf('自动修正（')).toBeGreaterThan(run.stdout.indexOf('培训台账\n'));
    expect(run.stdout).toContain('培训台账!I3');
  });
});

describe('validate on a file it cannot use', () => {
  it('should name the file’s problem without the usage text, and show the usage for a wrong call', async () => {
    const missing = await runCli('validate', `${tmp.dir}/none.xlsx`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
    expect((await runCli('validate', `${tmp.dir}/none.xlsx`, '--lang', 'en')).stderr).toContain('file not found');
    expect(missing.stderr).not.toContain('usage:');
    const wrong = await runCli('validate', clean, '--yaer', '2026');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('错误：未知选项 --yaer\n\n用法：');
    const wrongEn = await runCli('validate', clean, '--yaer', '2026', '--lang', 'en');
    expect(wrongEn.stderr).toContain('error: unknown option --yaer\n\nusage:');
  });
});

describe('validate as a subprocess', () => {
  it('should print pure JSON on stdout and exit 1 when the workbook has errors', async () => {
    const run = await spawnCli(['validate', messy, '--year', '2026', '--json']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as ValidateDoc).ok).toBe(false);
  }, 30_000);

  it('should exit 0 on a clean workbook', async () => {
    const run = await spawnCli(['validate', clean, '--year', '2026', '--json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ValidateDoc).ok).toBe(true);
  }, 30_000);

  it('should exit 2 with a message on stderr and nothing on stdout for a wrong call', async () => {
    const cases = [
      ['validate', messy, '--bogus'],
      ['validate', `${tmp.dir}/missing.xlsx`],
      ['frobnicate'],
      ['validate', await tmp.file('random.xlsx', new Uint8Array([0x7f, 0x00, 0x13, 0xfe, 0x00, 0x01]))],
    ];
    const runs = await Promise.all(cases.map((argv) => spawnCli(argv)));
    runs.forEach((run, i) => {
      const argv = cases[i]!;
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stdout, argv.join(' ')).toBe('');
      expect(run.stderr, argv.join(' ')).toMatch(/^错误：.+/);
    });
  }, 60_000);

  it('should print exactly one JSON document for a wrong call or an unreadable file with --json', async () => {
    const cases: [string[], string][] = [
      [['validate', messy, '--bogus', '--json'], 'usage.invalid'],
      [['check', `${tmp.dir}/missing.xlsx`, '--json'], 'usage.invalid'],
      [['validate', await tmp.file('empty.xlsx', new Uint8Array()), '--json'], 'file.corrupt'],
    ];
    const runs = await Promise.all(cases.map(([argv]) => spawnCli(argv)));
    runs.forEach((run, i) => {
      const [argv, code] = cases[i]!;
      expect(run.code, argv.join(' ')).toBe(2);
      expect(JSON.parse(run.stdout), argv.join(' ')).toMatchObject({
        ok: false,
        error: { code, message: expect.any(String) },
      });
      expect(run.stderr, argv.join(' ')).toBe('');
    });
  }, 60_000);
});
