/// <reference lib="dom" />
// Code passed to page.evaluate runs in the page and names DOM globals.
/**
 * Reading files in real Chromium: the pane's Web Worker reads every file kind off the page's thread,
 * reports progress that reaches the end or fails with the file's code and a Chinese message, and the
 * standalone page shows that message (never a library's) and closes the workbook opened before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_ONE_SHEET } from '../../shared/labels/files.js';
import { gridToXlsx } from '../../workbook/write-fixes.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant } from '../fixtures/plant.js';
import { csvBytes, encryptedOoxml, sheetJsWorkbook, sheetToCsv } from '../workbook/file-fixtures.js';
import { baseUrl, gotoWhenReady, launchBrowser } from './support.js';

let browser: Browser;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'shixun-files-'));
const pageErrors: string[] = [];

const YEAR = new Date().getFullYear();
const grid = generateSchool({
  seed: 21,
  teachers: 40,
  year: YEAR,
  withDuties: true,
  withMilestones: true,
  dateCells: true,
});

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

interface WorkerAnswer {
  progress: [number, number][];
  last: {
    type: string;
    code?: string;
    message?: string;
    file?: { fileKind: string; contentHash: string; sheets: { name: string }[] };
  };
}

/** Posts an `open` to the pane's own worker script, as the page's client does, and collects its answers. */
function openInWorker(bytes: Uint8Array, name: string): Promise<WorkerAnswer> {
  return page.evaluate(
    ([data, fileName]) =>
      new Promise<WorkerAnswer>((resolve, reject) => {
        const worker = new Worker('validation-worker.js', { type: 'module' });
        const progress: [number, number][] = [];
        worker.onerror = (e) => reject(new Error(e.message));
        worker.onmessage = (e: MessageEvent) => {
          const msg = e.data as { type: string; done: number; total: number };
          if (msg.type === 'progress') progress.push([msg.done, msg.total]);
          else {
            worker.terminate();
            resolve({ progress, last: e.data as WorkerAnswer['last'] });
          }
        };
        worker.postMessage({ type: 'open', id: 1, file: new Blob([new Uint8Array(data)]), name: fileName, lang: 'zh' });
      }),
    [[...bytes], name] as const,
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await gotoWhenReady(page, `${baseUrl()}/taskpane.html`);
  await page.waitForSelector('#validate');
});

afterAll(async () => {
  await browser?.close();
});

describe('the pane’s Web Worker', () => {
  it('should read an .xlsx, an .xls and a GBK CSV, with progress that reaches the end', async () => {
    const kinds: [Uint8Array, string, string][] = [
      [await gridToXlsx(grid), '台账.xlsx', 'xlsx'],
      [sheetJsWorkbook(grid, 'biff8'), '台账.xls', 'xls'],
      [csvBytes(sheetToCsv(grid.sheets[1]!), 'gbk'), '名册.csv', 'csv'],
    ];
    for (const [bytes, name, kind] of kinds) {
      const answer = await openInWorker(bytes, name);
      expect(answer.last.type, name).toBe('opened');
      expect(answer.last.file?.fileKind, name).toBe(kind);
      expect(answer.last.file?.contentHash, name).toMatch(/^[0-9a-f]{64}$/);
      const [done, total] = answer.progress.at(-1)!;
      expect(done, name).toBe(total);
    }
  }, 120_000);

  it('should refuse a file it cannot read with its code and a Chinese message', async () => {
    const encrypted = await openInWorker(encryptedOoxml(), '加密.xlsx');
    expect(encrypted.last).toMatchObject({ type: 'open-failed', code: 'file.encrypted' });
    expect(encrypted.last.message).toContain('密码');
    const empty = await openInWorker(new Uint8Array(), '空.xlsx');
    expect(empty.last).toMatchObject({ type: 'open-failed', code: 'file.corrupt' });
  });
});

/**
 * Posts requests to one fresh worker, each after the answer to the one before, and gives those
 * answers; `cells` pieces have none: they go at once, under the id of the request that follows.
 */
