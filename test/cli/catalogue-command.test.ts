import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueImportResult } from '../../shared/api/catalogue.js';
import { FILE_LIMITS } from '../../shared/files/index.js';
import { decodeWorkbook, type EncodedWorkbook } from '../../shared/grid.js';
import { readCatalogue } from '../../shared/recognition/index.js';
import { readWorkbookFile } from '../../workbook/read-file.js';
import { toBytes } from '../../workbook/write-fixes.js';
import { runCli, tempDir } from './harness.js';
import { ID } from './workbooks.js';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

const EXPORTED = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]);

function fakeWorker(seen: Seen[]): Server {
  return createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    seen.push({
      method: req.method!,
      url: req.url!,
      auth: req.headers.authorization,
      body: text ? JSON.parse(text) : null,
    });
    if (req.url === '/api/v1/catalogue/2026/import?bureau=liangxi' && req.method === 'POST') {
      const body: CatalogueImportResult = {
        year: 2026,
        counts: { entries: 2, attendees: 1, errors: 0, warnings: 0, fixes: 0 },
        findings: [],
        fixes: [],
        imported: { added: 2, updated: 0, attendees: 1 },
        pending: 0,
        reevaluated: [
          {
            submissionId: 's1',
            schoolCode: '3202060001',
            schoolName: '实验小学',
            year: 2026,
            before: { teachers: 10, pass: 9, warn: 0, fail: 1, passRate: 0.9 },
            after: { teachers: 10, pass: 7, warn: 0, fail: 3, passRate: 0.7 },
          },
        ],
      };
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(body));
    }
    if (req.url === '/api/v1/catalogue/2026/export' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      return res.end(Buffer.from(EXPORTED));
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'not_found', message: '未找到' } }));
  });
}

/** The blank template the CLI writes, filled in the way a bureau fills it. */
async function filledCatalogue(
  path: string,
  rows: (string | number | Date)[][],
  attendees: string[][],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)).buffer as ArrayBuffer);
  wb.getWorksheet('培训项目目录')!.addRows(rows);
  wb.getWorksheet('参训名单')!.addRows(attendees);
  return toBytes(wb);
}

