/**
 * The bureau dashboard in real Chromium against the worker started by global-setup (demo data):
 * sign-in, the summary against the API, a school drill-down, a review the clerk sees, both exports,
 * and the wall between bureaus. Screenshots of every page go to screenshots/ for a human to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BureauSummary, PolicyResponse, SubmissionList, TeacherPage } from '../../shared/api/responses.js';
import { REVIEW_STATE_LABELS, RULE_TITLES } from '../../shared/labels/index.js';
import { RULE_IDS } from '../../shared/policy/index.js';
import { baseUrl, cspViolations, type DemoTokens, launchBrowser, readTokens } from './support.js';

const SHOTS = join(import.meta.dirname, '../../screenshots');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** demo-tokens.json also names a reviewer of another bureau, for the wall between bureaus. */
type Tokens = DemoTokens & { bureau: { id: string }; otherBureau: { reviewer: string } };
let BASE: string;
let browser: Browser;
let tokens: Tokens;
let summary: BureauSummary;

async function api<T>(path: string, token: string): Promise<T> {
  const res = await fetch(`${BASE}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signedIn(token: string, size: { width: number; height: number } = SIZES[0]): Promise<Page> {
  // A reviewer's computer on another clock than Beijing's: the times shown must still be Beijing's.
  const page = await browser.newPage({ viewport: size, acceptDownloads: true, timezoneId: 'Europe/London' });
  // The sign-in form is there once the app has run; waiting for every subresource only adds load-time flakes.
  await page.goto(`${BASE}/bureau/#/summary?year=${summary.year}`, { waitUntil: 'domcontentloaded' });
  await page.fill('#token', token);
  await page.click('form.sign-in button[type=submit]');
  return page;
}

async function shown(page: Page, name: string, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForSelector(`main[data-ready="${name}"]`);
}

/** RFC 4180 fields as the worker writes them: every field quoted, CRLF rows, a BOM. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function downloadFrom(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await download.path();
  return readFileSync(path);
}

async function xlsxRows(bytes: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

/** What a reviewer must never read in zh text: rule ids, finding codes, token labels, developer timings. */
function rawWords(text: string): string[] {
  const found: string[] = RULE_IDS.filter((id) => text.includes(id));
  for (const m of text.matchAll(/\b[a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*\b/g)) found.push(m[0]);
  if (text.includes('demo:')) found.push('demo:');
  if (/用时\s*\d+\s*毫秒/.test(text)) found.push('用时');
  return found;
}

/** Sideways overflow of the page, and of any table box, in CSS pixels (0 when everything fits). */
function overflow(page: Page): Promise<{ page: number; boxes: number[] }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    boxes: Array.from(document.querySelectorAll('.table-box, .card'))
      .map((el) => el.scrollWidth - el.clientWidth)
      .filter((d) => d > 1),
  }));
}

beforeAll(async () => {
  BASE = baseUrl();
  tokens = readTokens() as Tokens;
  summary = await api<BureauSummary>('/bureau/summary', tokens.reviewer);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  // Everything above ran under the worker's Content-Security-Policy headers.
  expect(cspViolations()).toEqual([]);
});