function exchange(requests: object[]): Promise<Answer[]> {
  return page.evaluate(
    (list) =>
      new Promise((resolve, reject) => {
        const worker = new Worker('validation-worker.js', { type: 'module' });
        const answers: Answer[] = [];
        let at = 0;
        worker.onerror = (e) => reject(new Error(e.message));
        const next = () => {
          for (;;) {
            const req = list[at++] as { type: string; file?: number[] } | undefined;
            if (!req) {
              worker.terminate();
              resolve(answers);
              return;
            }
            // The run a request names is the one the last validation answered with.
            const run = answers.findLast((a) => a.type === 'result')?.run ?? 0;
            const message = { id: answers.length + 1, run, ...req };
            worker.postMessage(req.file ? { ...message, file: new Blob([new Uint8Array(req.file)]) } : message);
            if (req.type !== 'cells') return;
          }
        };
        worker.onmessage = async (e: MessageEvent) => {
          const msg = e.data as {
            type: string;
            run?: number;
            message?: string;
            body?: { gzip: Uint8Array<ArrayBuffer> };
          };
          if (msg.type === 'progress' || msg.type === 'result-part') return;
          const { body, ...rest } = msg;
          const text = body
            ? await new Response(new Blob([body.gzip]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
            : null;
          answers.push(text === null ? rest : { ...rest, body: JSON.parse(text) });
          next();
        };
        next();
      }),
    requests,
  );
}

interface Answer {
  type: string;
  run?: number;
  message?: string;
  body?: unknown;
  result?: { counts: unknown; findings: unknown[] };
}

describe('the pane’s Web Worker, after another file', () => {
  it('should make nothing of a file it no longer has open: no validation, body, teacher or copy', async () => {
    // With a sheet of the clerk's own beside the standard ones: it never leaves the machine.
    const good = [...(await gridToXlsx({ sheets: [...grid.sheets, { name: '备忘', rows: [['下周交表']] }] }))];
    const bad = Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251);
    const answers = await exchange([
      { type: 'open', file: good, name: '好.xlsx', lang: 'zh' },
      { type: 'validate', year: YEAR, lang: 'zh' },
      { type: 'submission' },
      { type: 'open', file: bad, name: '坏.xlsx', lang: 'zh' },
      { type: 'submission' },
      { type: 'teacher', finding: { sheet: grid.sheets[1]!.name, row: 2 } },
      { type: 'annotate', text: { lang: 'zh', severity: {}, title: {}, workbookLevel: '' } },
      { type: 'validate', year: YEAR, lang: 'zh' },
    ]);
    expect(answers.map((a) => a.type)).toEqual([
      'opened',
      'result',
      'submission',
      'open-failed',
      'error',
      'error',
      'error',
      'error',
    ]);
    // While it was open, the body was the recognized sheets of this very file, and only those.
    const body = answers[2]!.body as { year: number; workbook: { sheets: { name: string }[] } };
    expect(body.year).toBe(YEAR);
    expect(body.workbook.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
    expect(answers[7]!.message).toBe('no file is open');
  }, 120_000);
});

describe('the pane’s Web Worker, fixing', () => {
  it('should keep the file open when no copy could be written, and open the fixed copy in its place', async () => {
    const sheet = grid.sheets[1]!.name;
    const fix = (cell: string) => ({ code: 'fix.trim', sheet, cell, row: 2, column: 'name', from: 'x', to: '改后' });
    const answers = await exchange([
      { type: 'open', file: [...(await gridToXlsx(grid))], name: '台账.xlsx', lang: 'zh' },
      { type: 'validate', year: YEAR, lang: 'zh' },
      { type: 'fix', fixes: [fix('不是单元格')], lang: 'zh' },
      { type: 'submission' },
      { type: 'fix', fixes: [fix('B2')], lang: 'zh' },
      { type: 'submission' },
      { type: 'validate', year: YEAR, lang: 'zh' },
      { type: 'submission' },
    ]);
    // Not written: the file and even its validation are still there; written: the copy replaced both.
    expect(answers.map((a) => a.type)).toEqual([
      'opened',
      'result',
      'fix-failed',
      'submission',
      'fixed',
      'error',
      'result',
      'submission',
    ]);
    const cellB2 = (a: Answer) =>
      (a.body as { workbook: { sheets: { name: string; rows: unknown[][] }[] } }).workbook.sheets.find(
        (s) => s.name === sheet,
      )!.rows[1]![1];
    expect(cellB2(answers[3]!)).toBe(grid.sheets[1]!.rows[1]![1]);
    expect(cellB2(answers[7]!)).toBe('改后');
  }, 120_000);
});

describe('the pane’s Web Worker, with Excel’s cells', () => {
  // As the Excel host sends what it read: every sheet in pieces, in order (7 rows a piece here).
  const pieces = (sheets: typeof grid.sheets) =>
    sheets.flatMap(({ name, rows }, sheet) =>
      Array.from({ length: Math.max(1, Math.ceil(rows.length / 7)) }, (_, i) => ({
        type: 'cells',
        sheet,
        name,
        rows: rows.slice(i * 7, i * 7 + 7),
      })),
    );

  it('should validate cells sent in pieces as the very grid, and refuse them when a sheet is missing', async () => {
    const planted = structuredClone(grid);
    plant(planted, 'teachers', 2, 'stage', '小雪');
    const cells = { sheets: planted.sheets.length, date1904: false };
    const answers = await exchange([
      { type: 'open', file: [...(await gridToXlsx(planted))], name: '台账.xlsx', lang: 'zh' },
      { type: 'validate', year: YEAR, lang: 'zh' },
      ...pieces(planted.sheets),
      { type: 'validate', cells, year: YEAR, lang: 'zh' },
      ...pieces(planted.sheets.slice(0, -1)),
      { type: 'validate', cells, year: YEAR, lang: 'zh' },
    ]);
    expect(answers.map((a) => a.type)).toEqual(['opened', 'result', 'result', 'error']);
    expect(answers[1]!.result!.counts).toMatchObject({ errors: 1 });
    expect(answers[2]!.result!.counts).toEqual(answers[1]!.result!.counts);
    expect(answers[2]!.result!.findings.length).toBe(answers[1]!.result!.findings.length);
    expect(answers[3]!.message).toBe('the cells did not all arrive');
  }, 120_000);
});

describe('the standalone page', () => {
  async function open(path: string): Promise<string> {
    await page.setInputFiles('#file-input', path);
    await page.waitForFunction(
      (name) =>
        document.querySelector('#open-status')?.textContent?.includes(name) &&
        !document.querySelector('#open-progress'),
      path.split('/').pop()!,
    );
    return (await page.textContent('#open-status')) ?? '';
  }

  it('should say, on opening a CSV, that it holds one sheet and how to check the whole ledger', async () => {
    const status = await open(file('名册.csv', csvBytes(sheetToCsv(grid.sheets[1]!), 'gbk')));
    expect(status).toBe(`已打开：名册.csv。${CSV_ONE_SHEET.zh}`);
    expect(await page.getAttribute('#open-status', 'class')).not.toContain('error');
    expect(await page.isDisabled('#validate')).toBe(false);
    const xlsx = await open(file('台账.xlsx', await gridToXlsx(grid)));
    expect(xlsx).not.toContain('CSV');
  }, 120_000);

  it('should open and validate an .xls, then refuse random bytes named .xlsx with advice and close the .xls', async () => {
    await open(file('台账.xls', sheetJsWorkbook(grid, 'biff8')));
    const before = await page.getAttribute('#validate-status', 'data-run');
    await page.click('#validate');
    await page.waitForFunction(
      (prev) => {
        const run = document.querySelector('#validate-status')?.getAttribute('data-run');
        return run !== null && run !== undefined && run !== prev;
      },
      before,
      { timeout: 120_000 },
    );
    expect(await page.textContent('#validate-status')).toMatch(/0 个错误/);

    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251);
    const status = await open(file('损坏.xlsx', random));
    expect(await page.getAttribute('#open-status', 'class')).toContain('error');
    expect(status).toContain('无法识别该文件的类型');
    expect(status).toContain('另存为');
    expect(status).not.toMatch(/zip|central directory|jszip/i);
    expect(await page.locator('#findings, #fixes, #compliance').count()).toBe(0);
    expect(await page.isDisabled('#validate')).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
