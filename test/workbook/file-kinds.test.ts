/**
 * Every kind of file of template.md's "Files", through the one entry the CLI and the pane's Web
 * Worker use: what opens, with which cells, and what is refused, with which code and message.
 */
import { describe, expect, it } from 'vitest';
import type { FileErrorCode } from '../../shared/contract/codes.js';
import { FILE_LIMITS, type FileErrorDetails, type FileLimits } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { type ReadFileResult, readWorkbookFile } from '../../workbook/read-file.js';
import { gridToXlsx } from '../../workbook/write-fixes.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { cellDifferences } from './cell-differences.js';
import {
  compoundOf,
  csvBytes,
  encryptedOoxml,
  encryptedXls,
  partsXlsx,
  sheetJsWorkbook,
  sheetToCsv,
  zipOf,
} from './file-fixtures.js';

const YEAR = 2026;
const school = () =>
  generateSchool({ seed: 5, teachers: 30, year: YEAR, withDuties: true, withMilestones: true, dateCells: true });

async function read(bytes: Uint8Array, limits: FileLimits = FILE_LIMITS.cli, name?: string): Promise<ReadFileResult> {
  return readWorkbookFile(bytes, { limits, name });
}

async function opened(bytes: Uint8Array, name?: string): Promise<Extract<ReadFileResult, { ok: true }>> {
  const r = await read(bytes, FILE_LIMITS.cli, name);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r;
}

