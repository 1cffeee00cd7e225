/// <reference lib="dom" />
// Code passed to page.evaluate runs in the page and names DOM globals.
/**
 * The pane at a task pane's widths, before anything is submitted (standalone.test.ts checks the
 * confirmation and the receipt): a generated messy workbook opened in the standalone page,
 * validated, a finding opened, the 提示 group expanded, the fixes listed and the compliance preview
 * shown; then at 320, 350, 420 and 1280 px nothing is wider than its box (the document and every
 * section: scrollWidth ≤ clientWidth, and no element past the right edge), 应用所选 is in view
 * beside the first and the last fix card, and the Chinese text holds no finding code, fix code or
 * rule id. And the bureau dashboard at 1366 × 768 and 1280 × 800: the summary, a school and a
 * teacher's rules. Screenshots go to test-results/screens/ (git-ignored), to be looked at.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BureauSummary, TeacherPage } from '../../shared/api/responses.js';
import { SHEETS } from '../../shared/contract/sheets.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { currentYear } from '../../shared/policy/index.js';
import { gridToXlsx } from '../../workbook/write-fixes.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant, valueAt } from '../fixtures/plant.js';
import { inViewport, overflowing, rawCodesIn, sectionsTooWide, WIDTHS } from './pane-checks.js';
import { baseUrl, cspViolations, gotoWhenReady, launchBrowser, readTokens } from './support.js';

const SCREENS = resolve(import.meta.dirname, '../../test-results/screens');
const YEAR = currentYear();

let browser: Browser;
const files = mkdtempSync(join(tmpdir(), 'shixun-widths-'));

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(cspViolations()).toEqual([]);
});

/** A school's ledger with one of each kind of mess a clerk's file has. */
function messyGrid(): WorkbookGrid {
  const grid = generateSchool({ seed: 11, teachers: 30, year: YEAR });
  const school = readTokens().schools[0]!;
  plant(grid, 'school', 0, 'schoolCode', school.code);
  plant(grid, 'school', 0, 'schoolName', school.name);
  // An ID number Excel turned into a number (id_number.scientific), an impossible stage, a short phone.
  plant(grid, 'teachers', 1, 'idNumber', 320102198001011000);
  plant(grid, 'teachers', 2, 'stage', '小雪');
  plant(grid, 'teachers', 4, 'phone', '12345');
  // A value without a place to break (a warning), an impossible date, fixable spaces and digits.
  plant(grid, 'teachers', 6, 'phone', '1'.repeat(60));
  plant(grid, 'trainings', 3, 'endDate', `${YEAR}-02-30`);
  for (let i = 7; i < 25; i++) plant(grid, 'teachers', i, 'name', ` ${String(valueAt(grid, 'teachers', i, 'name'))} `);
  plant(grid, 'trainings', 0, 'hours', '３.５');
  plant(grid, 'teachers', 5, 'title', '中学高级');
  // Two info findings, shown collapsed as 提示: an extra sheet and a totals row (skipped).
  grid.sheets.push({ name: 'Sheet3', rows: [['备注']] });
  grid.sheets.find((s) => s.name === SHEETS.trainings.name)!.rows.push(['合计']);
  return grid;
}

