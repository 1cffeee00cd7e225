/**
 * The standalone page (taskpane.html in a plain browser) against the real server: open a generated
 * workbook with planted problems, see them at their cells, fix, download the fixed copy, submit with
 * a clerk token, see the receipt, the review status and the compliance. Screenshots of every step go
 * to screenshots/ (git-ignored) to be looked at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../workbook/read.js';
import { gridToXlsx } from '../../workbook/write-fixes.js';
import { SHEETS } from '../../shared/contract/sheets.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { currentYear } from '../../shared/policy/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant, valueAt } from '../fixtures/plant.js';
import { baseUrl, cspViolations, gotoWhenReady, launchBrowser, readTokens } from './support.js';

const SHOTS = resolve(import.meta.dirname, '../../screenshots');
const YEAR = currentYear();

let browser: Browser;
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'shixun-standalone-'));
const external: string[] = [];
const pageErrors: string[] = [];

async function writeWorkbook(name: string, grid: WorkbookGrid): Promise<string> {
  const path = join(files, name);
  writeFileSync(path, await gridToXlsx(grid));
  return path;
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `standalone-${name}.png`), fullPage: true });
}

async function open(path: string): Promise<void> {
  await page.setInputFiles('#file-input', path);
  await page.waitForFunction((file) => document.querySelector('#open-status')?.textContent?.includes(file), path.split('/').pop()!);
}

async function validate(): Promise<{ text: string; ms: number }> {
  await page.evaluate(() => document.querySelector('#validate-status')?.removeAttribute('data-ms'));
  await page.click('#validate');
  await page.waitForSelector('#validate-status[data-ms]', { timeout: 120_000 });
  return {
    text: (await page.textContent('#validate-status')) ?? '',
    ms: Number(await page.getAttribute('#validate-status', 'data-ms')),
  };
}

function finding(sheet: string, cell: string) {
  return page.locator(`#findings tr[data-sheet="${sheet}"][data-cell="${cell}"]`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl()) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) external.push(r.url());
  });
  await gotoWhenReady(page, `${baseUrl()}/taskpane.html`);
  await page.waitForSelector('#validate');
});

afterAll(async () => {
  await browser?.close();
  // Everything above ran under the worker's Content-Security-Policy headers.
  expect(cspViolations()).toEqual([]);
});

describe('standalone page', () => {
  const tokens = () => readTokens();
  const school = () => tokens().schools[0]!;

  function baseGrid(): WorkbookGrid {
    const grid = generateSchool({ seed: 7, teachers: 40, year: YEAR });
    plant(grid, 'school', 0, 'schoolCode', school().code);
    plant(grid, 'school', 0, 'schoolName', school().name);
    return grid;
  }

  /** Problems the validator fixes by itself, in both workbooks. */
  function plantFixable(grid: WorkbookGrid) {
    const name = String(valueAt(grid, 'teachers', 0, 'name'));
    return {
      trim: { ...plant(grid, 'teachers', 0, 'name', ` ${name} `), to: name },
      fullwidth: { ...plant(grid, 'trainings', 0, 'hours', '３.５'), to: 3.5 },
      title: { ...plant(grid, 'teachers', 5, 'title', '中学高级'), to: '高级教师' },
    };
  }

  it('should open a messy workbook in Chinese and list every planted problem at its cell', async () => {
    expect(await page.textContent('#title')).toBe('师训台账');
    const grid = baseGrid();
    const stage = plant(grid, 'teachers', 2, 'stage', '小雪');
    const date = plant(grid, 'trainings', 3, 'endDate', `${YEAR}-02-30`);
    const phone = plant(grid, 'teachers', 4, 'phone', '12345');
    plantFixable(grid);
    await open(await writeWorkbook('台账-有错误.xlsx', grid));
    const { text } = await validate();
    expect(text).toMatch(/^校验完成：2 个错误，1 个警告，3 处可自动修正/);

    await expect(finding(stage.sheet, stage.cell).textContent()).resolves.toContain('enum.invalid');
    await expect(finding(date.sheet, date.cell).textContent()).resolves.toContain('date.invalid');
    await expect(finding(phone.sheet, phone.cell).textContent()).resolves.toContain('phone.invalid');
    await expect(page.locator('#findings summary').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining(`${SHEETS.teachers.name} · enum.invalid（1）`), expect.stringContaining(`${SHEETS.trainings.name} · date.invalid（1）`)]),
    );
    await finding(stage.sheet, stage.cell).click();
    await expect(finding(stage.sheet, stage.cell).getAttribute('class')).resolves.toContain('selected');

    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
    const csv = readFileSync((await report.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF"级别","工作表","单元格","代码","说明"')).toBe(true);
    expect(csv).toContain(`"${stage.sheet}","${stage.cell}","enum.invalid"`);
    await expect(page.locator('#fixes tbody tr').count()).resolves.toBe(3);
    await shot('1-findings');
  });

  it('should apply the chosen fixes, re-validate and offer the fixed copy', async () => {
    const grid = baseGrid();
    const planted = plantFixable(grid);
    plant(grid, 'teachers', 4, 'phone', '12345');
    await open(await writeWorkbook('台账.xlsx', grid));
    const first = await validate();
    expect(first.text).toMatch(/^校验完成：0 个错误，1 个警告，3 处可自动修正/);
    const rows = await page.locator('#fixes tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-cell'), tr.querySelector('.old')?.textContent, tr.querySelector('.new')?.textContent]));
    expect(rows).toEqual(expect.arrayContaining([[planted.title.cell, '“中学高级”', '“高级教师”'], [planted.fullwidth.cell, '“３.５”', '3.5']]));
    await shot('2-fixes');

    await page.click('#apply-fixes');
    await page.waitForFunction(() => document.querySelector('#fix-status')?.textContent?.startsWith('已修正 3 处'));
    await page.waitForFunction(() => /0 个错误，1 个警告，0 处可自动修正/.test(document.querySelector('#validate-status')?.textContent ?? ''));
    const [fixed] = await Promise.all([page.waitForEvent('download'), page.click('#download-fixed')]);
    expect(fixed.suggestedFilename()).toBe('台账-已修正.xlsx');
    const read = await readXlsx(readFileSync((await fixed.path())!));
    if (!read.ok) throw new Error(read.message);
    const at = (p: { sheet: string; cell: string }) => {
      const sheet = read.grid.sheets.find((s) => s.name === p.sheet)!;
      const m = /^([A-Z]+)(\d+)$/.exec(p.cell)!;
      return sheet.rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
    };
    expect(at(planted.trim)).toBe(planted.trim.to);
    expect(at(planted.fullwidth)).toBe(3.5);
    expect(at(planted.title)).toBe('高级教师');
    await shot('3-fixed');
  });

  it('should connect with a clerk token, submit, and show the receipt, the review status and the compliance', async () => {
    await page.fill('#server', baseUrl());
    await page.fill('#token', school().token);
    await page.click('#connect');
    await page.waitForFunction((name) => document.querySelector('#connect-status')?.textContent?.includes(name), school().name);

    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#submit-status')?.textContent?.startsWith('已提交：第'), undefined, { timeout: 120_000 });
    expect(await page.textContent('#submit-status')).toMatch(/^已提交：第 \d+ 版，.+（回执编号 .+）$/);
    // The review line may still show the previous version (returned by another test) until the
    // pane refreshes it after the receipt: wait for the version the receipt names.
    const version = (await page.textContent('#submit-status'))!.match(/^已提交：第 (\d+) 版/)![1]!;
    await page.waitForFunction((v) => document.querySelector('#review-state')?.textContent?.endsWith(`（版本 ${v}）`), version);
    expect(await page.textContent('#review-state')).toBe(`已提交，待审核（版本 ${version}）`);

    // The bureau returns it with a comment: the clerk sees both after a refresh.
    const receiptId = (await page.textContent('#submit-status'))!.match(/回执编号 (.+)）$/)![1]!;
    const review = await fetch(`${baseUrl()}/api/v1/submissions/${receiptId}/review`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens().reviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ decision: 'return', comment: '请补充师德师风培训记录' }),
    });
    expect(review.status).toBe(200);
    await page.click('#refresh-review');
    await page.waitForSelector('#review-state[data-status="returned"]');
    expect(await page.textContent('#review-comment')).toBe('请补充师德师风培训记录');

    const report = page.locator('#report-area [data-sheet="达标情况"]');
    await expect(report.locator('h3').textContent()).resolves.toContain(`${school().name} ${YEAR} 年教师培训达标情况`);
    await expect(report.locator('tbody tr').count()).resolves.toBe(40);
    const statuses = await report.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(statuses).size).toBeGreaterThan(0);
    expect(statuses.every((s) => ['达标', '进行中', '未达标', '数据有误'].includes(s))).toBe(true);
    const ids = await report.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(ids.every((id) => /^\d{6}\*{8}[\dX]{4}$/.test(id))).toBe(true);

    await page.click('#preview');
    await page.waitForSelector('#compliance table');
    await expect(page.locator('#compliance tbody tr').count()).resolves.toBe(40);
    expect(await page.textContent('#preview-status')).toMatch(/教师 40 人：达标 \d+，进行中 \d+，未达标 \d+；达标率 [\d.]+%/);
    await shot('4-submitted');
  });

  it('should pull the district summary and a school’s teachers with a reviewer token', async () => {
    await page.click('#disconnect');
    await page.fill('#token', tokens().reviewer);
    await page.click('#connect');
    await page.waitForSelector('#pull-summary');
    await page.click('#pull-summary');
    await page.waitForFunction(() => document.querySelector('#reviewer-status')?.textContent?.startsWith('已写入“全区汇总”'));
    const district = page.locator('#report-area [data-sheet="全区汇总"]');
    const api = await fetch(`${baseUrl()}/api/v1/bureau/summary?year=${YEAR}`, { headers: { authorization: `Bearer ${tokens().reviewer}` } });
    const summary = (await api.json()) as { schools: { name: string; passRate: number }[] };
    await expect(district.locator('tbody tr').count()).resolves.toBe(summary.schools.length);
    const shown = await district.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent, tr.children[1]?.textContent]));
    for (const s of summary.schools) expect(shown).toContainEqual([s.name, `${(s.passRate * 100).toFixed(1)}%`]);

    await page.selectOption('#school', school().code);
    await page.click('#pull-school');
    await page.waitForFunction(() => document.querySelector('#reviewer-status')?.textContent?.includes('名教师'));
    const teachers = page.locator(`#report-area [data-sheet="${school().name}"]`);
    await expect(teachers.locator('tbody tr').count()).resolves.toBe(40);
    const ids = await teachers.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(ids.every((id) => /^\d{6}\*{8}[\dX]{4}$/.test(id))).toBe(true);
    await shot('5-reviewer');
    await page.click('#disconnect');
  });

  it('should switch to English and back', async () => {
    await page.click('#lang-switch');
    expect(await page.textContent('#title')).toBe('Training ledger');
    expect(await page.textContent('#validate')).toBe('Validate');
    expect(await page.textContent('#open h2')).toBe('Open a ledger');
    expect(await page.textContent('#open-status')).toMatch(/^Opened 台账\.xlsx \(5 sheets\)$/);
    await shot('6-english');
    await page.click('#lang-switch');
    expect(await page.textContent('#validate')).toBe('校验');
  });

  it('should have loaded nothing from outside its own server, with no script error or CSP violation', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('should validate a 10,000-teacher roster in the page (time reported, not asserted)', async () => {
    const grid = generateSchool({ seed: 11, teachers: 10_000, trainingsPerTeacher: 1, year: YEAR, withDuties: false, withMilestones: false });
    const rows = grid.sheets.reduce((n, s) => n + s.rows.length, 0);
    const path = await writeWorkbook('万人台账.xlsx', grid);
    const openStarted = Date.now();
    await open(path);
    const openMs = Date.now() - openStarted;
    const { text, ms } = await validate();
    expect(text).toMatch(/^校验完成：0 个错误/);
    const line = `10,000 teachers (${rows} rows in all): open+read ${openMs} ms, validate+compliance ${ms} ms`;
    writeFileSync(join(SHOTS, 'standalone-10k.txt'), `${line}\n`);
    console.log(line);
    await shot('7-10k');
  });
});
