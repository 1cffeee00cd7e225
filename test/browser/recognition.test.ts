/**
 * The recognition pages of the dashboard in real Chromium against the demo district: a reviewer
 * imports a catalogue workbook, settles a queue group with one decision, and reads the statistics,
 * whose numbers and .xlsx export equal the API's. Screenshots go to screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueList, RecognitionQueue, TrainingStatistics } from '../../shared/api/catalogue.js';
import { baseUrl, cspViolations, type DemoTokens, launchBrowser, readTokens } from './support.js';

const SHOTS = join(import.meta.dirname, '../../screenshots');
let BASE: string;
let browser: Browser;
let tokens: DemoTokens;

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${BASE}/api/v1${path}`, { headers: { authorization: `Bearer ${tokens.reviewer}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signedIn(hash: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  await page.goto(`${BASE}/bureau/${hash}`);
  await page.fill('#token', tokens.reviewer);
  await page.click('form.sign-in button[type=submit]');
  return page;
}

/** The catalogue a bureau fills in Excel: a title row above the header, one training. */
async function catalogueFile(year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('培训项目目录');
  ws.addRow([`${year}年度区级培训项目目录`]);
  ws.addRow([
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
  ws.addRow([
    'UI-001',
    '浏览器导入的示范培训',
    '区级',
    '其他',
    '集中面授',
    `${year}-02-01`,
    `${year}-02-02`,
    8,
    '区教师发展中心',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  BASE = baseUrl();
  tokens = readTokens();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  expect(cspViolations()).toEqual([]);
});

describe('recognition in the dashboard', () => {
  it('should import a catalogue workbook chosen in the page', async () => {
    const year = tokens.year;
    const page = await signedIn(`#/catalogue?year=${year}`);
    await page.waitForSelector('main[data-ready="catalogue"]');
    await page.setInputFiles('#catalogue-file', {
      name: '目录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await catalogueFile(year),
    });
    await expect.poll(() => page.textContent('.outcome-message'), { timeout: 30_000 }).toContain('新增 1 项');
    await page.waitForSelector('table.catalogue tr[data-code="UI-001"]');
    const list = await api<CatalogueList>(`/catalogue/${year}`);
    expect(list.entries.map((e) => e.code)).toContain('UI-001');
    await page.screenshot({ path: join(SHOTS, 'catalogue.png'), fullPage: true });
  });

  it('should settle a queue group for every school with one decision', async () => {
    const year = tokens.year;
    const before = await api<RecognitionQueue>(`/recognition/${year}/queue`);
    expect(before.groups.length).toBeGreaterThan(0);
    const page = await signedIn(`#/recognition?year=${year}`);
    await page.waitForSelector('main[data-ready="recognition"]');
    const first = before.groups[0]!;
    const card = page.locator(`section.queue-group[data-group="${first.group}"]`);
    expect(await card.locator('[data-field="teachers"]').textContent()).toBe(
      `${first.teachers} 名教师 · ${first.records} 条记录`,
    );
    await card.locator('input[type=radio][value="add"]').check();
    await card.locator('input[name="hours"]').fill('6');
    await card.locator('button.decide').click();
    await expect.poll(() => page.textContent('.outcome .outcome-message'), { timeout: 30_000 }).toContain('已处理');
    await page.screenshot({ path: join(SHOTS, 'recognition-queue.png'), fullPage: true });
    const after = await api<RecognitionQueue>(`/recognition/${year}/queue`);
    expect(after.groups.some((g) => g.group === first.group)).toBe(false);
    const list = await api<CatalogueList>(`/catalogue/${year}`);
    expect(list.entries.find((e) => e.source === 'queue')).toMatchObject({
      course: first.course,
      hours: 6,
      level: first.level,
    });
  });

  it('should show the statistics the API gives, and export them with the same totals', async () => {
    const year = tokens.year;
    const stats = await api<TrainingStatistics>(`/statistics?year=${year}`);
    expect(stats.schools.length).toBeGreaterThan(0);
    const page = await signedIn(`#/statistics?year=${year}`);
    await page.waitForSelector('main[data-ready="statistics"]');
    const cell = (school: string, field: string) =>
      page.textContent(`tr[data-school="${school}"] td[data-field="${field}"]`);
    const d = stats.district;
    expect(await cell('district', 'fullTimeTeachers')).toBe(String(d.fullTimeTeachers));
    for (const b of ['upTo36', 'upTo72', 'upTo108', 'over108'] as const)
      expect(await cell('district', b)).toBe(String(d.buckets[b]));
    expect(await cell('district', '区级-teachers')).toBe(String(d.levels.区级.teachers));
    expect(await cell('district', '区级-hours')).toBe(String(d.levels.区级.hours));
    for (const s of stats.schools) expect(await cell(s.code, 'fullTimeTeachers')).toBe(String(s.fullTimeTeachers));
    // At 1366 px the 20 columns squeezed each school's name into two characters a line.
    const lines = await page
      .locator('table.statistics tbody td.name bdi')
      .evaluateAll((names) => names.map((n) => n.getClientRects().length));
    expect(lines.length).toBe(stats.schools.length);
    expect(lines.every((n) => n === 1)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'statistics.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.statistics-export')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total.slice(2, 7)).toEqual([
      d.fullTimeTeachers,
      d.buckets.upTo36,
      d.buckets.upTo72,
      d.buckets.upTo108,
      d.buckets.over108,
    ]);
    const levels = (['国家级', '省级', '市级', '区级', '校级'] as const).flatMap((l) => [
      d.levels[l].teachers,
      d.levels[l].hours,
    ]);
    expect(total.slice(7, 17)).toEqual(levels);
    expect(total.slice(17, 19)).toEqual([d.publicBudget, d.trainingFunds]);
  });
});
