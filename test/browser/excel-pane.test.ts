/**
 * The task pane in Excel mode, in real Chromium against the real server: the page is opened the
 * way Office opens it (?_host_Info=…), and Microsoft's office.js is answered with a stand-in
 * (fake-office/office.ts) whose Excel.run drives an in-memory workbook. Everything but the Excel
 * host itself is the real thing: host detection, the pane, the Web Worker, the Excel layer, the API.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTE_PREFIX } from '../../addin/excel/read-workbook.js';
import { OFFICE_JS_URL } from '../../addin/office/helpers.js';
import type { CatalogueList } from '../../shared/api/catalogue.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import { encodeWorkbook, isCellError, type WorkbookGrid } from '../../shared/grid.js';
import { currentYear } from '../../shared/policy/index.js';
import type { FakeSheet } from '../addin/fake-excel.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant, valueAt } from '../fixtures/plant.js';
import { officeStandIn } from './fake-office/bundle.js';
import { inViewport, overflowing, rawCodesIn, sectionsTooWide, WIDTHS } from './pane-checks.js';
import { askToSubmit, baseUrl, cspViolations, gotoWhenReady, launchBrowser, readTokens } from './support.js';

const SHOTS = resolve(import.meta.dirname, '../../screenshots');
const YEAR = currentYear();

let browser: Browser;
let officeJs: string;

type Fake = Window['__fakeExcel'];

function toSheets(grid: WorkbookGrid): FakeSheet[] {
  return grid.sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) =>
      r.map((v) =>
        v === null ? '' : isCellError(v) ? { error: v.error } : v instanceof Date ? v.toISOString().slice(0, 10) : v,
      ),
    ),
  }));
}

/** The pane as Office opens it, on the stand-in at ExcelApi `level` ('current': every set). */
async function openPane(
  sheets: FakeSheet[],
  lang = 'zh-CN',
  level = 'current',
): Promise<{ page: Page; external: string[] }> {
  const context = await browser.newContext({ locale: lang, viewport: { width: 480, height: 1000 } });
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(baseUrl()) && r.url() !== OFFICE_JS_URL) external.push(r.url());
  });
  await page.route(OFFICE_JS_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: officeJs }),
  );
  await page.addInitScript(
    ({ sheets, lang, level }) => {
      window.__FAKE_SHEETS__ = sheets;
      window.__FAKE_LANGUAGE__ = lang;
      window.__FAKE_EXCEL_API__ = level;
    },
    { sheets, lang, level },
  );
  await gotoWhenReady(page, `${baseUrl()}/taskpane.html?_host_Info=Excel$Win32$16.01$${lang}$$$$0`);
  await page.waitForSelector('#connect');
  // The manifest's URL is served as it is: no redirect that could drop Office's query.
  expect(new URL(page.url()).pathname).toBe('/taskpane.html');
  expect(new URL(page.url()).searchParams.get('_host_Info')).toContain('Excel');
  return { page, external };
}

