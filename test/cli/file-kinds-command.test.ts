/**
 * The CLI on every kind of file: an .xls and an .et-named compound file, and a CSV in UTF-8 and in
 * GBK, give the same findings at the same cells as the .xlsx they were made from; every file it
 * cannot read is refused with exit 2, its file.* code and a Chinese message (English with --lang en),
 * whatever the file is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileErrorCode } from '../../shared/contract/codes.js';
import { FILE_LIMITS } from '../../shared/files/index.js';
import type { SheetGrid, WorkbookGrid } from '../../shared/grid.js';
import { CSV_ONE_SHEET } from '../../shared/labels/files.js';
import { gridToXlsx } from '../../workbook/write-fixes.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant } from '../fixtures/plant.js';
import { csvBytes, encryptedOoxml, partsXlsx, sheetJsWorkbook, sheetToCsv, zipOf } from '../workbook/file-fixtures.js';
import { readGrid } from '../workbook/read-grid.js';
import { runCli, tempDir } from './harness.js';
import { messyWorkbook } from './workbooks.js';

const YEAR = '2026';

interface Doc {
  ok: boolean;
  findings: { code: string; sheet: string | null; cell: string | null; value: unknown; message: string }[];
  fixes: { code: string; sheet: string; cell: string; from: unknown; to: unknown }[];
  error?: { code: string; message: string };
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

async function validate(
  name: string,
  bytes: Uint8Array,
  ...extra: string[]
): Promise<{ code: number; doc: Doc; stderr: string }> {
  const run = await runCli('validate', await tmp.file(name, bytes), '--year', YEAR, '--json', ...extra);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc, stderr: run.stderr };
}

/** What the clerk is told, cell by cell: code, place and message (a value as its text: CSV cells are all text). */
const told = (doc: Doc) => ({
  findings: doc.findings.map((f) => `${f.code} ${f.sheet}!${f.cell} ${String(f.value)} ${f.message}`),
  fixes: doc.fixes.map((f) => `${f.code} ${f.sheet}!${f.cell} ${String(f.from)} → ${String(f.to)}`),
});

describe('the same ledger in every file kind', { timeout: 60_000 }, () => {
  it('should give the same findings at the same cells for an .xls and an .et-named compound file as for the .xlsx', async () => {
    const xlsx = await messyWorkbook();
    const xls = sheetJsWorkbook(await readGrid(xlsx), 'biff8');
    const want = await validate('台账.xlsx', xlsx);
    expect(want.code).toBe(1);
    expect(want.doc.findings.length + want.doc.fixes.length).toBeGreaterThan(5);
    for (const name of ['台账.xls', '台账.et', '台账-renamed.xlsx']) {
      const got = await validate(name, xls);
      expect(got.code, name).toBe(want.code);
      expect(got.doc.findings, name).toEqual(want.doc.findings);
      expect(got.doc.fixes, name).toEqual(want.doc.fixes);
    }
  });

  it('should give the same findings at the same cells for a CSV in UTF-8 and in GBK as for the one-sheet .xlsx', async () => {
    const grid = generateSchool({ seed: 9, teachers: 25, year: Number(YEAR), dateCells: true });
    plant(grid, 'teachers', 1, 'gender', '男性');
    plant(grid, 'teachers', 2, 'idNumber', '32010219800101123X');
    plant(grid, 'teachers', 3, 'phone', '1391234567');
    plant(grid, 'teachers', 4, 'birthDate', '1985年3月15号');
    // Only characters GBK has: a zero-width space would not survive the GBK file (it has none).
    plant(grid, 'teachers', 5, 'name', ' 王芳\u3000');
    plant(grid, 'trainings', 1, 'hours', '３.５学时');
    plant(grid, 'trainings', 2, 'startDate', '2026/9/1 0:00');
    plant(grid, 'trainings', 3, 'level', '县级');
    plant(grid, 'trainings', 4, 'hours', 99);
    plant(grid, 'trainings', 5, 'endDate', new Date(Date.UTC(2025, 0, 2)));
    for (const key of ['教师名册', '培训记录']) {
      const sheet: SheetGrid = grid.sheets.find((s) => s.name === key)!;
      const one: WorkbookGrid = { sheets: [sheet] };
      const want = await validate(`${key}.xlsx`, await gridToXlsx(one));
      expect(want.stderr).not.toContain(CSV_ONE_SHEET.zh);
      expect(want.doc.findings.filter((f) => f.sheet === key).length, key).toBeGreaterThan(2);
      for (const encoding of ['utf-8', 'utf-8-bom', 'gbk'] as const) {
        const got = await validate(`${key}-${encoding}.csv`, csvBytes(sheetToCsv(sheet), encoding));
        expect(told(got.doc), `${key} ${encoding}`).toEqual(told(want.doc));
        // The other sheets are reported missing, as for the one-sheet .xlsx; the CSV's clerk is told why.
        expect(got.stderr, `${key} ${encoding}`).toContain(CSV_ONE_SHEET.zh);
      }
    }
  });
});

