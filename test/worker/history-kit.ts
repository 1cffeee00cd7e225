/**
 * The five-year district of the history tests: school A1's 2021–2025 ledgers (2025's repeats
 * 2024's trainings), and 吴二, who was at A2 until 2023 and moved to A1 in 2024.
 */
import { env } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { expect } from 'vitest';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import type { EncodedWorkbook } from '../../shared/grid.js';
import type { ComplianceReport, RuleResult } from '../../shared/policy/types.js';
import type { AppType } from '../../worker/index.js';
import {
  buildWorkbook,
  makeId,
  newKey,
  SCHOOLS,
  type TeacherSpec,
  type TestApp,
  TOKENS,
  type TrainingSpec,
  testApp,
} from './helpers.js';

export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;
export type Year = (typeof YEARS)[number];

/** 周一 stays at A1 all five years; 吴二 was at A2 until 2023 and moved to A1 in 2024; 郑三 stays at A2. */
export const zhou: TeacherSpec = { name: '周一', id: makeId(71, '男'), gender: '男' };
export const wu: TeacherSpec = { name: '吴二', id: makeId(72, '女'), gender: '女' };
export const zheng: TeacherSpec = { name: '郑三', id: makeId(73, '男'), gender: '男' };

/**
 * Each teacher's own trainings of a year: an ethics one and a subject one, hours that differ by year
 * and add up to exactly 360 over the cycle, so that any record missing fails it.
 */
export function trainingsOf(t: TeacherSpec, year: Year): TrainingSpec[] {
  const k = year - 2020;
  return [
    {
      id: t.id,
      name: t.name,
      course: `${year}年师德师风专题培训`,
      level: '区级',
      category: '师德师风',
      start: `${year}-03-01`,
      end: `${year}-03-05`,
      hours: 20 + k,
    },
    {
      id: t.id,
      name: t.name,
      course: `${year}年学科教学能力提升`,
      level: '市级',
      category: '学科教学',
      start: `${year}-10-08`,
      end: `${year}-10-20`,
      hours: 46 + k,
    },
  ];
}

/** 2025's cumulative ledger lists 2024's trainings again, spelt with full-width digits and a stray space. */
function repeatOf(t: TrainingSpec): TrainingSpec {
  return { ...t, course: ` ${t.course.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}` };
}

const plan = (year: number) => `${year}-09-10`;

export function a1Ledger(year: Year): EncodedWorkbook {
  const teachers = year >= 2024 ? [zhou, wu] : [zhou];
  const trainings = teachers.flatMap((t) => trainingsOf(t, year));
  if (year === 2025) trainings.push(...teachers.flatMap((t) => trainingsOf(t, 2024)).map(repeatOf));
  return buildWorkbook({ ...SCHOOLS.A1, plan: plan(year) }, teachers, trainings);
}

export function a2Ledger(year: Year, drop?: string): EncodedWorkbook {
  const teachers = year <= 2023 ? [wu, zheng] : [zheng];
  const trainings = teachers.flatMap((t) => trainingsOf(t, year)).filter((t) => t.course !== drop || t.id !== wu.id);
  return buildWorkbook({ ...SCHOOLS.A2, plan: plan(year) }, teachers, trainings);
}

/** The distinct records of all five years and both schools: each year's own trainings, once. */
export const cycleHours = (t: TeacherSpec, except = 0) =>
  YEARS.flatMap((y) => trainingsOf(t, y)).reduce((a, r) => a + r.hours, 0) - except;

export const app = testApp();

/** A fetch that hands the request to an app in process, with the test bindings. */
export const inProcess = (a: TestApp) => async (input: RequestInfo | URL, init?: RequestInit) =>
  a.request(input instanceof Request ? input : String(input), init, env);

/** The typed client of the worker, for a token, against `a` (the shared app by default). */
export const client = (token: string, a: TestApp = app) =>
  hc<AppType>('http://shixun.test', { headers: { Authorization: `Bearer ${token}` }, fetch: inProcess(a) }).api.v1;

export async function submitLedger(token: string, year: number, workbook: EncodedWorkbook, a: TestApp = app) {
  const res = await client(token, a).submissions.$post(
    { json: { year, workbook } },
    { headers: { 'Idempotency-Key': newKey() } },
  );
  return { status: res.status as number, receipt: (await res.json()) as SubmissionReceipt };
}

/** Every ledger, one year at a time as schools submit: A2's of the year, then A1's. */
export async function submitFiveYears(): Promise<Map<string, SubmissionReceipt>> {
  const receipts = new Map<string, SubmissionReceipt>();
  for (const year of YEARS) {
    for (const [token, school, ledger] of [
      [TOKENS.clerkA2, 'A2', a2Ledger(year)],
      [TOKENS.clerkA1, 'A1', a1Ledger(year)],
    ] as const) {
      const { status, receipt } = await submitLedger(token, year, ledger);
      expect(status, `${school} ${year}`).toBe(201);
      receipts.set(`${school} ${year}`, receipt);
    }
  }
  return receipts;
}

/** The hours of records, summed. */
export const hoursOf = (records: readonly { hours: number }[]) => records.reduce((a, r) => a + r.hours, 0);

export const ruleOf = (report: ComplianceReport, t: TeacherSpec, rule: string): RuleResult => {
  const masked = `${t.id.slice(0, 6)}********${t.id.slice(14)}`;
  return report.teachers.find((x) => x.idMasked === masked)!.rules.find((r) => r.rule === rule)!;
};

/** Where the records a rule counted came from, as "year school" labels (self for the ledger itself). */
export const originsOf = (report: ComplianceReport, r: RuleResult) =>
  r.records!.refs.map(([s]) =>
    report.sources[s]!.self ? 'self' : `${report.sources[s]!.year} ${report.sources[s]!.schoolCode}`,
  );

export async function staleCurrent(): Promise<number> {
  const r = await env.DB.prepare(
    'SELECT COUNT(*) AS n FROM submissions s JOIN current_submissions c ON c.submission_id = s.id WHERE s.stale_since IS NOT NULL',
  ).first<{ n: number }>();
  return r!.n;
}

/** Current verdicts that read a version that is no longer current: must be none after every answer. */
export async function readingSuperseded(): Promise<number> {
  const r = await env.DB.prepare(
    `SELECT COUNT(*) AS n FROM submission_sources ss
       JOIN current_submissions c ON c.submission_id = ss.submission_id
      WHERE ss.source_id NOT IN (SELECT submission_id FROM current_submissions)`,
  ).first<{ n: number }>();
  return r!.n;
}
