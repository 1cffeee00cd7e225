/// <reference lib="dom" />
/**
 * The reviewer's drill-down in real Chromium (issue 13: "a teacher click in the dashboard opens the
 * rules with their records"): a teacher who moved from one demo school to another, submitted by this
 * test as two ledgers of earlier years, with a catalogue that recognises one of the trainings for
 * fewer hours than recorded; and a teacher of the demo district's own year. Each rule shows its
 * records with year and school, the transferred teacher a line saying where the hours came from, the
 * counted hours add up to the rule's actual, and the teacher export counts recognition statuses.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ShixunClient } from '../../client/index.js';
import { submitWorkbook } from '../../client/submit.js';
import { encodeWorkbook } from '../../shared/grid.js';
import { RECOGNITION_STATUS_LABELS, RULE_STATUS_LABELS, RULE_TITLES } from '../../shared/labels/index.js';
import { DEFAULT_POLICY, RULE_IDS } from '../../shared/policy/index.js';
import { cycleOf } from '../../shared/policy/rules/cycle-hours.js';
import { idFor, school, teacher, training, workbook } from '../fixtures/grid-builder.js';
import { baseUrl, cspViolations, type DemoSchool, type DemoTokens, launchBrowser, readTokens } from './support.js';

const SHOTS = join(import.meta.dirname, '../../screenshots');
let BASE: string;
let browser: Browser;
let tokens: DemoTokens;
let reviewer: ShixunClient;

/** 钱立新 was at school A in `yearA` and moved to school B, whose ledger of `yearB` lists him as transferred. */
const MOVED = teacher(0, {
  name: '钱立新',
  idNumber: idFor(901, '男', '1979-07-21'),
  birthDate: '1979-07-21',
  transferred: '是',
});
const STAYED = teacher(1, { name: '孙晓梅', idNumber: idFor(902, '女', '1981-02-11'), birthDate: '1981-02-11' });
let A: DemoSchool;
let B: DemoSchool;
let yearA: number;
let yearB: number;

const COURSE_RECOGNISED = '区级课堂教学改进研修班';
const CATALOGUE_HOURS = 8;
const RECORDED_HOURS = 12;

/** The trainings each ledger records for 钱立新; A's are the hours he brought with him. */
const trainingsAt = (where: 'A' | 'B', year: number) =>
  where === 'A'
    ? [
        { course: '师德师风专题培训', level: '区级', category: '师德师风', start: '03-02', end: '03-04', hours: 16 },
        { course: '学科核心素养研修', level: '市级', category: '学科教学', start: '10-12', end: '10-16', hours: 24 },
      ].map((t) => ({ ...t, start: `${year}-${t.start}`, end: `${year}-${t.end}` }))
    : [
        { course: COURSE_RECOGNISED, level: '区级', category: '学科教学', start: '04-08', end: '04-09', hours: 12 },
        { course: '区级班主任工作坊', level: '区级', category: '班主任', start: '05-06', end: '05-06', hours: 6 },
        { course: '校本研修：作业设计', level: '校级', category: '学科教学', start: '09-20', end: '09-20', hours: 4 },
      ].map((t) => ({ ...t, start: `${year}-${t.start}`, end: `${year}-${t.end}` }));

function ledger(s: DemoSchool, year: number, teachers: ReturnType<typeof teacher>[], where: 'A' | 'B') {
  const trainings = trainingsAt(where, year).map((t) =>
    training(MOVED, {
      course: t.course,
      level: t.level,
      category: t.category,
      startDate: t.start,
      endDate: t.end,
      hours: t.hours,
    }),
  );
  for (const other of teachers.filter((t) => t !== MOVED)) {
    trainings.push(training(other, { startDate: `${year}-03-01`, endDate: `${year}-03-02`, hours: 12 }));
  }
  return workbook({
    school: school({ schoolCode: s.code, schoolName: s.name, planSubmittedOn: `${year}-09-10` }),
    teachers,
    trainings,
  });
}

/** The bureau's catalogue for yearB: the first of B's district trainings, recognised for 8 of its 12 hours. */
function catalogue(year: number) {
  return encodeWorkbook({
    sheets: [
      {
        name: '培训项目目录',
        rows: [
          ['项目编号', '培训项目', '培训级别', '培训类别', '培训形式', '开始日期', '结束日期', '认定学时', '主办单位'],
          [
            'LS-H01',
            COURSE_RECOGNISED,
            '区级',
            '学科教学',
            '集中面授',
            `${year}-04-01`,
            `${year}-04-30`,
            CATALOGUE_HOURS,
            '区教师发展中心',
          ],
        ],
      },
    ],
  });
}