describe('every file the CLI cannot read', { timeout: 60_000 }, () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, FileErrorCode, string][] = [
    ['password.xlsx', encryptedOoxml, 'file.encrypted', '取消打开密码'],
    ['empty.xlsx', () => new Uint8Array(), 'file.corrupt', '空的'],
    ['cut.xlsx', async () => (await messyWorkbook()).subarray(0, 3000), 'file.corrupt', '不完整'],
    ['report.xlsx', () => new TextEncoder().encode('%PDF-1.4 …'), 'file.unsupported', 'PDF'],
    [
      'export.xls',
      () => new TextEncoder().encode('<html><table><tr><td>1</td></tr></table></html>'),
      'file.unsupported',
      '网页',
    ],
    ['ledger.docx', () => zipOf({ 'word/document.xml': '<w:document/>' }), 'file.unsupported', 'Word'],
    [
      'random.xlsx',
      () => Uint8Array.from({ length: 300 }, (_, i) => (i * 131 + 7) % 256),
      'file.unsupported',
      '无法识别',
    ],
  ];

  it('should exit 2 with the file.* code and a Chinese message in the one JSON document, whatever the name', async () => {
    for (const [name, make, code, words] of cases) {
      const got = await validate(name, await make());
      expect(got.code, name).toBe(2);
      expect(got.doc.error?.code, name).toBe(code);
      expect(got.doc.error?.message, name).toContain(words);
    }
  });

  it('should say the same in English with --lang en, and on standard error without --json', async () => {
    const en = await validate('password.xlsx', encryptedOoxml(), '--lang', 'en');
    expect(en.doc.error).toMatchObject({ code: 'file.encrypted', message: expect.stringContaining('open password') });
    const run = await runCli('check', await tmp.file('password2.xlsx', encryptedOoxml()), '--year', YEAR);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('设有打开密码');
    expect(run.stderr).not.toContain('usage:');
  });

  it('should refuse a file over the CLI’s byte limit before reading it', async () => {
    const path = await tmp.file('huge.xlsx');
    const { open } = await import('node:fs/promises');
    const handle = await open(path, 'w');
    // A sparse file: its size is past the limit while it costs the disk nothing.
    await handle.truncate(FILE_LIMITS.cli.maxBytes + 1);
    await handle.close();
    const run = await runCli('validate', path, '--json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'file.too_large' } });
  });

  it('should read a workbook whose parts use a namespace prefix and strict OOXML like any other', async () => {
    const sheetData = '<row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c></row>';
    for (const bytes of [
      partsXlsx({ sheets: [{ name: 'S', sheetData }], prefix: 'x' }),
      partsXlsx({ sheets: [{ name: 'S', sheetData }], strict: true }),
    ]) {
      const got = await validate('strict.xlsx', bytes);
      expect(got.code).toBe(1);
      expect(got.doc.findings.map((f) => f.code)).toContain('sheet.missing');
    }
  });
});