describe('catalogue commands', () => {
  const seen: Seen[] = [];
  const server = fakeWorker(seen);
  let url = '';
  let dir: Awaited<ReturnType<typeof tempDir>>;

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await tempDir();
  });
  afterAll(async () => {
    await dir.cleanup();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('should write a blank catalogue whose two sheets the catalogue reader accepts', async () => {
    const out = await dir.file('blank.xlsx');
    const run = await runCli('template', '--catalogue', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('培训项目目录模板');
    const read = await readWorkbookFile(new Uint8Array(await readFile(out)), { limits: FILE_LIMITS.cli });
    if (!read.ok) throw new Error(read.message);
    expect(read.grid.sheets.map((s) => s.name)).toEqual(['培训项目目录', '参训名单']);
    expect(read.grid.sheets[0]!.rows[0]).toEqual([
      '项目编号',
      '培训项目',
      '培训级别',
      '培训类别',
      '培训形式',
      '开始日期',
      '结束日期',
      '认定学时',
      '主办单位',
    ]);
    const r = readCatalogue(read.grid, { year: 2026 });
    expect(r).toMatchObject({ ok: true, entries: [], hasAttendeeSheet: true });
  });

  it('should import a filled catalogue through the API and say what changed', async () => {
    const blank = await dir.file('blank2.xlsx');
    await runCli('template', '--catalogue', '--out', blank);
    const file = await dir.file(
      'filled.xlsx',
      await filledCatalogue(
        blank,
        [
          [
            'LX-001',
            '新教师入岗培训',
            '区级',
            '新教师入岗',
            '集中面授',
            new Date(Date.UTC(2026, 2, 1)),
            new Date(Date.UTC(2026, 2, 31)),
            24,
            '区教师发展中心',
          ],
          ['LX-002', '班主任工作专题研修', '区级', '班主任', '集中面授', '2026-05-10', '2026-05-12', 12, ''],
        ],
        [['LX-002', ID.wang, '王芳']],
      ),
    );
    const run = await runCli(
      'admin',
      'catalogue',
      'import',
      file,
      '--year',
      '2026',
      '--bureau',
      'liangxi',
      '--server',
      url,
      '--token',
      'sxa_admin',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('新增 2 项，更新 0 项，参训名单 1 人；重新评估 1 份台账');
    expect(run.stdout).toContain('实验小学 3202060001：达标 9 → 7 人');
    const sent = seen.at(-1)!;
    expect(sent).toMatchObject({
      method: 'POST',
      url: '/api/v1/catalogue/2026/import?bureau=liangxi',
      auth: 'Bearer sxa_admin',
    });
    const grid = decodeWorkbook((sent.body as { workbook: EncodedWorkbook }).workbook);
    const again = readCatalogue(grid, { year: 2026 });
    expect(again.entries.map((e) => [e.code, e.startDate, e.hours])).toEqual([
      ['LX-001', '2026-03-01', 24],
      ['LX-002', '2026-05-10', 12],
    ]);
    expect(again.attendees).toEqual([{ row: 2, code: 'LX-002', idNumber: ID.wang, name: '王芳' }]);
  });

  it('should report a catalogue with errors at its cells, masked, and send nothing', async () => {
    const blank = await dir.file('blank3.xlsx');
    await runCli('template', '--catalogue', '--out', blank);
    const badId = ID.li.slice(0, 17) + (ID.li[17] === '1' ? '2' : '1');
    const file = await dir.file(
      'bad.xlsx',
      await filledCatalogue(
        blank,
        [['LX-001', '新教师入岗培训', '校级', '新教师入岗', '集中面授', '2026-03-01', '2026-03-31', 24, '']],
        [['LX-001', badId, '李明']],
      ),
    );
    const before = seen.length;
    const run = await runCli('admin', 'catalogue', 'import', file, '--year', '2026', '--server', url, '--token', 't');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('C2');
    expect(run.stdout).toContain('enum.invalid');
    expect(run.stdout).toContain('id_number.checksum');
    expect(run.stdout).toContain('未导入');
    expect(seen.length).toBe(before);
    const json = await runCli(
      'admin',
      'catalogue',
      'import',
      file,
      '--year',
      '2026',
      '--server',
      url,
      '--token',
      't',
      '--json',
    );
    const doc = JSON.parse(json.stdout) as { ok: boolean; findings: { code: string; value: unknown }[] };
    expect(doc.ok).toBe(false);
    expect(doc.findings.find((f) => f.code === 'id_number.checksum')!.value).toBe(
      `${badId.slice(0, 6)}********${badId.slice(14)}`,
    );
  });

  it('should export the catalogue to a file, and refuse a wrong call', async () => {
    const out = await dir.file('exported.xlsx');
    const run = await runCli(
      'admin',
      'catalogue',
      'export',
      '--year',
      '2026',
      '--out',
      out,
      '--server',
      url,
      '--token',
      'sxr_reviewer',
    );
    expect(run.code).toBe(0);
    expect(new Uint8Array(await readFile(out))).toEqual(EXPORTED);
    expect(seen.at(-1)).toMatchObject({
      method: 'GET',
      url: '/api/v1/catalogue/2026/export',
      auth: 'Bearer sxr_reviewer',
    });
    expect((await runCli('admin', 'catalogue', 'export', '--out', out, '--server', url, '--token', 't')).code).toBe(2);
    expect((await runCli('admin', 'catalogue', 'import', '--year', '2026', '--server', url, '--token', 't')).code).toBe(
      2,
    );
    expect((await runCli('admin', 'catalogue', 'delete', '--year', '2026')).code).toBe(2);
  });
});