async function signedIn(width = 1366, height = 768): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
  await page.goto(`${BASE}/bureau/#/summary?year=${tokens.year}`, { waitUntil: 'domcontentloaded' });
  await page.fill('#token', tokens.reviewer);
  await page.click('form.sign-in button[type=submit]');
  await page.waitForSelector('main[data-ready]');
  return page;
}

async function shown(page: Page, name: string, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await page.waitForSelector(`main[data-ready="${name}"]`);
}

/** Opens a teacher's detail and waits until its records are shown. */
async function openTeacher(page: Page, row: number, school?: string): Promise<void> {
  const tr = school ? `table.teachers tr[data-row="${row}"][data-school="${school}"]` : `tr[data-row="${row}"]`;
  await page.click(`table.teachers ${tr} button.teacher-open`);
  await page.waitForSelector('tr.teacher-detail .teacher-view[data-loaded]');
}

interface ShownRule {
  rule: string;
  status: string;
  actual: string;
  unit: string;
  origin: string;
  counted: number[];
  countedTotal: string | null;
  records: { sheet: string; year: string; school: string; ledger: string; recognition: string }[];
}

/** What the opened detail shows, rule by rule in page order. */
function shownRules(page: Page): Promise<ShownRule[]> {
  return page.$$eval('tr.teacher-detail .rule-block', (blocks) =>
    blocks.map((b) => ({
      rule: b.getAttribute('data-rule') ?? '',
      status: b.querySelector('.rule-head .chip')?.textContent ?? '',
      actual: b.querySelector('.actual')?.textContent ?? '',
      unit: b.querySelector('.unit')?.textContent?.trim() ?? '',
      origin: b.querySelector('.origin-line')?.textContent ?? '',
      counted: Array.from(b.querySelectorAll('table.records > tbody > tr > td.counted')).map((td) =>
        Number(td.textContent),
      ),
      countedTotal: b.querySelector('tfoot td.counted-total')?.textContent ?? null,
      records: Array.from(b.querySelectorAll('table.records > tbody > tr')).map((tr) => ({
        sheet: tr.getAttribute('data-sheet') ?? '',
        year: tr.getAttribute('data-year') ?? '',
        school: tr.getAttribute('data-school') ?? '',
        ledger: tr.querySelector('td.ledger')?.textContent ?? '',
        recognition: tr.querySelector('td.recognition')?.textContent ?? '',
      })),
    })),
  );
}

/** Sideways overflow of the page and of any box in it, in CSS pixels (0 when everything fits). */
function overflow(page: Page): Promise<{ page: number; boxes: string[] }> {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    boxes: Array.from(document.querySelectorAll('.table-box, .card, .records-box, .rule-block'))
      .filter((el) => el.scrollWidth - el.clientWidth > 1)
      .map((el) => `${el.className}: ${el.scrollWidth - el.clientWidth}`),
  }));
}

const round = (n: number) => Math.round(n * 100) / 100;
const sum = (xs: number[]) => round(xs.reduce((a, b) => a + b, 0));
const ORDER: Record<string, number> = {
  [RULE_STATUS_LABELS.fail.zh]: 0,
  [RULE_STATUS_LABELS.warn.zh]: 1,
  [RULE_STATUS_LABELS.pass.zh]: 2,
};

beforeAll(async () => {
  BASE = baseUrl();
  tokens = readTokens();
  reviewer = createClient({ server: BASE, token: tokens.reviewer });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
  [A, B] = [tokens.schools[0]!, tokens.schools[1]!];
  // Two earlier years of one cycle (the demo's own year, the year before it — the policy test's — and
  // three years back — the empty-year test's — are left alone); the same year when the cycle began
  // only two years ago.
  yearB = tokens.year - 2;
  const cycle = cycleOf(yearB, DEFAULT_POLICY.rules.cycle_hours);
  yearA = tokens.year - 4 >= cycle.first ? tokens.year - 4 : yearB;

  const imported = await reviewer.catalogue.import(yearB, { workbook: catalogue(yearB) });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  for (const [s, year, teachers, where] of [
    [A, yearA, [MOVED], 'A'],
    [B, yearB, [MOVED, STAYED], 'B'],
  ] as const) {
    const sent = await submitWorkbook({
      server: BASE,
      token: s.token,
      year,
      workbook: ledger(s, year, [...teachers], where),
    });
    expect(sent.ok, JSON.stringify(sent)).toBe(true);
  }
});