describe('bureau dashboard', () => {
  it('should refuse a wrong token with a Chinese message', async () => {
    const page = await browser.newPage();
    await page.goto(`${BASE}/bureau/`);
    await page.fill('#token', 'not-a-token');
    await page.click('form.sign-in button[type=submit]');
    await expect.poll(() => page.textContent('.form-error')).toContain('令牌无效');
    await page.close();
  });

  it('should show the same district numbers as GET /bureau/summary', async () => {
    const page = await signedIn(tokens.reviewer);
    await page.waitForSelector('main[data-ready="summary"]');
    const kpi = (id: string): Promise<string | null> => page.textContent(`[data-kpi="${id}"]`);
    const t = summary.totals;
    expect(await kpi('schools')).toBe(String(summary.schools.length));
    expect(await kpi('submitted')).toBe(String(t.submitted));
    expect(await kpi('missing')).toBe(String(t.missing));
    expect(await kpi('returned')).toBe(String(t.returned));
    expect(await kpi('approved')).toBe(String(t.approved));
    expect(await kpi('teachers')).toBe(String(t.teachers));
    expect(await kpi('passRate')).toBe(t.submitted > 0 ? percent(t.passRate) : '—');
    expect(await kpi('deadline')).toBe(summary.deadline);
    const bars = await page.locator('section.pass-by-school .bar-row').count();
    expect(bars).toBe(Math.min(15, summary.schools.filter((s) => s.submitted).length));
    await page.close();
  });

  it('should drill down from the list into a school with versions and masked teachers', async () => {
    const school = summary.schools.find((s) => s.submitted)!;
    const page = await signedIn(tokens.reviewer);
    await shown(page, 'schools', `#/schools?year=${summary.year}`);
    expect(await page.locator('table.schools tbody tr').count()).toBe(Math.min(50, summary.schools.length));
    // 报送时间 is Beijing's clock time, though this browser runs on London's.
    const beijing = new Date(Date.parse(school.submittedAt!) + 8 * 3_600_000);
    const row = await page.textContent(`table.schools tr[data-code="${school.code}"]`);
    const [, hour, minute] = row!.match(/(\d{1,2}):(\d{2}):\d{2}/) ?? [];
    expect([Number(hour), Number(minute)]).toEqual([beijing.getUTCHours(), beijing.getUTCMinutes()]);
    await page.click(`table.schools tr[data-code="${school.code}"] a`);
    await page.waitForSelector('main[data-ready="school"]');
    expect(await page.textContent('main h1')).toContain(school.name);
    expect(await page.locator('table.versions tbody tr').count()).toBeGreaterThanOrEqual(1);
    const teachers = await api<TeacherPage>(
      `/bureau/teachers?year=${summary.year}&school=${school.code}`,
      tokens.reviewer,
    );
    expect(await page.locator('table.teachers tbody tr').count()).toBe(Math.min(50, teachers.total));
    const ids = await page.locator('table.teachers td.mono').allTextContents();
    for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}[\dXx]{4}$/);

    await page.reload();
    await page.waitForSelector('main[data-ready="school"]');
    expect(await page.textContent('main h1')).toContain(school.name);
    await page.close();
  });

  it('should list the missing schools first before the deadline, and filter by status and area', async () => {
    const page = await signedIn(tokens.reviewer);
    await shown(page, 'schools', `#/schools?year=${summary.year}`);
    const codes = await page
      .locator('table.schools tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    const missing = summary.schools.filter((s) => s.status === 'missing').map((s) => s.code);
    if (summary.daysLeft >= 0) expect(codes.slice(0, missing.length).sort()).toEqual(missing.slice(0, 50).sort());

    await page.selectOption('#f-status', 'missing');
    await expect.poll(() => page.locator('table.schools tbody tr').count()).toBe(Math.min(50, missing.length));
    await page.selectOption('#f-status', '');
    await page.selectOption('#f-area', 'rural');
    await expect
      .poll(() => page.locator('table.schools tbody tr').count())
      .toBe(Math.min(50, summary.schools.filter((s) => s.rural).length));
    // The hash follows the filter once the list is shown; with only rural schools the count is there first.
    await expect.poll(() => page.url()).toContain('area=rural');
    await page.close();
  });

  it('should return a submission with a comment that the clerk then sees', async () => {
    const school =
      summary.schools.find((s) => s.submitted && s.status !== 'returned') ?? summary.schools.find((s) => s.submitted)!;
    const clerk = tokens.schools.find((s) => s.code === school.code)!;
    const comment = `请补充师德师风培训记录 ${Date.now()}`;
    const page = await signedIn(tokens.reviewer);
    await shown(page, 'school', `#/school/${school.code}?year=${summary.year}`);
    await page.fill('#review-comment', comment);
    await page.click('.review-form button.return');
    await page.waitForSelector('.page-head .badge.sub-returned');
    const list = await api<SubmissionList>(`/submissions?year=${summary.year}`, clerk.token);
    const current = list.items.find((s) => s.current)!;
    expect(current.status).toBe('returned');
    expect(current.review.comment).toBe(comment);
    expect(await page.textContent('.last-review')).toContain(comment);
    await page.close();
  });

  it('should download the summary and a filtered teacher list as CSV and XLSX', async () => {
    const page = await signedIn(tokens.reviewer);
    await page.waitForSelector('main[data-ready="summary"]');
    const csv = parseCsv((await downloadFrom(page, '.page-head .export-csv')).toString('utf8'));
    expect(csv[0]![0]).toBe('学校代码');
    expect(csv).toHaveLength(summary.schools.length + 2);
    expect(
      csv
        .slice(1, -1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(summary.schools.map((s) => s.code).sort());
    const xlsx = await xlsxRows(await downloadFrom(page, '.page-head .export-xlsx'));
    expect(xlsx).toHaveLength(summary.schools.length + 2);
    expect(xlsx[0]![0]).toBe('学校代码');

    const school = summary.schools.find((s) => s.submitted && s.fail > 0) ?? summary.schools.find((s) => s.submitted)!;
    await shown(page, 'school', `#/school/${school.code}?year=${summary.year}&status=fail`);
    const failing = await api<TeacherPage>(
      `/bureau/teachers?year=${summary.year}&school=${school.code}&status=fail`,
      tokens.reviewer,
    );
    const teachersCsv = parseCsv((await downloadFrom(page, 'section.teachers .export-csv')).toString('utf8'));
    expect(teachersCsv).toHaveLength(failing.total + 1);
    for (const row of teachersCsv.slice(1)) {
      expect(row[0]).toBe(school.code);
      expect(row[5]).toMatch(/^\d{6}\*{8}[\dXx]{4}$/);
      expect(row[15]).toBe('未达标');
    }
    const teachersXlsx = await xlsxRows(await downloadFrom(page, 'section.teachers .export-xlsx'));
    expect(teachersXlsx).toHaveLength(failing.total + 1);

    const rule = summary.byRule.find((r) => r.fail + r.warn > 0)!.rule;
    await shown(page, 'teachers', `#/teachers?year=${summary.year}&rule=${rule}`);
    const missing = await api<TeacherPage>(`/bureau/teachers?year=${summary.year}&rule=${rule}`, tokens.reviewer);
    expect(await page.locator('table.teachers tbody tr').count()).toBe(Math.min(50, missing.total));
    const districtCsv = parseCsv((await downloadFrom(page, 'section.teachers .export-csv')).toString('utf8'));
    expect(districtCsv).toHaveLength(missing.total + 1);
    for (const row of districtCsv.slice(1)) {
      expect(row[16]).toContain(RULE_TITLES[rule].zh);
      expect(row.at(-1)!.split(' ')).toContain(rule);
    }
    await page.close();
  });

  it("should not show another bureau's school to that bureau's reviewer", async () => {
    const school = summary.schools[0]!;
    const res = await fetch(`${BASE}/api/v1/bureau/schools/${school.code}`, {
      headers: { authorization: `Bearer ${tokens.otherBureau.reviewer}` },
    });
    expect(res.status).toBe(404);
    const page = await signedIn(tokens.otherBureau.reviewer);
    await shown(page, 'school', `#/school/${school.code}?year=${summary.year}`);
    expect(await page.textContent('main [role=alert]')).toContain('未找到该学校');
    await page.close();
  });

  it("should let an admin change the year's policy through the policy-file schema, and only an admin", async () => {
    // The year before the demo's, so that no other test's compliance depends on it.
    const year = summary.year - 1;
    const input = '#p-annual_district_plus_hours-required';
    const reviewer = await signedIn(tokens.reviewer);
    await shown(reviewer, 'policy', `#/policy?year=${year}`);
    expect(await reviewer.isDisabled(input)).toBe(true);
    await reviewer.close();

    const page = await signedIn(tokens.admin);
    await page.waitForSelector('main[data-ready]');
    await shown(page, 'policy', `#/policy?year=${year}&bureau=${tokens.bureau.id}`);
    await page.fill(input, '-4');
    await page.click('.policy-form button[type=submit]');
    await expect.poll(() => page.textContent('.form-message')).toContain('annual_district_plus_hours');
    expect((await api<PolicyResponse>(`/policies/${year}`, tokens.reviewer)).source).toBe('default');

    await page.fill(input, '32');
    await page.click('.policy-form button[type=submit]');
    await expect.poll(() => page.textContent('.form-message')).toContain('已保存');
    const stored = await api<PolicyResponse>(`/policies/${year}`, tokens.reviewer);
    expect(stored.source).toBe('bureau');
    expect(stored.file).toMatchObject({ rules: { annual_district_plus_hours: { required: 32 } } });
    await page.close();
  });

  it('should switch to English and back', async () => {
    const page = await signedIn(tokens.reviewer);
    await page.waitForSelector('main[data-ready="summary"]');
    await page.click('header .lang');
    await page.waitForSelector('main[data-ready="summary"]');
    expect(await page.textContent('nav.main-nav')).toContain('District');
    await page.screenshot({ path: join(SHOTS, 'dashboard-summary-1366-en.png') });
    await page.click('header .lang');
    await page.waitForSelector('main[data-ready="summary"]');
    expect(await page.textContent('nav.main-nav')).toContain('全区概览');
    await page.close();
  });

  it("should open a teacher's rules on a click, with actual / required equal to the API's", async () => {
    const school = summary.schools.find((s) => s.submitted && s.fail > 0) ?? summary.schools.find((s) => s.submitted)!;
    const teachers = await api<TeacherPage>(
      `/bureau/teachers?year=${summary.year}&school=${school.code}`,
      tokens.reviewer,
    );
    const teacher = teachers.items[0]!;
    const page = await signedIn(tokens.reviewer);
    await shown(page, 'school', `#/school/${school.code}?year=${summary.year}`);
    await page.click(`table.teachers tr[data-row="${teacher.row}"] button.teacher-open`);
    await page.waitForSelector('tr.teacher-detail .teacher-view[data-loaded]');
    const detail = page.locator('tr.teacher-detail .rule-block');
    expect(await detail.count()).toBe(teacher.rules.length);
    for (const rule of teacher.rules) {
      const block = page.locator(`tr.teacher-detail .rule-block[data-rule="${rule.rule}"]`);
      expect(await block.locator('.actual').textContent()).toBe(`${rule.actual} / ${rule.required}`);
      expect(await block.locator('h3').textContent()).toBe(RULE_TITLES[rule.rule].zh);
    }
    expect(rawWords((await page.textContent('tr.teacher-detail')) ?? '')).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'dashboard-teacher-rules-1366.png') });
    await page.click(`table.teachers tr[data-row="${teacher.row}"] button.teacher-open`);
    expect(await page.locator('tr.teacher-detail').count()).toBe(0);
    await page.close();
  });

  it('should show every replaced version as superseded and only the current one with its review state', async () => {
    const page = await signedIn(tokens.reviewer);
    for (const school of summary.schools.filter((s) => (s.version ?? 0) > 1)) {
      await shown(page, 'school', `#/school/${school.code}?year=${summary.year}`);
      const rows = await page.$$eval('table.versions tbody tr', (trs) =>
        trs.map((tr) => ({ v: tr.getAttribute('data-version'), badge: tr.querySelector('.badge')?.textContent ?? '' })),
      );
      expect(rows.length).toBe(school.version);
      for (const row of rows.slice(1)) expect(row.badge).toBe(REVIEW_STATE_LABELS.superseded.zh);
      expect(rows[0]!.badge).not.toBe(REVIEW_STATE_LABELS.superseded.zh);
    }
    await page.close();
  });

  it('should say which schools are being recomputed, and that their figures are the previous ones', async () => {
    // More stale verdicts than one read re-evaluates: the API flags them (test/worker/history-reads.test.ts);
    // here the page is given such an answer to show.
    const page = await signedIn(tokens.reviewer);
    const stale = summary.schools.find((s) => s.submitted)!;
    await page.route(/\/api\/v1\/bureau\/summary/, async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as BureauSummary;
      body.recomputing = 1;
      for (const s of body.schools) s.stale = s.code === stale.code;
      await route.fulfill({ response: res, json: body });
    });
    await shown(page, 'summary', `#/summary?year=${summary.year}&r=1`);
    expect(await page.textContent('p.recomputing')).toContain('1 所学校的结果正在按新版本台账重新计算');
    await shown(page, 'schools', `#/schools?year=${summary.year}`);
    const chips = page.locator('table.schools .recomputing-chip');
    expect(await chips.count()).toBe(1);
    expect(await page.getAttribute('table.schools tr:has(.recomputing-chip)', 'data-code')).toBe(stale.code);
    await page.close();
  });

  it('should show "—", not 0.0 %, for a year without submissions', async () => {
    // Far enough back that no browser test's history (five-years.ts, dashboard-history) submits to it.
    const empty = summary.year - 12;
    const page = await signedIn(tokens.reviewer);
    await shown(page, 'summary', `#/summary?year=${empty}`);
    const data = await api<BureauSummary>(`/bureau/summary?year=${empty}`, tokens.reviewer);
    expect(data.totals.submitted).toBe(0);
    expect(await page.textContent('[data-kpi="passRate"]')).toBe('—');
    await page.close();
  });

  it('should tick every count axis on whole numbers', async () => {
    const page = await signedIn(tokens.reviewer);
    await page.waitForSelector('main[data-ready="summary"] svg.chart');
    const ticks = await page.$$eval('section.chart-card:not(.pass-by-school) svg.chart text.tick', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    const counts = ticks.filter((t) => !t.endsWith('%'));
    expect(counts.length).toBeGreaterThan(0);
    for (const tick of counts) expect(tick).toMatch(/^\d+$/);
    // Every value label stays inside its chart, in normal and in large type.
    for (const large of [false, true]) {
      if (large) {
        await page.click('header .large-type');
        await page.waitForSelector('main[data-ready="summary"] svg.chart');
      }
      const outside = await page.$$eval('svg.chart', (svgs) =>
        svgs.flatMap((svg) => {
          const right = svg.getBoundingClientRect().right;
          return Array.from(svg.querySelectorAll('text.value'))
            .filter((t) => t.getBoundingClientRect().right > right + 0.5)
            .map((t) => t.textContent);
        }),
      );
      expect({ large, outside }).toEqual({ large, outside: [] });
    }
    await page.click('header .large-type');
    await page.close();
  });

  it('should isolate a typed comment so a right-to-left override cannot reorder the reviewer and date', async () => {
    const school = summary.schools.filter((s) => s.submitted).at(-1)!;
    const comment = `\u202E请核对 ${Date.now()} 2020-01-01 审核人`;
    const page = await signedIn(tokens.reviewer);
    await shown(page, 'school', `#/school/${school.code}?year=${summary.year}`);
    await page.fill('#review-comment', comment);
    await page.click('.review-form button.return');
    await page.waitForSelector('.last-review bdi.typed');
    const isolated = await page.$$eval('.last-review bdi.typed', (els) =>
      els.map((e) => ({ text: e.textContent, bidi: getComputedStyle(e).unicodeBidi })),
    );
    // The worker may drop the override itself (issue 12); whatever it stored is shown isolated.
    const clerk = tokens.schools.find((s) => s.code === school.code)!;
    const stored = (await api<SubmissionList>(`/submissions?year=${summary.year}`, clerk.token)).items.find(
      (s) => s.current,
    )!.review.comment;
    expect(stored?.replace(/\u202E/g, '')).toBe(comment.replace(/\u202E/g, ''));
    expect(isolated[0]).toEqual({ text: stored, bidi: 'isolate' });
    // The reviewer's name beside it is its own isolate, and the date stays outside both.
    expect(isolated).toHaveLength(2);
    expect(isolated[1]!.text).not.toContain('demo:');
    const submittedBy = await page.$$eval('table.versions tbody tr td:nth-child(3)', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    for (const who of submittedBy) expect(who).not.toContain('demo:');
    await page.screenshot({ path: join(SHOTS, 'dashboard-bidi-1366.png') });
    await page.close();
  });

  it('should fit 1366×768 in normal and large type with no raw code, rule id or timing in zh text', async () => {
    const school = summary.schools.find((s) => s.submitted)!;
    const page = await signedIn(tokens.reviewer);
    await page.waitForSelector('main[data-ready="summary"]');
    for (const large of [false, true]) {
      if (large) {
        await page.click('header .large-type');
        await page.waitForSelector('main[data-ready="policy"]');
        expect(await page.getAttribute('header .large-type', 'aria-pressed')).toBe('true');
      }
      for (const [name, hash] of [
        ['summary', `#/summary?year=${summary.year}`],
        ['schools', `#/schools?year=${summary.year}`],
        ['school', `#/school/${school.code}?year=${summary.year}`],
        ['teachers', `#/teachers?year=${summary.year}&status=fail`],
        ['policy', `#/policy?year=${summary.year}`],
      ] as const) {
        await shown(page, name, hash);
        await page.waitForTimeout(100);
        expect({ name, large, ...(await overflow(page)) }).toEqual({ name, large, page: 0, boxes: [] });
        expect({ name, raw: rawWords((await page.textContent('body')) ?? '') }).toEqual({ name, raw: [] });
        if (large) await page.screenshot({ path: join(SHOTS, `dashboard-${name}-1366-large.png`) });
      }
    }
    await page.click('header .large-type');
    await page.close();
  });

  it('should render every page at 1366×768 and 1920×1080 for the screenshots', async () => {
    const school = summary.schools.find((s) => s.submitted)!;
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: size });
      await page.goto(`${BASE}/bureau/`);
      await page.screenshot({ path: join(SHOTS, `dashboard-sign-in-${size.width}.png`) });
      await page.fill('#token', tokens.reviewer);
      await page.click('form.sign-in button[type=submit]');
      const pages = [
        ['summary', `#/summary?year=${summary.year}`],
        ['schools', `#/schools?year=${summary.year}`],
        ['school', `#/school/${school.code}?year=${summary.year}`],
        ['teachers', `#/teachers?year=${summary.year}&status=fail`],
        ['policy', `#/policy?year=${summary.year}`],
      ] as const;
      for (const [name, hash] of pages) {
        await shown(page, name, hash);
        await page.screenshot({ path: join(SHOTS, `dashboard-${name}-${size.width}.png`) });
        await page.screenshot({ path: join(SHOTS, `dashboard-${name}-${size.width}-full.png`), fullPage: true });
      }
      await page.close();
    }
  });
});