describe('the standalone pane at a task pane’s widths', () => {
  it('should fit 320, 350, 420 and 1280 px with findings, fixes and the preview open', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await gotoWhenReady(page, `${baseUrl()}/taskpane.html`);
    await page.waitForSelector('#validate');

    const path = join(files, '台账-杂乱.xlsx');
    writeFileSync(path, await gridToXlsx(messyGrid()));
    await page.setInputFiles('#file-input', path);
    await page.waitForFunction(() => document.querySelector('#open-status')?.textContent?.includes('台账-杂乱.xlsx'));
    await page.click('#validate');
    await page.waitForFunction(() => document.querySelector('#validate-status')?.getAttribute('data-run'), null, {
      timeout: 120_000,
    });
    expect(await page.textContent('#validate-status')).toMatch(/^校验完成：\d+ 个错误/);
    // A finding opened: its value and the row's teacher show in the detail.
    await page.locator('#findings li.finding button').first().click();
    await page.waitForSelector('#finding-detail');
    await page.click('#info-findings > summary');
    expect(await page.textContent('#info-findings > summary')).toMatch(/^提示\s*2 条/);
    expect(await page.locator('#fixes li.fix-card').count()).toBeGreaterThan(10);
    await page.click('#preview');
    await page.waitForSelector('#compliance', { timeout: 120_000 });

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      expect(await sectionsTooWide(page), `wider than its box at ${width} px`).toEqual([]);
      expect(await overflowing(page), `sideways overflow at ${width} px`).toEqual([]);
      expect(await rawCodesIn(page), `codes in the text at ${width} px`).toEqual([]);
      for (const card of ['first', 'last'] as const) {
        await page.locator('#fixes li.fix-card')[card]().scrollIntoViewIfNeeded();
        expect(await inViewport(page, '#apply-fixes'), `Apply in view at ${width} px (${card} card)`).toBe(true);
      }
      await page.screenshot({ path: join(SCREENS, `pane-w${width}-fixes.png`) });
      for (const part of ['validate-section', 'finding-detail', 'info-findings', 'preview-section']) {
        // Sections keep clear of the sticky bar by their scroll margin; the others are centred.
        await page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'center' }), part);
        await page.screenshot({ path: join(SCREENS, `pane-w${width}-${part}.png`) });
      }
    }
    expect(errors).toEqual([]);
  });
});

describe('the bureau dashboard at 1366 × 768 and 1280 × 800', () => {
  it('should show the summary, a school and a teacher’s rules without sideways overflow or raw codes', async () => {
    const tokens = readTokens();
    const res = await fetch(`${baseUrl()}/api/v1/bureau/summary`, {
      headers: { authorization: `Bearer ${tokens.reviewer}` },
    });
    const summary = (await res.json()) as BureauSummary;
    const school = summary.schools.find((s) => s.submitted && s.fail > 0) ?? summary.schools.find((s) => s.submitted)!;
    const teachers = await fetch(`${baseUrl()}/api/v1/bureau/teachers?year=${summary.year}&school=${school.code}`, {
      headers: { authorization: `Bearer ${tokens.reviewer}` },
    });
    // A teacher with something to show: a failing one if the school has one.
    const items = ((await teachers.json()) as TeacherPage).items;
    const teacher = items.find((t) => t.status === 'fail') ?? items.find((t) => t.status === 'warn') ?? items[0]!;
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1280, height: 800 },
    ]) {
      const page = await browser.newPage({ viewport, locale: 'zh-CN' });
      await page.goto(`${baseUrl()}/bureau/#/summary?year=${summary.year}`, { waitUntil: 'domcontentloaded' });
      await page.fill('#token', tokens.reviewer);
      await page.click('form.sign-in button[type=submit]');
      await page.waitForSelector('main[data-ready="summary"]');
      const views = [
        ['summary', `#/summary?year=${summary.year}`],
        ['school', `#/school/${school.code}?year=${summary.year}`],
      ] as const;
      for (const [name, hash] of views) {
        await page.evaluate((h) => {
          location.hash = h;
        }, hash);
        await page.waitForSelector(`main[data-ready="${name}"]`);
        if (name === 'school') {
          await page.click(`table.teachers tr[data-row="${teacher.row}"] button.teacher-open`);
          await page.waitForSelector('tr.teacher-detail .teacher-view[data-loaded]');
        }
        expect(await sectionsTooWide(page), `${name} at ${viewport.width}`).toEqual([]);
        expect(await overflowing(page), `${name} at ${viewport.width}`).toEqual([]);
        expect(await rawCodesIn(page), `${name} at ${viewport.width}`).toEqual([]);
        await page.screenshot({ path: join(SCREENS, `dashboard-${name}-${viewport.width}.png`) });
      }
      await page.locator('tr.teacher-detail').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENS, `dashboard-teacher-${viewport.width}.png`) });
      await page.close();
    }
  });
});