afterAll(async () => {
  await browser?.close();
  expect(cspViolations()).toEqual([]);
});

describe("the reviewer's drill-down into a teacher's records", () => {
  it('should show a transferred teacher the records behind each rule, with year, school and where the hours came from', async () => {
    const list = await reviewer.bureau.teachers({ year: yearB, school: B.code });
    if (!list.ok) throw new Error(list.message);
    const moved = list.value.items.find((t) => t.name === MOVED.name)!;
    const page = await signedIn();
    await shown(page, 'school', `#/school/${B.code}?year=${yearB}`);
    await openTeacher(page, moved.row);

    // The transfer: which school's ledgers (and years) the teacher's records came from.
    const origins = await page.textContent('tr.teacher-detail .origin-schools');
    expect(origins).toContain(A.name);
    expect(origins).toContain(`${yearA}年`);

    const rules = await shownRules(page);
    expect(rules.map((r) => ORDER[r.status])).toEqual([...rules.map((r) => ORDER[r.status]!)].sort());
    expect(rules.map((r) => r.rule).sort()).toEqual(moved.rules.map((r) => r.rule).sort());

    // cycle_hours: every record of both schools, A's marked as another school's (and year's), B's
    // catalogue training counted with the catalogue's 8 of its 12 hours.
    const cycle = rules.find((r) => r.rule === 'cycle_hours')!;
    const fromA = sum(trainingsAt('A', yearA).map((t) => t.hours));
    const inB = trainingsAt('B', yearB).reduce((a, t) => a + t.hours, 0) - RECORDED_HOURS + CATALOGUE_HOURS;
    expect(cycle.actual).toBe(`${round(fromA + inB)} / ${moved.rules.find((r) => r.rule === 'cycle_hours')!.required}`);
    expect(cycle.unit).toBe('学时');
    expect(cycle.origin).toBe(`其中 ${fromA} 学时来自${A.name}（${yearA}年）`);
    const aRecords = cycle.records.filter((r) => r.school === A.code);
    expect(aRecords).toHaveLength(2);
    for (const r of aRecords) {
      expect(r.year).toBe(String(yearA));
      expect(r.ledger).toContain(`${A.name}（${yearA}年）`);
      expect(r.ledger).toContain('他校');
      if (yearA !== yearB) expect(r.ledger).toContain('其他年度');
    }
    const bRecords = cycle.records.filter((r) => r.school === B.code);
    expect(bRecords.map((r) => r.ledger)).toEqual(bRecords.map(() => `本台账（${yearB}年）`));
    expect(bRecords.map((r) => r.recognition)).toEqual([
      RECOGNITION_STATUS_LABELS.hours_exceed.zh,
      RECOGNITION_STATUS_LABELS.unmatched.zh,
      '—',
    ]);
    const recognisedRow = page.locator(
      `tr.teacher-detail .rule-block[data-rule="cycle_hours"] tbody tr[data-school="${B.code}"]`,
    );
    expect(await recognisedRow.first().locator('td.recorded').textContent()).toBe(String(RECORDED_HOURS));
    expect(await recognisedRow.first().locator('td.counted').textContent()).toBe(String(CATALOGUE_HOURS));

    // Every rule that counts hours: the counted hours shown add up to the actual shown.
    const hourRules = rules.filter((r) => r.unit === '学时');
    expect(hourRules.length).toBeGreaterThanOrEqual(2);
    for (const r of hourRules) {
      expect({ rule: r.rule, sum: sum(r.counted) }).toEqual({ rule: r.rule, sum: Number(r.actual.split(' / ')[0]) });
      expect(r.countedTotal).toBe(String(sum(r.counted)));
    }
    // The annual district hours are B's year only: no record of A's earlier ledger, and no origin line.
    const annual = rules.find((r) => r.rule === 'annual_district_plus_hours')!;
    if (yearA !== yearB) {
      expect(annual.records.every((r) => r.school === B.code)).toBe(true);
      expect(annual.origin).toBe('');
    }

    const text = (await page.textContent('tr.teacher-detail')) ?? '';
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(RULE_IDS.filter((id) => text.includes(id))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'dashboard-teacher-records-1366.png') });
    await page
      .locator('tr.teacher-detail')
      .screenshot({ path: join(SHOTS, 'dashboard-teacher-records-detail-1366.png') });

    for (const large of [false, true]) {
      if (large) {
        await page.click('header .large-type');
        await page.waitForSelector('main[data-ready="school"]');
        if ((await page.locator('tr.teacher-detail').count()) === 0) await openTeacher(page, moved.row);
        await page.waitForSelector('tr.teacher-detail .teacher-view[data-loaded]');
        await page.screenshot({ path: join(SHOTS, 'dashboard-teacher-records-1366-large.png') });
      }
      expect({ large, ...(await overflow(page)) }).toEqual({ large, page: 0, boxes: [] });
    }
    await page.click('header .large-type');

    await page.click('header .lang');
    await page.waitForSelector('main[data-ready="school"]');
    if ((await page.locator('tr.teacher-detail').count()) === 0) await openTeacher(page, moved.row);
    await page.waitForSelector('tr.teacher-detail .teacher-view[data-loaded]');
    const en = await shownRules(page);
    expect(en.find((r) => r.rule === 'cycle_hours')!.origin).toBe(`Of these, ${fromA} hours from ${A.name} (${yearA})`);
    expect(await page.textContent('tr.teacher-detail .rule-block h3')).toBe(
      RULE_TITLES[en[0]!.rule as 'cycle_hours'].en,
    );
    await page.screenshot({ path: join(SHOTS, 'dashboard-teacher-records-1366-en.png') });
    await page.click('header .lang');
    await page.close();
  });

  it("should open a demo teacher's rules and records from the district list, counted hours adding up", async () => {
    const list = await reviewer.bureau.teachers({ year: tokens.year, status: 'fail', pageSize: 50 });
    if (!list.ok) throw new Error(list.message);
    const first = list.value.items[0]!;
    const page = await signedIn();
    await shown(page, 'teachers', `#/teachers?year=${tokens.year}&status=fail`);
    await page.click('table.teachers tbody tr:first-child button.teacher-open');
    await page.waitForSelector('tr.teacher-detail .teacher-view[data-loaded]');
    const rules = await shownRules(page);
    expect(rules.map((r) => r.rule).sort()).toEqual(first.rules.map((r) => r.rule).sort());
    for (const r of rules) {
      const listed = first.rules.find((x) => x.rule === r.rule)!;
      expect(r.actual).toBe(`${listed.actual} / ${listed.required}`);
      if (r.unit === '学时')
        expect({ rule: r.rule, sum: sum(r.counted) }).toEqual({ rule: r.rule, sum: listed.actual });
      for (const rec of r.records) expect(rec.ledger).toContain(`${tokens.year}年`);
    }
    expect(rules.some((r) => r.records.length > 0)).toBe(true);
    expect(await page.locator('tr.teacher-detail table.records').count()).toBeGreaterThan(0);
    expect({ ...(await overflow(page)) }).toEqual({ page: 0, boxes: [] });
    await page.screenshot({ path: join(SHOTS, 'dashboard-teacher-records-district-1366.png') });
    await page
      .locator('tr.teacher-detail')
      .screenshot({ path: join(SHOTS, 'dashboard-teacher-records-district-detail.png') });
    await page.close();
  });

  it("should count each teacher's recognition statuses in the school's teacher export", async () => {
    const sent = await reviewer.bureau.exportTeachers({ year: yearB, school: B.code }, 'csv');
    if (!sent.ok) throw new Error(sent.message);
    const text = new TextDecoder().decode(await sent.value.blob.arrayBuffer());
    const rows = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.slice(1, -1).split('","'));
    const header = rows[0]!;
    const col = (status: keyof typeof RECOGNITION_STATUS_LABELS) =>
      header.indexOf(`${RECOGNITION_STATUS_LABELS[status].zh}（条）`);
    const counts = (name: string) => {
      const row = rows.find((r) => r[4] === name)!;
      return (['recognized', 'hours_exceed', 'not_on_list', 'unmatched'] as const).map((s) => row[col(s)]);
    };
    // 钱立新: the catalogue training over its hours, the unlisted district workshop; his school-level one has none.
    expect(counts(MOVED.name as string)).toEqual(['0', '1', '0', '1']);
    // 孙晓梅's one district training is not in the catalogue.
    expect(counts(STAYED.name as string)).toEqual(['0', '0', '0', '1']);
    expect(header.at(-1)).toBe('未达标规则代码');
  });
});