async function refused(bytes: Uint8Array, code: FileErrorCode, details: FileErrorDetails = {}, limits?: FileLimits) {
  const r = await read(bytes, limits);
  if (r.ok) throw new Error(`read as ${r.fileKind}, expected ${code}`);
  expect(r.code).toBe(code);
  expect(r.details).toMatchObject(details);
  expect(r.message).toMatch(/[\u4e00-\u9fff]/);
  const en = await readWorkbookFile(bytes, { limits: limits ?? FILE_LIMITS.cli, lang: 'en' });
  expect(en.ok ? null : en.message).toMatch(/^[\x20-\x7e“”…–→]+$/);
  return { zh: r.message, en: en.ok ? '' : en.message };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('files that open', { timeout: 60_000 }, () => {
  it('should read an .xlsx, and an .xls made from the same cells, to the same grid', async () => {
    const grid = school();
    const xlsx = await opened(await gridToXlsx(grid));
    const xls = await opened(sheetJsWorkbook(grid, 'biff8'));
    expect(xlsx.fileKind).toBe('xlsx');
    expect(xls.fileKind).toBe('xls');
    expect(cellDifferences(xls.grid, xlsx.grid)).toEqual([]);
    expect(cellDifferences(xlsx.grid, grid)).toEqual([]);
  });

  it('should read an .xls in the 1904 date system and say so', async () => {
    const grid: WorkbookGrid = { sheets: [{ name: 'S', rows: [[new Date(Date.UTC(2026, 8, 1))]] }], date1904: true };
    const xls = await opened(sheetJsWorkbook(grid, 'biff8'));
    expect(xls.grid.date1904).toBe(true);
    expect(xls.grid.sheets[0]!.rows[0]![0]).toEqual(new Date(Date.UTC(2026, 8, 1)));
  });

  it('should read a CSV in UTF-8, UTF-8 with a BOM and GBK to the same text cells, named after its sheet', async () => {
    const roster = school().sheets.find((s) => s.name === '教师名册')!;
    const csv = sheetToCsv(roster);
    const reads = await Promise.all(
      (['utf-8', 'utf-8-bom', 'gbk'] as const).map((e) => opened(csvBytes(csv, e), 'roster.csv')),
    );
    expect(reads.map((r) => [r.fileKind, r.encoding])).toEqual([
      ['csv', 'utf-8'],
      ['csv', 'utf-8'],
      ['csv', 'gb18030'],
    ]);
    for (const r of reads) {
      expect(r.grid.sheets.map((s) => s.name)).toEqual(['教师名册']);
      expect(r.grid.sheets[0]!.rows[0]![0]).toBe('姓名');
      expect(r.grid.sheets[0]!.rows.flat().every((v) => v === null || typeof v === 'string')).toBe(true);
      expect(r.grid).toEqual(reads[0]!.grid);
    }
    // An ID stays the text it is, never a number.
    expect(reads[2]!.grid.sheets[0]!.rows[1]![1]).toBe(roster.rows[1]![1]);
  });

  it('should recognise each sheet of the template by a CSV’s header row, and 学校概况 by its fields down column A', async () => {
    for (const sheet of school().sheets) {
      const r = await opened(csvBytes(sheetToCsv(sheet), 'utf-8'));
      expect(r.grid.sheets[0]!.name).toBe(sheet.name);
    }
    const other = await opened(csvBytes('工号,工资\r\n1,8000\r\n', 'gbk'), '工资表.csv');
    expect(other.grid.sheets[0]!.name).toBe('工资表');
  });

  it('should read quoted CSV fields with separators, quotes and line breaks, and keep row numbers', async () => {
    const r = await opened(text('姓名,备注\r\n"王,芳","说""好""\n的"\r\n\r\n李强,,\r\n\r\n'));
    expect(r.grid.sheets[0]!.rows).toEqual([['姓名', '备注'], ['王,芳', '说"好"\n的'], [], ['李强']]);
  });
});

describe('files that are refused', { timeout: 60_000 }, () => {
  it('should refuse an encrypted workbook, .xlsx or .xls, as file.encrypted and say how to remove the password', async () => {
    const { zh, en } = await refused(encryptedOoxml(), 'file.encrypted');
    expect(zh).toContain('取消打开密码');
    expect(en).toContain('remove the open password');
    await refused(encryptedXls(sheetJsWorkbook(school(), 'biff8')), 'file.encrypted');
  });

  it('should refuse an empty, a cut-short and a damaged file as file.corrupt', async () => {
    expect((await refused(new Uint8Array(), 'file.corrupt', { reason: 'empty' })).zh).toContain('空的');
    const xlsx = await gridToXlsx(school());
    expect((await refused(xlsx.subarray(0, xlsx.length >> 1), 'file.corrupt', { reason: 'truncated' })).zh).toContain(
      '不完整',
    );
    await refused(xlsx.subarray(0, 3), 'file.corrupt', { reason: 'truncated' });
    const xls = sheetJsWorkbook(school(), 'biff8');
    await refused(xls.subarray(0, 1500), 'file.corrupt');
    const damaged = xlsx.slice();
    for (let i = 2000; i < 2400; i++) damaged[i] = damaged[i]! ^ 0x5a;
    expect((await refused(damaged, 'file.corrupt', { reason: 'damaged' })).zh).toContain('另存为 .xlsx');
  });

  it('should refuse a part that inflates beyond the size its zip declares, without inflating the rest', async () => {
    const bytes = partsXlsx({
      sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50) }],
    });
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    // The central directory entry's uncompressed size, understated (a zip bomb's trick).
    for (let p = bytes.length - 22; p > 0; p--) {
      if (
        bytes[p] === 0x50 &&
        bytes[p + 1] === 0x4b &&
        bytes[p + 2] === 0x01 &&
        bytes[p + 3] === 0x02 &&
        name.every((b, i) => bytes[p + 46 + i] === b)
      ) {
        bytes[p + 24] = 10;
        bytes[p + 25] = bytes[p + 26] = bytes[p + 27] = 0;
        break;
      }
    }
    await refused(bytes, 'file.corrupt', { reason: 'damaged' });
  });

  it('should name what an unsupported file is, and ask for an .xlsx', async () => {
    const cases: [Uint8Array, FileErrorDetails['detected'], string][] = [
      [text('%PDF-1.7\n1 0 obj'), 'pdf', 'PDF'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image', '图片'],
      [zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), 'word', 'Word'],
      [zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }), 'ods', '.ods'],
      [zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'x' }), 'xlsb', '.xlsb'],
      [zipOf({ 'readme.txt': 'hello' }), 'archive', '压缩包'],
      [compoundOf({ WordDocument: new Uint8Array(600) }), 'word', 'Word'],
      [text('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'html', '网页'],
      [new Uint8Array([0xff, 0xfe, 0x53, 0x59]), 'utf16', 'UTF-16'],
      [Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256), 'binary', '无法识别'],
    ];
    for (const [bytes, detected, named] of cases) {
      const { zh } = await refused(bytes, 'file.unsupported', { detected });
      expect(zh, detected).toContain(named);
      expect(zh, detected).toContain('另存为“Excel 工作簿（.xlsx）”');
    }
  });

  it('should refuse a file past the place’s limits with file.too_large, naming the limit', async () => {
    const pane = (maxBytes: number, maxRows: number): FileLimits => ({ place: 'pane', maxBytes, maxRows });
    const grid = school();
    const xlsx = await gridToXlsx(grid);
    const bytes = await refused(xlsx, 'file.too_large', { limit: 'bytes', max: 1000, place: 'pane' }, pane(1000, 1e6));
    expect(bytes.zh).toContain('本页面');
    expect(bytes.zh).toContain('命令行工具');
    const rows = grid.sheets.reduce((n, s) => n + s.rows.length, 0);
    await refused(xlsx, 'file.too_large', { limit: 'rows', max: rows - 1 }, pane(1e9, rows - 1));
    expect((await read(xlsx, pane(1e9, rows))).ok).toBe(true);
    await refused(sheetJsWorkbook(grid, 'biff8'), 'file.too_large', { limit: 'rows' }, pane(1e9, rows - 1));
    await refused(csvBytes(sheetToCsv(grid.sheets[1]!), 'gbk'), 'file.too_large', { limit: 'rows' }, pane(1e9, 10));
    // A few rows of thousands of cells: the cells guard, not the rows limit.
    const wide = partsXlsx({ sheets: [{ name: 'S', sheetData: `<row r="1">${'<c><v>1</v></c>'.repeat(700)}</row>` }] });
    await refused(wide, 'file.too_large', { limit: 'cells' }, pane(1e9, 10));
  });
});