function fake<T>(page: Page, read: (f: Fake) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__fakeExcel)`) as Promise<T>;
}

/** Presses 校验 and waits for the run it starts (data-run counts runs). */
async function validate(page: Page): Promise<string> {
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
  return (await page.textContent('#validate-status')) ?? '';
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  officeJs = await officeStandIn();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  // Everything above ran under the worker's Content-Security-Policy headers.
  expect(cspViolations()).toEqual([]);
});

describe('task pane in Excel', () => {
  const school = () => readTokens().schools[1]!;

  function schoolGrid(): WorkbookGrid {
    const grid = generateSchool({ seed: 21, teachers: 30, year: YEAR });
    plant(grid, 'school', 0, 'schoolCode', school().code);
    plant(grid, 'school', 0, 'schoolName', school().name);
    return grid;
  }

  it('should start in Excel mode and add the standard sheets to an empty workbook', async () => {
    const { page, external } = await openPane([{ name: 'Sheet1', rows: [] }]);
    expect(await page.textContent('#mode')).toBe('Excel 加载项');
    await page.click('#template');
    await page.waitForFunction(() => document.querySelector('#template-status')?.textContent?.startsWith('已添加'));
    const sheets = await fake(page, (f) => f.sheets.map((s) => [s.name, s.visibility]));
    expect(sheets).toEqual([
      ['Sheet1', 'Visible'],
      ...SHEET_LIST.map((s) => [s.name, 'Visible']),
      ['_lists', 'VeryHidden'],
    ]);
    const header = await fake(page, (f) => f.sheet('教师名册')!.rows[0]);
    expect(header).toEqual(SHEET_LIST[1]!.columns.map((c) => c.header));
    expect(external).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'excel-1-template.png'), fullPage: true });
    await page.context().close();
  });

  it('should give 项目编号 the bureau’s catalogue codes as its dropdown when the template is built while connected', async () => {
    const other = readTokens().otherBureau;
    const clerk = other.schools[0]!;
    const headers = [
      '项目编号',
      '培训项目',
      '培训级别',
      '培训类别',
      '培训形式',
      '开始日期',
      '结束日期',
      '认定学时',
      '主办单位',
    ];
    const row = (code: string, course: string) => [
      code,
      course,
      '区级',
      '学科教学',
      '集中面授',
      `${YEAR}-03-02`,
      `${YEAR}-03-03`,
      8,
      '',
    ];
    const catalogue: WorkbookGrid = {
      sheets: [{ name: '培训项目目录', rows: [headers, row('XL-1', '模板下拉甲'), row('XL-2', '模板下拉乙')] }],
    };
    const imported = await fetch(`${baseUrl()}/api/v1/catalogue/${YEAR}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.reviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workbook: encodeWorkbook(catalogue) }),
    });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);
    // Every code of the year as the clerk reads the catalogue (other tests may have added entries).
    const listed = await fetch(`${baseUrl()}/api/v1/catalogue/${YEAR}`, {
      headers: { authorization: `Bearer ${clerk.token}` },
    });
    const codes = ((await listed.json()) as CatalogueList).entries.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['XL-1', 'XL-2']));

    const { page } = await openPane([{ name: 'Sheet1', rows: [] }]);
    await page.fill('#server', baseUrl());
    await page.fill('#token', clerk.token);
    await page.click('#connect');
    await page.waitForFunction((n) => document.querySelector('#connect-status')?.textContent?.includes(n), clerk.name);
    await page.click('#template');
    await page.waitForFunction(() => document.querySelector('#template-status')?.textContent?.startsWith('已添加'));
    expect(await page.textContent('#template-status')).toContain(
      `“项目编号”列可从本局 ${YEAR} 年培训项目目录的 ${codes.length} 个编号中选择。`,
    );
    const { dropdowns, lists } = await fake(page, (f) => ({
      dropdowns: f.dropdowns().filter((d) => d.sheet === '培训记录'),
      lists: f.sheet('_lists')!.rows,
    }));
    const column = SHEET_LIST.find((x) => x.key === 'trainings')!.columns.findIndex((c) => c.key === 'catalogueCode');
    const letter = String.fromCharCode(65 + column);
    const source = String(dropdowns.find((d) => d.address === `${letter}2:${letter}10001`)?.source);
    const [, at, last] = source.match(/^='_lists'!\$([A-Z]+)\$1:\$\1\$(\d+)$/) ?? [];
    expect(Number(last)).toBe(codes.length);
    const col = at!.charCodeAt(0) - 65;
    expect(lists.slice(0, codes.length).map((r) => r[col])).toEqual(codes);
    await page.context().close();
  });

  it('should mark the findings in the workbook, select a clicked cell, fix, and clear the marks exactly', async () => {
    const grid = schoolGrid();
    const stage = plant(grid, 'teachers', 2, 'stage', '小雪');
    const phone = plant(grid, 'teachers', 4, 'phone', '12345');
    const name = String(valueAt(grid, 'teachers', 0, 'name'));
    const trim = plant(grid, 'teachers', 0, 'name', ` ${name} `);
    const { page } = await openPane(toSheets(grid));

    expect(await validate(page)).toMatch(/^校验完成：1 个错误，1 个警告，1 处可自动修正/);
    expect(await page.getAttribute('#validate-status', 'data-syncs')).toBe('4');
    const marks = await fake(page, (f) => ({
      formats: f.formats.filter((x) => !x.deleted).map((x) => [x.sheet, x.custom.rule.formula]),
      hidden: f.sheets.filter((s) => s.name.startsWith('_marks')).map((s) => [s.name, s.visibility]),
      notes: f.notes.filter((n) => !n.deleted).map((n) => [n.cell, n.content]),
    }));
    expect(marks.formats).toEqual([
      ['教师名册', "='_marks1'!A1=1"],
      ['教师名册', "='_marks1'!A1=2"],
    ]);
    expect(marks.hidden).toEqual([['_marks1', 'VeryHidden']]);
    expect(marks.notes.map(([cell]) => cell).sort()).toEqual([phone.cell, stage.cell].sort());
    expect(marks.notes.every(([, content]) => content?.startsWith(NOTE_PREFIX))).toBe(true);
    const flags = await fake(page, (f) => f.sheet('_marks1')!.rows);
    const at = (cell: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      return flags[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
    };
    expect([at(stage.cell), at(phone.cell)]).toEqual([1, 2]);

    await page.click(`#findings li.finding[data-cell="${stage.cell}"] button`);
    await expect.poll(() => fake(page, (f) => f.selected())).toBe(`${stage.sheet}!${stage.cell}`);
    await page.screenshot({ path: join(SHOTS, 'excel-2-marked.png'), fullPage: true });

    await page.click('#apply-fixes');
    await page.waitForFunction(() => document.querySelector('#fix-status')?.textContent?.startsWith('已修正 1 处'));
    expect(await page.textContent('#validate-status')).toMatch(/1 个错误，1 个警告，0 处可自动修正/);
    const fixedName = await fake(page, (f) => f.sheet('教师名册')!.rows);
    expect(fixedName[trim.row - 1]![0]).toBe(name);
    // Re-validating replaced the marks instead of piling them up.
    await expect(fake(page, (f) => f.formats.filter((x) => !x.deleted).length)).resolves.toBe(2);

    await page.click('#clear-marks');
    await page.waitForFunction(() => document.querySelector('#validate-status')?.textContent?.startsWith('已清除'));
    const after = await fake(page, (f) => ({
      formats: f.formats.filter((x) => !x.deleted).length,
      notes: f.notes.filter((n) => !n.deleted).length,
      sheets: f.sheets.map((s) => s.name),
    }));
    expect(after).toEqual({ formats: 0, notes: 0, sheets: grid.sheets.map((s) => s.name) });
    await page.context().close();
  });

  it('should submit and write the 达标情况 sheet with the school summary on top', async () => {
    const { page } = await openPane(toSheets(schoolGrid()));
    await page.fill('#server', baseUrl());
    await page.fill('#token', school().token);
    await page.click('#connect');
    await page.waitForFunction(
      (n) => document.querySelector('#connect-status')?.textContent?.includes(n),
      school().name,
    );
    await askToSubmit(page);
    expect(await page.textContent('#confirm-school')).toBe(`${school().name}（${school().code}）`);
    expect(await page.textContent('#confirm-teachers')).toBe('30 人');
    await page.click('#confirm-submit');
    await page.waitForFunction(
      () => document.querySelector('#submit-status')?.textContent?.startsWith('已提交：第'),
      undefined,
      {
        timeout: 120_000,
      },
    );
    await page.waitForSelector('#review-state');
    const sheet = await fake(page, (f) => f.sheet('达标情况')!.rows);
    expect(String(sheet[0]![0])).toBe(
      `${school().name} ${YEAR} 年教师培训达标情况（统计截至 ${String(sheet[0]![0]).match(/截至 (\d{4}-\d{2}-\d{2})/)![1]}）`,
    );
    expect(String(sheet[1]![0])).toMatch(/^教师 30 人：达标 \d+，进行中 \d+，未达标 \d+；达标率 [\d.]+%$/);
    const header = sheet.findIndex((r) => r?.[0] === '行');
    expect(sheet[header]).toEqual(['行', '姓名', '身份证号', '状态', '截止日期', '未达标的要求']);
    const body = sheet.slice(header + 1);
    expect(body).toHaveLength(30);
    expect(body.every((r) => /^\d{6}\*{8}[\dX]{4}$/.test(String(r[2])))).toBe(true);
    const formats = await fake(page, (f) =>
      f.formats.filter((x) => x.sheet === '达标情况').map((x) => x.custom.format.fill.color),
    );
    expect(formats).toHaveLength(4);
    await page.screenshot({ path: join(SHOTS, 'excel-3-submitted.png'), fullPage: true });
    await page.context().close();
  });

  it('should pull the district summary into 全区汇总 with a chart, and a school’s teachers into their own sheet', async () => {
    const { page } = await openPane([{ name: 'Sheet1', rows: [] }]);
    await page.fill('#server', baseUrl());
    await page.fill('#token', readTokens().reviewer);
    await page.click('#connect');
    await page.click('#pull-summary');
    await page.waitForFunction(() =>
      document.querySelector('#reviewer-status')?.textContent?.startsWith('已写入“全区汇总”'),
    );
    const sheet = await fake(page, (f) => f.sheet('全区汇总')!.rows);
    const header = sheet.findIndex((r) => r?.[0] === '学校');
    expect(sheet[header]).toEqual([
      '学校',
      '达标率',
      '教师数',
      '达标',
      '进行中',
      '未达标',
      '提交状态',
      '版本',
      '学校代码',
    ]);
    const names = sheet.slice(header + 1).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(readTokens().schools.map((s) => s.name)));
    const charts = await fake(page, (f) => f.charts.map((c) => [c.sheet, c.type, c.title.text]));
    expect(charts).toEqual([['全区汇总', 'ColumnClustered', '各校达标率']]);

    await page.selectOption('#school', school().code);
    await page.click('#pull-school');
    await page.waitForFunction(() => document.querySelector('#reviewer-status')?.textContent?.includes('名教师'));
    const teachers = await fake(page, (f) => f.sheets.map((s) => s.name));
    expect(teachers).toContain(school().name);
    await page.screenshot({ path: join(SHOTS, 'excel-4-reviewer.png'), fullPage: true });
    await page.context().close();
  });

  it('should fit a task pane at 320, 350 and 420 px: nothing sideways, Apply in view, no code in the text', async () => {
    const grid = schoolGrid();
    for (let i = 0; i < 20; i++)
      plant(grid, 'teachers', i, 'name', ` ${String(valueAt(grid, 'teachers', i, 'name'))} `);
    plant(grid, 'teachers', 2, 'stage', '小雪');
    plant(grid, 'teachers', 4, 'phone', '1'.repeat(60));
    const { page } = await openPane(toSheets(grid));
    await validate(page);
    await page.locator('#findings li.finding button').first().click();
    await page.click('#preview');
    await page.waitForSelector('#compliance');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      expect(await overflowing(page), `sideways overflow at ${width} px`).toEqual([]);
      expect(await sectionsTooWide(page), `wider than its box at ${width} px`).toEqual([]);
      expect(await rawCodesIn(page), `codes in the text at ${width} px`).toEqual([]);
      for (const card of ['first', 'last'] as const) {
        await page.locator('#fixes li.fix-card')[card]().scrollIntoViewIfNeeded();
        expect(await inViewport(page, '#apply-fixes'), `Apply in view at ${width} px (${card} card)`).toBe(true);
      }
      await page.screenshot({ path: join(SHOTS, `excel-w${width}-fixes.png`) });
      for (const part of ['validate-section', 'preview-section']) {
        await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), part);
        await page.screenshot({ path: join(SHOTS, `excel-w${width}-${part}.png`) });
      }
    }
    await page.context().close();
  });

  // What the pane says this Excel lacks, per level (docs/ADDIN.md lists what each level does instead).
  const LACKING: Record<string, string[]> = {
    '1.1': ['条件格式标记', '单元格注释和批注', '下拉列表', '冻结表头', '列宽'],
    '1.8': ['单元格注释和批注'],
    current: [],
  };
  for (const [level, lacking] of Object.entries(LACKING)) {
    it(`should say what an Excel with ExcelApi ${level} lacks, and still validate, select and fix there`, async () => {
      const grid = schoolGrid();
      const stage = plant(grid, 'teachers', 2, 'stage', '小雪');
      const name = String(valueAt(grid, 'teachers', 0, 'name'));
      plant(grid, 'teachers', 0, 'name', ` ${name} `);
      const { page } = await openPane(toSheets(grid), 'zh-CN', level);
      expect(await page.locator('#capabilities .cap-title').allTextContents()).toEqual(lacking);
      expect(await validate(page)).toMatch(/^校验完成：1 个错误，0 个警告，1 处可自动修正/);
      const sheets = await fake(page, (f) => f.sheets.map((s) => s.name));
      expect(sheets.includes('问题清单')).toBe(lacking.includes('单元格注释和批注'));
      await page.click(`#findings li.finding[data-cell="${stage.cell}"] button`);
      await expect.poll(() => fake(page, (f) => f.selected())).toBe(`${stage.sheet}!${stage.cell}`);
      await page.click('#apply-fixes');
      await page.waitForFunction(() => document.querySelector('#fix-status')?.textContent?.startsWith('已修正 1 处'));
      expect(await fake(page, (f) => f.violations)).toEqual([]);
      await page.setViewportSize({ width: 350, height: 800 });
      expect(await overflowing(page), `sideways overflow at ExcelApi ${level}`).toEqual([]);
      expect(await rawCodesIn(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `excel-level-${level}.png`) });
      await page.context().close();
    });
  }

  it('should speak English when Office’s display language is English', async () => {
    const { page } = await openPane([{ name: 'Sheet1', rows: [] }], 'en-US');
    expect(await page.textContent('#mode')).toBe('Excel add-in');
    expect(await page.textContent('#template')).toBe('Add missing sheets');
    await page.context().close();
  });
});
