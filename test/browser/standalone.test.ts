/**
 * The standalone page (taskpane.html in a plain browser) against the real server, tried as a clerk
 * would: open a workbook with planted problems, see them under Chinese titles with the cell's value
 * and the row's teacher, fix, download the fixed and the annotated copies, connect (the server's
 * name shown before the token is sent), submit with a confirmation, and never send a stale or
 * foreign or identical workbook. Then the page at 320/350/420/1280 px: nothing scrolls sideways,
 * the Apply button stays in view, and no code or rule id shows in the Chinese text. Screenshots of
 * every step go to screenshots/ (git-ignored) to be looked at.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, submitWorkbook } from '../../client/index.js';
import type { CatalogueList } from '../../shared/api/catalogue.js';
import type { SubmissionList } from '../../shared/api/responses.js';
import { SHEETS } from '../../shared/contract/sheets.js';
import { encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import { FINDINGS_SHEET_NAME } from '../../shared/labels/findings-list.js';
import { DROPDOWN_ALERTS } from '../../shared/labels/template.js';
import { currentYear } from '../../shared/policy/index.js';
import { gridToXlsx } from '../../workbook/write-fixes.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { plant, valueAt } from '../fixtures/plant.js';
import { readGrid } from '../workbook/read-grid.js';
import { FiveYears, rosterTeacher, type Training, writeLedger } from './five-years.js';
import { inViewport, overflowing, rawCodesIn, sectionsTooWide, WIDTHS } from './pane-checks.js';
import { askToSubmit, baseUrl, cspViolations, gotoWhenReady, launchBrowser, readTokens } from './support.js';

const SHOTS = resolve(import.meta.dirname, '../../screenshots');
const YEAR = currentYear();

let browser: Browser;
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'shixun-standalone-'));
const external: string[] = [];
const pageErrors: string[] = [];
const sent: Request[] = [];
/** The file the submit tests send (its bytes' hash is on the receipt). */
let submittedFile = '';

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
  await page.waitForFunction(
    (file) =>
      document.querySelector('#open-status')?.textContent?.includes(file) && !document.querySelector('#open-progress'),
    path.split('/').pop()!,
  );
}

/** Presses 校验 and waits for the run it starts (data-run counts runs). */
async function validate(): Promise<{ text: string; ms: number }> {
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
  return {
    text: (await page.textContent('#validate-status')) ?? '',
    ms: Number(await page.getAttribute('#validate-status', 'data-ms')),
  };
}

function finding(sheet: string, cell: string) {
  return page.locator(`#findings li.finding[data-sheet="${sheet}"][data-cell="${cell}"]`);
}

