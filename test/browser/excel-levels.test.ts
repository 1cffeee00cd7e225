/**
 * The pane in Excel mode against the office.js stand-in at each capability level and from each
 * cloud's CDN: the stand-in answers isSetSupported for the level it is given
 * (window.__FAKE_EXCEL_API__) and refuses the members above it, so the pane's own host detection
 * decides what it uses. The marking steps drive the pane through its current controls (#validate,
 * #clear-marks); the pane's rewrite carries them into its own Excel-mode test.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_FILL } from '../../addin/excel/mark-findings.js';
import { OFFICE_CLOUDS, OFFICE_JS_URLS, type OfficeCloud } from '../../addin/office/office-js.js';
import { FINDINGS_SHEET_NAME } from '../../shared/labels/findings-list.js';
import { type FakeSheet, fakeSheets } from '../addin/fake-excel.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant } from '../fixtures/plant.js';
import { officeStandIn } from './fake-office/bundle.js';
import { baseUrl, gotoWhenReady, launchBrowser } from './support.js';

const YEAR = new Date().getFullYear();
let browser: Browser;
let officeJs: string;

type Fake = Window['__fakeExcel'];

interface Opened {
  page: Page;
  /** Every office.js URL the page asked for. */
  officeJs: string[];
}

async function openPane(opts: { level?: string; cloud?: OfficeCloud; sheets?: FakeSheet[] }): Promise<Opened> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 420, height: 900 } });
  const page = await context.newPage();
  const requested: string[] = [];
  for (const url of Object.values(OFFICE_JS_URLS)) {
    await page.route(url, (route) => {
      requested.push(url);
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: officeJs });
    });
  }
  await page.addInitScript(
    ({ level, sheets }) => {
      if (level) window.__FAKE_EXCEL_API__ = level;
      window.__FAKE_SHEETS__ = sheets;
    },
    { level: opts.level ?? null, sheets: opts.sheets ?? [{ name: 'Sheet1', rows: [] }] },
  );
  const cloud = opts.cloud === '21vianet' ? '&cloud=21vianet' : '';
  await gotoWhenReady(page, `${baseUrl()}/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0${cloud}`);
  await page.waitForFunction(() => window.__officeReady === true);
  return { page, officeJs: requested };
}

function fake<T>(page: Page, read: (f: Fake) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__fakeExcel)`) as Promise<T>;
}

function schoolSheets(): { sheets: FakeSheet[]; sheet: string; cell: string } {
  const grid = generateSchool({ seed: 31, teachers: 20, year: YEAR });
  const { sheet, cell } = plant(grid, 'teachers', 2, 'stage', '小雪');
  return { sheets: fakeSheets(grid), sheet, cell };
}

beforeAll(async () => {
  officeJs = await officeStandIn();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('task pane in Excel, per Office cloud', () => {
  for (const cloud of OFFICE_CLOUDS) {
    it(`should load office.js from the ${cloud} CDN only, in the pane and in the ribbon's function file`, async () => {
      const { page, officeJs: requested } = await openPane({ cloud });
      expect(requested).toEqual([OFFICE_JS_URLS[cloud]]);
      await gotoWhenReady(page, `${baseUrl()}/commands.html${cloud === '21vianet' ? '?cloud=21vianet' : ''}`);
      await page.waitForFunction(() => window.__officeReady === true);
      expect(requested).toEqual([OFFICE_JS_URLS[cloud], OFFICE_JS_URLS[cloud]]);
      await page.context().close();
    });
  }
});

describe.each(['1.1', '1.8', 'current'])('task pane in an Excel with ExcelApi %s', (level) => {
  it('should mark by what this Excel has and clear it again, using nothing above it', async () => {
    const { sheets, sheet, cell } = schoolSheets();
    const { page } = await openPane({ level, sheets });
    const supports = (v: string) => page.evaluate(`Office.context.requirements.isSetSupported('ExcelApi', '${v}')`);
    expect(await supports('1.2')).toBe(level !== '1.1');
    expect(await supports('1.18')).toBe(level === 'current');

    await page.click('#validate');
    await page.waitForSelector('#validate-status[data-ms]', { timeout: 120_000 });
    const after = await fake(page, (f) => ({
      api: f.api,
      violations: f.violations,
      formats: f.formats.filter((x) => !x.deleted).length,
      sheets: f.sheets.map((s) => s.name),
      notes: f.notes.filter((n) => !n.deleted).length,
    }));
    const fill = await page.evaluate(([s, c]) => window.__fakeExcel.fill(s!, c!), [sheet, cell]);
    expect(after.api).toBe(level);
    expect(after.violations).toEqual([]);
    expect(fill).toBe(level === '1.1' ? ERROR_FILL : undefined);
    expect(after.formats).toBe(level === '1.1' ? 0 : 2);
    expect(after.sheets.includes(FINDINGS_SHEET_NAME)).toBe(level !== 'current');
    expect(after.notes > 0).toBe(level === 'current');

    await page.click('#clear-marks');
    await page.waitForFunction(() => document.querySelector('#validate-status')?.textContent?.startsWith('已清除'));
    const cleared = await fake(page, (f) => ({
      violations: f.violations,
      formats: f.formats.filter((x) => !x.deleted).length,
      sheets: f.sheets.map((s) => s.name),
      notes: f.notes.filter((n) => !n.deleted).length,
    }));
    expect(cleared).toEqual({ violations: [], formats: 0, sheets: sheets.map((s) => s.name), notes: 0 });
    expect(await page.evaluate(([s, c]) => window.__fakeExcel.fill(s!, c!), [sheet, cell])).toBeUndefined();
    await page.context().close();
  });
});