/** Every version the school has on the server for the year, as the API lists them. */
async function versions(token: string): Promise<SubmissionList['items']> {
  const res = await fetch(`${baseUrl()}/api/v1/submissions?year=${YEAR}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as SubmissionList).items;
}

async function connect(token: string, name: string): Promise<void> {
  await page.fill('#server', baseUrl());
  // The host the token will go to is on screen before 连接 can send it.
  await page.waitForFunction(
    (host) => document.querySelector('#server-status.ok')?.textContent?.includes(host),
    new URL(baseUrl()).host,
  );
  await page.fill('#token', token);
  await page.click('#connect');
  await page.waitForFunction((n) => document.querySelector('#connect-status')?.textContent?.includes(n), name);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  page.on('request', (r) => {
    sent.push(r);
    if (!r.url().startsWith(baseUrl()) && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      external.push(r.url());
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

  /** Problems the validator fixes by itself. */
  function plantFixable(grid: WorkbookGrid) {
    const name = String(valueAt(grid, 'teachers', 0, 'name'));
    return {
      trim: { ...plant(grid, 'teachers', 0, 'name', ` ${name} `), to: name },
      fullwidth: { ...plant(grid, 'trainings', 0, 'hours', '３.５'), to: 3.5 },
      title: { ...plant(grid, 'teachers', 5, 'title', '中学高级'), to: '高级教师' },
    };
  }

  it('should wait for a file before 校验 and 提交', async () => {
    expect(await page.textContent('#title')).toBe('师训台账');
    expect(await page.isDisabled('#validate')).toBe(true);
    expect(await page.isDisabled('#submit')).toBe(true);
    expect(await page.textContent('#open-status')).toBe('请先打开一个台账文件。');
  });

  it('should list every planted problem at its cell under Chinese titles, with the value and the row’s teacher', async () => {
    const grid = baseGrid();
    const stage = plant(grid, 'teachers', 2, 'stage', '小雪');
    const date = plant(grid, 'trainings', 3, 'endDate', `${YEAR}-02-30`);
    const phone = plant(grid, 'teachers', 4, 'phone', '12345');
    plantFixable(grid);
    grid.sheets.push({ name: 'Sheet3', rows: [['备注']] });
    await open(await writeWorkbook('台账-有错误.xlsx', grid));
    const { text } = await validate();
    expect(text).toMatch(/^校验完成：2 个错误，1 个警告，3 处可自动修正/);

    await expect(finding(stage.sheet, stage.cell).textContent()).resolves.toContain('小雪');
    await expect(finding(date.sheet, date.cell).count()).resolves.toBe(1);
    await expect(finding(phone.sheet, phone.cell).count()).resolves.toBe(1);
    const titles = await page.locator('#findings > details.group:not(#info-findings) > summary').allTextContents();
    expect(titles).toEqual([
      `错误 ${SHEETS.teachers.name} · 不是可选的值（1）`,
      `错误 ${SHEETS.trainings.name} · 日期无法识别（1）`,
      `警告 ${SHEETS.teachers.name} · 手机号格式不对（1）`,
    ]);
    // Info findings (the extra Sheet3): shown apart, collapsed, as 提示.
    expect(await page.textContent('#info-findings > summary')).toBe('提示 1 条，不影响提交');
    expect(await page.getAttribute('#info-findings', 'open')).toBeNull();
    expect(await page.locator('#info-findings li.finding').isVisible()).toBe(false);

    await finding(date.sheet, date.cell).locator('button').click();
    const detail = page.locator('#finding-detail');
    await expect(detail.locator('dd.value').textContent()).resolves.toBe(`“${YEAR}-02-30”`);
    const id = String(valueAt(grid, 'trainings', 3, 'idNumber'));
    const teacher = `${String(valueAt(grid, 'trainings', 3, 'name'))} · ${id.slice(0, 6)}********${id.slice(14)}`;
    await expect(detail.locator('dd.teacher').textContent()).resolves.toBe(teacher);
    expect(await detail.locator('details.code').getAttribute('open')).toBeNull();
    await expect(finding(date.sheet, date.cell).getAttribute('class')).resolves.toContain('selected');

    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#download-report')]);
    const csv = readFileSync((await report.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF"级别","工作表","单元格","代码","说明"')).toBe(true);
    expect(csv).toContain(`"${stage.sheet}","${stage.cell}","enum.invalid"`);
    await expect(page.locator('#fixes li.fix-card').count()).resolves.toBe(3);
    await shot('1-findings');
  });

  it('should download an annotated copy for WPS: problem cells filled with a comment, and a 问题清单 sheet with links', async () => {
    const [copy] = await Promise.all([page.waitForEvent('download'), page.click('#download-annotated')]);
    expect(copy.suggestedFilename()).toBe('台账-有错误-问题标注.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await copy.path())!).buffer as ArrayBuffer);
    const roster = wb.getWorksheet(SHEETS.teachers.name)!;
    const marked = roster.getRows(1, roster.rowCount)!.flatMap((r) => {
      const out: string[] = [];
      r.eachCell((c) => {
        if (c.note) out.push(c.address);
      });
      return out;
    });
    expect(marked.length).toBe(2);
    const list = wb.getWorksheet(FINDINGS_SHEET_NAME)!;
    expect(list.rowCount).toBe(1 + 4);
    const links = list.getRows(2, 4)!.map((r) => r.getCell(3).value as ExcelJS.CellFormulaValue | string | null);
    expect(
      links.filter((v) => typeof v === 'object' && v !== null && v.formula.startsWith('HYPERLINK("#')).length,
    ).toBe(3);
  });

  it('should show each fix as a card with old → new on one line, apply the chosen ones and offer the fixed copy', async () => {
    const grid = baseGrid();
    const planted = plantFixable(grid);
    plant(grid, 'teachers', 4, 'phone', '12345');
    await open(await writeWorkbook('台账.xlsx', grid));
    const first = await validate();
    expect(first.text).toMatch(/^校验完成：0 个错误，1 个警告，3 处可自动修正/);
    const cards = await page.locator('#fixes li.fix-card').evaluateAll((lis) =>
      lis.map((li) => {
        const top = (sel: string) => Math.round(li.querySelector(sel)!.getBoundingClientRect().top);
        return {
          place: li.querySelector('.place')?.textContent,
          old: li.querySelector('.old')?.textContent,
          new: li.querySelector('.new')?.textContent,
          oneLine: top('.old') === top('.new'),
        };
      }),
    );
    expect(cards).toEqual(
      expect.arrayContaining([
        { place: `${planted.title.sheet}!${planted.title.cell}`, old: '“中学高级”', new: '“高级教师”', oneLine: true },
        { place: `${planted.fullwidth.sheet}!${planted.fullwidth.cell}`, old: '“３.５”', new: '3.5', oneLine: true },
      ]),
    );
    await shot('2-fixes');

    await page.click('#apply-fixes');
    await page.waitForFunction(() => document.querySelector('#fix-status')?.textContent?.startsWith('已修正 3 处'));
    expect(await page.textContent('#validate-status')).toMatch(/0 个错误，1 个警告，0 处可自动修正/);
    const [fixed] = await Promise.all([page.waitForEvent('download'), page.click('#download-fixed')]);
    expect(fixed.suggestedFilename()).toBe('台账-已修正.xlsx');
    const read = { grid: await readGrid(readFileSync((await fixed.path())!)) };
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

  it('should refuse a server address that is neither https nor this computer, without asking it anything', async () => {
    const before = sent.length;
    await page.fill('#server', 'http://shixun.example.cn');
    await page.waitForFunction(() =>
      document.querySelector('#server-status')?.textContent?.startsWith('只接受 https:// 地址'),
    );
    expect(await page.isDisabled('#connect')).toBe(true);
    expect(sent.slice(before).filter((r) => r.url().includes('example.cn'))).toEqual([]);
  });

  it('should say plainly when the token has expired', async () => {
    const res = await fetch(`${baseUrl()}/api/v1/admin/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens().admin}`, 'content-type': 'application/json' },
      // A token is issued for the future only: this one ends two seconds from now.
      body: JSON.stringify({
        role: 'clerk',
        schoolCode: school().code,
        label: '即将过期的令牌',
        expiresAt: new Date(Date.now() + 2_000).toISOString(),
      }),
    });
    expect(res.status).toBe(201);
    const expired = ((await res.json()) as { token: string }).token;
    await new Promise((r) => setTimeout(r, 2_500));
    await page.fill('#server', baseUrl());
    await page.fill('#token', expired);
    await page.click('#connect');
    await page.waitForFunction(() => document.querySelector('#connect-status')?.textContent?.startsWith('令牌已过期'));
  });

  it('should show the server’s name before the token is sent, and keep the token for the session only', async () => {
    const before = sent.length;
    await connect(school().token, school().name);
    const calls = sent.slice(before).filter((r) => r.url().startsWith(`${baseUrl()}/api/v1/`));
    const health = calls.findIndex((r) => r.url().endsWith('/api/v1/health'));
    const me = calls.findIndex((r) => r.url().endsWith('/api/v1/me'));
    expect(health).toBeGreaterThanOrEqual(0);
    expect(me).toBeGreaterThan(health);
    expect(calls.slice(0, me).every((r) => r.headers().authorization === undefined)).toBe(true);
    expect(await calls[me]!.headerValue('authorization')).toBe(`Bearer ${school().token}`);
    const stored = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
    expect(Object.values(stored.session)).toContain(school().token);
    expect(Object.values(stored.local).some((v) => v.includes(school().token))).toBe(false);
  });

  it('should not send a workbook whose school is not the token’s', async () => {
    const other = tokens().schools[2]!;
    const grid = baseGrid();
    plant(grid, 'school', 0, 'schoolCode', other.code);
    plant(grid, 'school', 0, 'schoolName', other.name);
    await open(await writeWorkbook('别校台账.xlsx', grid));
    const mine = (await versions(school().token)).length;
    const theirs = (await versions(other.token)).length;
    await page.click('#submit');
    await page.waitForFunction(() => document.querySelector('#submit-status')?.textContent?.startsWith('表中的学校'));
    expect(await page.textContent('#submit-status')).toContain(other.code);
    expect(await page.locator('#confirm').count()).toBe(0);
    expect((await versions(school().token)).length).toBe(mine);
    expect((await versions(other.token)).length).toBe(theirs);
  });

  it('should confirm school, year, teachers, records and the version replaced before sending; cancel sends nothing', async () => {
    const grid = baseGrid();
    plantFixable(grid);
    // A change of content from any earlier run of this suite: the planted hours make this file new.
    plant(grid, 'trainings', 1, 'hours', 7.5);
    submittedFile = await writeWorkbook('台账-提交.xlsx', grid);
    await open(submittedFile);
    const before = await versions(school().token);
    const current = before.find((s) => s.current);

    await askToSubmit(page);
    expect(await page.textContent('#confirm-school')).toBe(`${school().name}（${school().code}）`);
    expect(await page.textContent('#confirm-year')).toBe(String(YEAR));
    expect(await page.textContent('#confirm-teachers')).toBe('40 人');
    expect(await page.textContent('#confirm-records')).toMatch(/^培训 \d+ 条，履职 \d+ 条，考核 \d+ 条$/);
    expect(await page.getAttribute('#confirm-replaces', 'data-version')).toBe(String(current?.version ?? 0));
    if (current) expect(await page.textContent('#confirm-replaces')).toMatch(new RegExp(`^第 ${current.version} 版（`));
    else expect(await page.textContent('#confirm-replaces')).toBe('本年度首次提交');
    expect(await page.textContent('#confirm-file')).toBe('台账-提交.xlsx');
    await shot('4-confirm');
    await page.click('#cancel-submit');
    expect(await page.locator('#confirm').count()).toBe(0);
    expect((await versions(school().token)).length).toBe(before.length);
  });

  it('should submit after confirming, name the file and its content hash in the receipt, and show the review', async () => {
    await askToSubmit(page);
    await page.click('#confirm-submit');
    await page.waitForFunction(
      () => document.querySelector('#submit-status')?.textContent?.startsWith('已提交：第'),
      undefined,
      {
        timeout: 120_000,
      },
    );
    expect(await page.textContent('#submit-status')).toMatch(/^已提交：第 \d+ 版，.+（回执编号 .+）$/);
    const version = (await page.textContent('#submit-status'))!.match(/^已提交：第 (\d+) 版/)![1]!;
    const stored = (await versions(school().token)).find((s) => s.current)!;
    expect(String(stored.version)).toBe(version);
    // The file by the SHA-256 of its bytes, and what the server stored by its content hash.
    const fileHash = createHash('sha256').update(readFileSync(submittedFile)).digest('hex');
    expect(await page.textContent('#receipt-file')).toBe(
      `文件：台账-提交.xlsx（文件摘要 ${fileHash.slice(0, 12)}），提交内容摘要 ${stored.contentHash.slice(0, 12)}`,
    );
    await page.waitForFunction(
      (v) => document.querySelector('#review-state')?.textContent?.endsWith(`（版本 ${v}）`),
      version,
    );
    expect(await page.textContent('#review-state')).toBe(`待审核（版本 ${version}）`);

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
    const ids = await report.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(ids.every((x) => /^\d{6}\*{8}[\dX]{4}$/.test(x))).toBe(true);
    await shot('5-submitted');
  });

  it('should not send identical content again', async () => {
    const before = (await versions(school().token)).length;
    await page.click('#submit');
    await page.waitForFunction(() =>
      document.querySelector('#submit-status')?.textContent?.startsWith('内容与已提交的第'),
    );
    expect(await page.locator('#confirm').count()).toBe(0);
    expect((await versions(school().token)).length).toBe(before);
  });

  it('should list failing rules before those in progress, with actual / required, and say which row a 数据有误 teacher must fix', async () => {
    const grid = baseGrid();
    const bad = plant(grid, 'teachers', 3, 'idNumber', '12345');
    await open(await writeWorkbook('台账-预览.xlsx', grid));
    await page.click('#preview');
    // Connected as the school's clerk: the server's history of these teachers is in.
    await page.waitForSelector('#history-note[data-history="server"]');
    await expect(page.locator('#compliance li.teacher-card').count()).resolves.toBe(40);
    expect(await page.textContent('#preview-status')).toMatch(
      /教师 39 人：达标 \d+，进行中 \d+，未达标 \d+；达标率 [\d.]+%；另有 1 人数据有误/,
    );
    const invalid = page.locator(`#compliance li.teacher-card[data-status="invalid"]`);
    expect(await invalid.locator('.fix-row').textContent()).toBe(
      `请修正“${SHEETS.teachers.name}”第 ${bad.row} 行：身份证号格式不对`,
    );
    // Within a card: 须处理 before 截止前完成; across cards: 未达标 before 数据有误 before 进行中 before 达标.
    const cards = await page.locator('#compliance li.teacher-card').evaluateAll((lis) =>
      lis.map((li) => ({
        status: li.getAttribute('data-status'),
        groups: [...li.querySelectorAll('.rule-group h4')].map((h) => h.textContent),
        figures: [...li.querySelectorAll('.figures')].map((x) => x.textContent),
      })),
    );
    const rank = { fail: 0, invalid: 1, warn: 2, pass: 3 } as Record<string, number>;
    const ranks = cards.map((c) => rank[c.status!]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const c of cards) {
      expect(c.groups).toEqual(['须处理', '截止前完成'].filter((g) => c.groups.includes(g)));
      expect(c.figures.every((x) => /^实际 [\d.]+ \/ 要求 [\d.]+$/.test(x ?? ''))).toBe(true);
    }
    expect(cards.some((c) => c.groups.includes('截止前完成'))).toBe(true);
    // A rule in progress names its last day beside its figures (the day its reason gives); no other rule does.
    const rules = await page.locator('#compliance li.rule').evaluateAll((lis) =>
      lis.map((li) => ({
        status: li.getAttribute('data-rule-status'),
        deadline: li.querySelector('.deadline')?.textContent ?? null,
        reason: li.querySelector('.reason')?.textContent ?? '',
      })),
    );
    const inProgress = rules.filter((r) => r.status === 'warn');
    expect(inProgress.length).toBeGreaterThan(0);
    for (const r of inProgress) {
      expect(r.deadline).toMatch(/^截止 \d{4}-\d{2}-\d{2}$/);
      if (r.reason.includes('期限')) expect(r.reason).toContain(`期限 ${r.deadline!.slice(3)}`);
    }
    expect(rules.filter((r) => r.status !== 'warn' && r.deadline !== null)).toEqual([]);
    // Within 截止前完成 the nearest deadline comes first.
    const dueOrder = await page
      .locator('#compliance .rule-group.warn')
      .evaluateAll((groups) =>
        groups.map((g) => [...g.querySelectorAll('.deadline')].map((d) => d.getAttribute('data-deadline') ?? '')),
      );
    for (const dates of dueOrder) expect(dates).toEqual([...dates].sort());
    // The rules met are there too, closed, with their figures: why a teacher passes.
    const passed = page.locator('#compliance li.teacher-card[data-status="pass"]').first();
    if ((await passed.count()) > 0) {
      expect(await passed.locator('details.rule-group.pass summary').textContent()).toMatch(/^已达标（\d+ 项）$/);
      expect(await passed.locator('details.rule-group.pass li.rule .figures').count()).toBeGreaterThan(0);
    }
    await shot('6-preview');
  });

  it('should preview with the server’s history of the teachers once connected, as the server will evaluate', async () => {
    const grid = baseGrid();
    const path = await writeWorkbook('台账-往年.xlsx', grid);
    const passing = async () => page.locator('#compliance li.teacher-card[data-status="pass"]').count();

    // Another school of the bureau holds ledgers of the same teachers, with other trainings.
    const other = tokens().schools[2]!;
    const elsewhere = baseGrid();
    plant(elsewhere, 'school', 0, 'schoolCode', other.code);
    plant(elsewhere, 'school', 0, 'schoolName', other.name);
    const trainings = elsewhere.sheets.find((s) => s.name === SHEETS.trainings.name)!;
    const header = SHEETS.trainings.columns.find((c) => c.key === 'course')!.header;
    const course = trainings.rows[0]!.indexOf(header);
    expect(course).toBeGreaterThanOrEqual(0);
    for (const row of trainings.rows.slice(1))
      if (typeof row[course] === 'string') row[course] = `${row[course]}（外校）`;
    const sent = await submitWorkbook({ server: baseUrl(), token: other.token, year: YEAR, workbook: elsewhere });
    expect(sent.ok).toBe(true);

    await open(path);
    await page.click('#preview');
    await page.waitForSelector('#history-note[data-history="server"]');
    expect(await page.textContent('#history-note')).toMatch(/^已包含服务器上 \d+ 份往年或其他学校台账中本校教师的记录/);
    const withHistory = await passing();

    await page.click('#disconnect');
    await page.click('#preview');
    await page.waitForSelector('#history-note[data-history="none"]');
    expect(await page.textContent('#history-note')).toContain('未包含往年及其他学校的培训记录');
    // The other school's trainings count for these teachers only when the server's history is in.
    expect(withHistory).toBeGreaterThan(await passing());
    await connect(school().token, school().name);
  });

  it('should preview the same cycle_hours actual as the server stores for the submitted version, history included', async () => {
    // School A's ledgers of the cycle's earlier years and school B's (where the second teacher was
    // before moving to A), sent through the typed client as those schools would have.
    const a = tokens().schools[0]!;
    const b = tokens().schools[1]!;
    const cycle = new FiveYears(YEAR - 1);
    for (const y of cycle.years.slice(0, -1)) {
      for (const [s, which] of [
        [b, 'B'],
        [a, 'A'],
      ] as const) {
        if (cycle.rosterOf(which, y).length === 0) continue;
        const sent = await submitWorkbook({
          server: baseUrl(),
          token: s.token,
          year: y,
          workbook: cycle.ledger(s, which, y),
        });
        expect(sent.ok, `${which} ${y}: ${JSON.stringify(sent)}`).toBe(true);
      }
    }

    // The last year's ledger, previewed in the page while connected as A's clerk.
    await page.selectOption('#year', String(cycle.last));
    await open(await writeWorkbook(`台账-${cycle.last}.xlsx`, cycle.ledger(a, 'A', cycle.last)));
    await page.click('#preview');
    await page.waitForSelector('#history-note[data-history="server"]');
    const shown = async (i: number) => {
      const card = page.locator('#compliance li.teacher-card').filter({ hasText: cycle.teacher(i).name });
      const line = card.locator('li.rule[data-rule="cycle_hours"]');
      // What a clerk reads, and the same figure as data for the comparison below.
      const figures = (await line.locator('.figures').textContent()) ?? '';
      const actual = Number(await line.getAttribute('data-actual'));
      expect(figures).toBe(`实际 ${actual} / 要求 ${await line.getAttribute('data-required')}`);
      return actual;
    };
    const preview = [await shown(0), await shown(1)];
    // Every distinct record of the cycle once: both schools, the repeated year not twice.
    expect(preview).toEqual([cycle.expectedCycleHours(0), cycle.expectedCycleHours(1)]);

    await askToSubmit(page);
    expect(await page.textContent('#confirm-year')).toBe(String(cycle.last));
    await page.click('#confirm-submit');
    await page.waitForSelector('#receipt');
    const hash = await page.getAttribute('#receipt', 'data-hash');
    const client = createClient({ server: baseUrl(), token: a.token });
    const list = await client.submissions.list(cycle.last);
    expect(list.ok).toBe(true);
    const stored = list.ok ? list.value.items.find((x) => x.contentHash === hash) : undefined;
    expect(stored).toBeDefined();
    const compliance = await client.submissions.compliance(stored!.id);
    expect(compliance.ok).toBe(true);
    const server = [0, 1].map((i) => {
      const who = cycle.teacher(i);
      const t = compliance.ok ? compliance.value.compliance.teachers.find((x) => x.name === who.name) : undefined;
      return t?.rules.find((r) => r.rule === 'cycle_hours')?.actual;
    });
    expect(server).toEqual(preview);
    await page.selectOption('#year', String(YEAR));
  });

  it('should close the previous workbook when a file fails to open, so nothing stale is validated or submitted', async () => {
    await open(await writeWorkbook('好文件.xlsx', baseGrid()));
    await validate();
    await page.click('#preview');
    await page.waitForSelector('#compliance');
    const before = (await versions(school().token)).length;

    const badPath = join(files, '坏文件.xlsx');
    writeFileSync(badPath, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    await open(badPath);
    expect(await page.getAttribute('#open-status', 'class')).toContain('error');
    expect(await page.textContent('#open-status')).toContain('之前打开的文件已关闭');
    expect(await page.locator('#findings, #fixes, #compliance, #confirm').count()).toBe(0);
    expect(await page.textContent('#validate-status')).toBe('');
    expect(await page.isDisabled('#validate')).toBe(true);
    expect(await page.isDisabled('#submit')).toBe(true);
    // Even a click that reaches the buttons (as a script's would) validates and sends nothing.
    await page.evaluate(() => {
      (document.querySelector('#validate') as HTMLButtonElement).click();
      (document.querySelector('#submit') as HTMLButtonElement).click();
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await page.locator('#findings, #confirm').count()).toBe(0);
    expect((await versions(school().token)).length).toBe(before);
    await shot('7-stale');
  });

  it('should show the server’s recognition of each training record once submitted', async () => {
    // The other bureau, so that this catalogue changes nothing the other browser tests look at.
    const other = tokens().otherBureau;
    const clerk = other.schools[0]!;
    const grid = generateSchool({ seed: 9, teachers: 8, year: YEAR });
    plant(grid, 'school', 0, 'schoolCode', clerk.code);
    plant(grid, 'school', 0, 'schoolName', clerk.name);
    const sheet = grid.sheets.find((x) => x.name === SHEETS.trainings.name)!;
    const col = (key: string) => sheet.rows[0]!.indexOf(SHEETS.trainings.columns.find((c) => c.key === key)!.header);
    const row = sheet.rows.slice(1).find((r) => ['国家级', '省级', '市级', '区级'].includes(String(r[col('level')])))!;
    const at = (key: string) => row[col(key)]!;
    // One catalogue entry, the first district-level-or-above training of the ledger, with its teacher attending.
    const catalogue: WorkbookGrid = {
      sheets: [
        {
          name: '培训项目目录',
          rows: [
            [`${YEAR}年度培训项目目录`],
            [
              '项目代码',
              '培训项目',
              '培训级别',
              '培训类别',
              '培训形式',
              '开始日期',
              '结束日期',
              '学时（小时）',
              '主办单位',
            ],
            [
              'T-001',
              at('course'),
              at('level'),
              at('category'),
              at('form'),
              at('startDate'),
              at('endDate'),
              at('hours'),
              '区教师发展中心',
            ],
          ],
        },
        {
          name: '参训名单',
          rows: [
            ['项目编号', '身份证号', '姓名'],
            ['T-001', at('idNumber'), at('name')],
          ],
        },
      ],
    };
    const imported = await fetch(`${baseUrl()}/api/v1/catalogue/${YEAR}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.reviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workbook: encodeWorkbook(catalogue) }),
    });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);

    if ((await page.locator('#disconnect').count()) > 0) await page.click('#disconnect');
    await connect(clerk.token, clerk.name);
    await open(await writeWorkbook('台账-认定.xlsx', grid));
    await askToSubmit(page);
    await page.click('#confirm-submit');
    await page.waitForSelector('#recognition');
    const summary = (await page.textContent('#recognition > p.muted')) ?? '';
    expect(summary).toMatch(/^已认定 1 条，.*待认定 \d+ 条/);
    const cards = await page
      .locator('#recognition details.to-check li.recognition-card')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-status'), li.querySelector('.badge')?.textContent]));
    expect(cards.length).toBeGreaterThan(0);
    expect(await page.textContent('#recognition details.to-check summary')).toBe(
      `需要核对的记录（${cards.length} 条）`,
    );
    expect(await page.textContent('#recognition details.recognized summary')).toBe('已认定的记录（1 条）');
    await page.click('#recognition details.to-check summary');
    expect(cards.every(([status, badge]) => status === 'unmatched' && badge === '待认定')).toBe(true);
    expect(await rawCodesIn(page)).toEqual([]);
    await page.evaluate(() => document.getElementById('recognition')?.scrollIntoView());
    await page.setViewportSize({ width: 350, height: 800 });
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'standalone-w350-recognition.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('#disconnect');
    await connect(school().token, school().name);
  });

  it('should preview each record’s recognition against the catalogue when connected, as the receipt then says', async () => {
    const other = tokens().otherBureau;
    const clerk = other.schools[0]!;
    const base = generateSchool({ seed: 10, teachers: 4, year: YEAR });
    const d = (md: string) => `${YEAR}-${md}`;
    // A: recognised; B: more hours than the entry's; C: a close name only; D: an entry with an attendee
    // list (teacher 0 on it); E: a 项目编号 the catalogue lacks; F: 校级, never recognised.
    const own = (i: number): Training[] => [
      {
        course: '预览认定甲新课标解读与实践',
        level: '区级',
        category: '学科教学',
        start: d('04-10'),
        end: d('04-12'),
        hours: 12,
      },
      {
        course: '预览认定乙作业设计与评价',
        level: '市级',
        category: '学科教学',
        start: d('05-08'),
        end: d('05-09'),
        hours: 16,
      },
      {
        course: '预览认定丙大单元教学设计工作坊',
        level: '区级',
        category: '学科教学',
        start: d('06-01'),
        end: d('06-02'),
        hours: 8,
      },
      {
        course: '预览认定丁信息技术应用能力提升',
        level: '省级',
        category: '信息技术',
        start: d('03-20'),
        end: d('03-22'),
        hours: 10,
      },
      {
        course: '预览认定戊班主任工作能力提升',
        level: '区级',
        category: '班主任',
        start: d('02-10'),
        end: d('02-11'),
        hours: 6,
        code: 'PV-404',
      },
      { course: '校本教研活动', level: '校级', category: '学科教学', start: d('03-02'), end: d('03-02'), hours: 2 + i },
    ];
    const ledger = writeLedger(base, clerk, YEAR, [0, 1, 2, 3], own);
    const first = rosterTeacher(base, 0);
    const entry = (code: string, t: Training, course: string, hours: number) => [
      code,
      course,
      t.level,
      t.category,
      '集中面授',
      t.start,
      t.end,
      hours,
      '区教师发展中心',
    ];
    const [a, b, c, dd] = own(0);
    const catalogue: WorkbookGrid = {
      sheets: [
        {
          name: '培训项目目录',
          rows: [
            [
              '项目编号',
              '培训项目',
              '培训级别',
              '培训类别',
              '培训形式',
              '开始日期',
              '结束日期',
              '认定学时',
              '主办单位',
            ],
            entry('PV-1', a!, a!.course, 12),
            entry('PV-2', b!, b!.course, 8),
            entry('PV-3', c!, '预览认定丙大单元教学设计工做坊', 8),
            entry('PV-4', dd!, dd!.course, 10),
          ],
        },
        {
          name: '参训名单',
          rows: [
            ['项目编号', '身份证号', '姓名'],
            ['PV-4', first.idNumber, first.name],
          ],
        },
      ],
    };
    const imported = await fetch(`${baseUrl()}/api/v1/catalogue/${YEAR}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.reviewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workbook: encodeWorkbook(catalogue) }),
    });
    expect(imported.status, await imported.clone().text()).toBeLessThan(300);

    if ((await page.locator('#disconnect').count()) > 0) await page.click('#disconnect');
    await connect(clerk.token, clerk.name);
    await open(await writeWorkbook('台账-认定预览.xlsx', ledger));
    await page.click('#preview');
    await page.waitForSelector('#preview-recognition');
    const read = (root: string) =>
      page.locator(`${root} li.recognition-card`).evaluateAll((lis) =>
        lis.map((li) => ({
          row: Number(li.getAttribute('data-row')),
          status: li.getAttribute('data-status'),
          pending: li.getAttribute('data-pending-list') === 'true',
          badge: li.querySelector('.badge')?.textContent ?? '',
          likely: li.querySelector('.likely')?.textContent ?? null,
          text: li.textContent ?? '',
        })),
      );
    const preview = await read('#preview-recognition');
    const course = (row: number) => String(valueAt(ledger, 'trainings', row - 2, 'course'));
    // Every 区级-or-higher record once (five a teacher), none of the 校级 ones.
    expect(preview.length).toBe(20);
    expect(preview.some((r) => course(r.row) === '校本教研活动')).toBe(false);
    const byCourse = (prefix: string) => preview.filter((r) => course(r.row).startsWith(prefix));
    expect(byCourse('预览认定甲').map((r) => [r.status, r.badge])).toEqual(Array(4).fill(['recognized', '已认定']));
    expect(byCourse('预览认定乙').map((r) => [r.status, r.badge])).toEqual(
      Array(4).fill(['hours_exceed', '学时超出认定']),
    );
    expect(byCourse('预览认定乙').every((r) => r.text.includes('登记 16 学时，计入 8 学时'))).toBe(true);
    for (const r of byCourse('预览认定丙')) {
      expect([r.status, r.badge]).toEqual(['unmatched', '待认定']);
      expect(r.likely).toBe('可能是目录中的 PV-3：预览认定丙大单元教学设计工做坊');
    }
    // The pane cannot read attendee lists: it does not claim 已认定 for an entry that has one.
    expect(byCourse('预览认定丁').map((r) => [r.pending, r.badge])).toEqual(Array(4).fill([true, '待核对参训名单']));
    for (const r of byCourse('预览认定戊')) {
      expect([r.status, r.badge]).toEqual(['unmatched', '待认定']);
      expect(r.text).toContain('项目编号不在目录中');
    }
    expect(await page.textContent('#preview-recognition > p.muted')).toMatch(
      /^已认定 4 条，学时超出认定 4 条，待认定 8 条，待核对参训名单 4 条。/,
    );
    expect(await rawCodesIn(page)).toEqual([]);
    await page.click('#preview-recognition details.to-check summary');
    await page.evaluate(() => document.getElementById('preview-recognition')?.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'standalone-preview-recognition.png') });
    await page.setViewportSize({ width: 350, height: 800 });
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'standalone-w350-preview-recognition.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    await askToSubmit(page);
    const before = Number(await page.getAttribute('#confirm-replaces', 'data-version'));
    await page.click('#confirm-submit');
    // The recognition of the version just stored (the one shown before is the version it replaces).
    await page.waitForSelector(`#recognition[data-version="${before + 1}"]`);
    const receipt = new Map((await read('#recognition')).map((r) => [r.row, r.status]));
    expect(receipt.size).toBe(preview.length);
    // Where the entry has no list, the receipt says what the preview said, record by record.
    for (const r of preview.filter((x) => !x.pending)) expect([r.row, receipt.get(r.row)]).toEqual([r.row, r.status]);
    // Where it has one, the server decided: the teacher on it recognised, the others not on it.
    for (const r of byCourse('预览认定丁')) {
      const name = String(valueAt(ledger, 'trainings', r.row - 2, 'name'));
      expect(receipt.get(r.row)).toBe(name === first.name ? 'recognized' : 'not_on_list');
    }
    await page.click('#disconnect');
    await connect(school().token, school().name);
  });

  /** At every width: nothing sideways, no code in the text, Apply in view; screenshots of each part. */
  async function checkWidths(stage: string): Promise<void> {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      expect(await overflowing(page), `sideways overflow at ${width} px (${stage})`).toEqual([]);
      expect(await sectionsTooWide(page), `wider than its box at ${width} px (${stage})`).toEqual([]);
      expect(await rawCodesIn(page), `codes in the text at ${width} px (${stage})`).toEqual([]);
      for (const card of ['first', 'last'] as const) {
        await page.locator('#fixes li.fix-card')[card]().scrollIntoViewIfNeeded();
        expect(await inViewport(page, '#apply-fixes'), `Apply in view at ${width} px (${card} card)`).toBe(true);
      }
      await page.screenshot({ path: join(SHOTS, `standalone-w${width}-${stage}-fixes.png`) });
      for (const part of ['validate-section', 'preview-section', 'submit-section', 'report-area']) {
        await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), part);
        await page.screenshot({ path: join(SHOTS, `standalone-w${width}-${stage}-${part}.png`) });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('should download a template whose 项目编号 offers the bureau’s catalogue codes, once connected as a clerk', async () => {
    // The other bureau's clerk, whose catalogue of the year (PV-1 … PV-4 and more) the tests above imported.
    const clerk = tokens().otherBureau.schools[0]!;
    const listed = await fetch(`${baseUrl()}/api/v1/catalogue/${YEAR}`, {
      headers: { authorization: `Bearer ${clerk.token}` },
    });
    const expected = ((await listed.json()) as CatalogueList).entries.map((e) => e.code);
    expect(expected).toEqual(expect.arrayContaining(['PV-1', 'PV-2', 'PV-3', 'PV-4']));
    await page.click('#disconnect');
    await connect(clerk.token, clerk.name);
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#template')]);
    expect(file.suggestedFilename()).toBe('师训台账模板.xlsx');
    await page.waitForFunction(() => document.querySelector('#template-status')?.textContent);
    expect(await page.textContent('#template-status')).toBe(
      `已下载模板。“项目编号”列可从本局 ${YEAR} 年培训项目目录的 ${expected.length} 个编号中选择。`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await file.path())!).buffer as ArrayBuffer);
    const column = SHEETS.trainings.columns.findIndex((c) => c.key === 'catalogueCode') + 1;
    const rule = wb.getWorksheet(SHEETS.trainings.name)!.getCell(2, column).dataValidation;
    // A warning, not a stop: a code outside the catalogue may be kept and waits for recognition.
    expect(rule).toMatchObject({ type: 'list', errorStyle: 'warning', error: DROPDOWN_ALERTS.catalogueCode });
    const m = /^'(.+)'!\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)$/.exec(rule.formulae![0] as string)!;
    const lists = wb.getWorksheet(m[1]!)!;
    expect(lists.state).toBe('veryHidden');
    const codes = Array.from({ length: Number(m[3]) }, (_, i) => lists.getCell(`${m[2]}${i + 1}`).value);
    expect(codes).toEqual(expected);
    // The tests after this one work as the first bureau's school.
    await page.click('#disconnect');
    await connect(school().token, school().name);
  });

  it('should fit 320, 350, 420 and 1280 px: nothing scrolls sideways, Apply stays in view, no code or rule id in the text', async () => {
    const grid = baseGrid();
    plantFixable(grid);
    for (let i = 6; i < 30; i++)
      plant(grid, 'teachers', i, 'name', ` ${String(valueAt(grid, 'teachers', i, 'name'))} `);
    // A long value without a place to break: a warning, so the workbook can still be submitted.
    plant(grid, 'teachers', 2, 'phone', '1'.repeat(60));
    plant(grid, 'trainings', 2, 'hours', '３.５');
    grid.sheets.push({ name: 'Sheet3', rows: [['备注']] });
    await open(await writeWorkbook('台账-宽度.xlsx', grid));
    await validate();
    await page.locator('#findings li.finding button').first().click();
    await page.click('#info-findings > summary');
    await page.click('#preview');
    await page.waitForSelector('#compliance');
    await askToSubmit(page);
    await checkWidths('confirm');
    await page.click('#confirm-submit');
    await page.waitForSelector('#receipt');
    await page.waitForSelector('#report-area [data-sheet="达标情况"]');
    await checkWidths('receipt');
  });

  it('should pull the district summary and a school’s teachers with a reviewer token', async () => {
    await page.click('#disconnect');
    await connect(tokens().reviewer, tokens().bureau.name);
    await page.click('#pull-summary');
    await page.waitForFunction(() =>
      document.querySelector('#reviewer-status')?.textContent?.startsWith('已写入“全区汇总”'),
    );
    const district = page.locator('#report-area [data-sheet="全区汇总"]');
    const api = await fetch(`${baseUrl()}/api/v1/bureau/summary?year=${YEAR}`, {
      headers: { authorization: `Bearer ${tokens().reviewer}` },
    });
    const summary = (await api.json()) as { schools: { name: string; passRate: number }[] };
    await expect(district.locator('tbody tr').count()).resolves.toBe(summary.schools.length);
    const shown = await district
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent, tr.children[1]?.textContent]));
    for (const s of summary.schools) expect(shown).toContainEqual([s.name, `${(s.passRate * 100).toFixed(1)}%`]);

    await page.selectOption('#school', school().code);
    await page.click('#pull-school');
    await page.waitForFunction(() => document.querySelector('#reviewer-status')?.textContent?.includes('名教师'));
    const teachers = page.locator(`#report-area [data-sheet="${school().name}"]`);
    await expect(teachers.locator('tbody tr').count()).resolves.toBe(40);
    const ids = await teachers.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(ids.every((id) => /^\d{6}\*{8}[\dX]{4}$/.test(id))).toBe(true);
    await page.setViewportSize({ width: 350, height: 800 });
    expect(await overflowing(page), 'the reviewer’s reports at 350 px').toEqual([]);
    await page.evaluate(() => document.querySelector('#report-area')?.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'standalone-w350-reviewer.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await shot('8-reviewer');
    await page.click('#disconnect');
    expect(await page.locator('#report-area .report-sheet').count()).toBe(0);
  });

  it('should switch to English and back', async () => {
    await page.click('#lang-switch');
    expect(await page.textContent('#title')).toBe('Training ledger');
    expect(await page.textContent('#validate')).toBe('Validate');
    expect(await page.textContent('#open h2')).toBe('Open a ledger');
    expect(await page.textContent('#open-status')).toBe('Opened 台账-宽度.xlsx (6 sheets)');
    await shot('9-english');
    await page.click('#lang-switch');
    expect(await page.textContent('#validate')).toBe('校验');
  });

  it('should have loaded nothing from outside its own server, with no script error or CSP violation', () => {
    expect(external).toEqual([]);
    // The expired token's 401 is the one answer Chromium logs on purpose here (its test above).
    expect(pageErrors.filter((e) => !/status of 401 \(Unauthorized\)/.test(e))).toEqual([]);
  });

  it('should validate a 10,000-teacher roster in the page (time reported, not asserted)', async () => {
    const grid = generateSchool({
      seed: 11,
      teachers: 10_000,
      trainingsPerTeacher: 1,
      year: YEAR,
      withDuties: false,
      withMilestones: false,
    });
    const rows = grid.sheets.reduce((n, s) => n + s.rows.length, 0);
    const path = await writeWorkbook('万人台账.xlsx', grid);
    const openStarted = Date.now();
    await open(path);
    const openMs = Date.now() - openStarted;
    const { text, ms } = await validate();
    expect(text).toMatch(/^校验完成：0 个错误/);
    // The preview: 500 cards, the others counted (the worker sends the page only the teachers it shows).
    await page.click('#preview');
    await page.waitForSelector('#compliance');
    await expect(page.locator('#compliance > li').count()).resolves.toBe(500);
    await expect(page.locator('#preview-section p.muted').last().textContent()).resolves.toBe(
      '另有 9500 名教师未列出。',
    );
    const line = `10,000 teachers (${rows} rows in all): open+read ${openMs} ms, validate+compliance ${ms} ms`;
    writeFileSync(join(SHOTS, 'standalone-10k.txt'), `${line}\n`);
    console.log(line);
    await shot('10-10k');
  });
});
