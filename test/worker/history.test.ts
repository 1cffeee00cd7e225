/**
 * A teacher's history across years and schools (archive.md §1), through the typed client: a
 * school's 2021–2025 ledgers submitted one year at a time, its 2025 ledger repeating 2024's
 * trainings, and a teacher who moved from another school in 2024. The 2025 verdict counts every
 * distinct record of the five years and both schools once, says where each came from, and equals
 * what `check --server` computes (the same fetchRecordSet and engine, run here against the worker).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchRecordSet } from '../../client/index.js';
import type { TeacherView } from '../../shared/api/history.js';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import { decodeWorkbook } from '../../shared/grid.js';
import { DEFAULT_POLICY, evaluateCompliance } from '../../shared/policy/index.js';
import { validateWorkbook } from '../../shared/validate/index.js';
import { SCHOOLS, seedTenants, TOKENS } from './helpers.js';
import {
  a1Ledger,
  app,
  client,
  cycleHours,
  hoursOf,
  inProcess,
  originsOf,
  ruleOf,
  submitFiveYears,
  trainingsOf,
  wu,
  zheng,
  zhou,
} from './history-kit.js';

describe('history across years and schools', () => {
  let receipts = new Map<string, SubmissionReceipt>();

  beforeAll(async () => {
    await seedTenants();
    receipts = await submitFiveYears();
  });

  it("should count every distinct record of the five years and both schools in 2025's cycle_hours, repeats once", async () => {
    const report = receipts.get('A1 2025')!.compliance;
    expect(report.historyIncluded).toBe(true);
    for (const t of [zhou, wu]) {
      const cycle = ruleOf(report, t, 'cycle_hours');
      expect(cycle.actual, t.name).toBe(cycleHours(t));
      expect(cycle).toMatchObject({ status: 'pass', required: 360 });
    }
    // 2024's trainings are in both A1 ledgers: counted from 2024's, where they were first reported.
    expect(originsOf(report, ruleOf(report, zhou, 'cycle_hours'))).toEqual([
      'self',
      'self',
      '2021 3201020001',
      '2021 3201020001',
      '2022 3201020001',
      '2022 3201020001',
      '2023 3201020001',
      '2023 3201020001',
      '2024 3201020001',
      '2024 3201020001',
    ]);
    expect(originsOf(report, ruleOf(report, wu, 'cycle_hours')).sort()).toEqual([
      '2021 3201020002',
      '2021 3201020002',
      '2022 3201020002',
      '2022 3201020002',
      '2023 3201020002',
      '2023 3201020002',
      '2024 3201020001',
      '2024 3201020001',
      'self',
      'self',
    ]);
    // The year's own rules still read the year: 2025's district hours are 2025's records only.
    expect(ruleOf(report, wu, 'annual_district_plus_hours').actual).toBe(hoursOf(trainingsOf(wu, 2025)));
  });

  it('should have warned in the earlier years of the cycle on the pace, never on one year alone', async () => {
    const report = receipts.get('A1 2023')!.compliance;
    const cycle = ruleOf(report, zhou, 'cycle_hours');
    const upTo2023 = hoursOf(([2021, 2022, 2023] as const).flatMap((y) => trainingsOf(zhou, y)));
    expect(upTo2023).toBeLessThan(216);
    expect(cycle).toMatchObject({ actual: upTo2023, required: 216, status: 'warn' });
  });

  it('should compute exactly the compliance that check --server computes on the same data', async () => {
    for (const year of [2024, 2025] as const) {
      const records = validateWorkbook(decodeWorkbook(a1Ledger(year)), { year }).records;
      // What scripts/cli/check.ts does with --server: the same client function, against this worker.
      const found = await fetchRecordSet(
        { server: 'http://shixun.test', token: TOKENS.clerkA1, fetch: inProcess(app) },
        records,
        year,
      );
      expect(found.ok).toBe(true);
      if (!found.ok) return;
      const cli = evaluateCompliance(found.value.set, DEFAULT_POLICY, { year, asOf: `${year}-12-31` });
      const server = await (
        await client(TOKENS.reviewerA).submissions[':id'].compliance.$get({
          param: { id: receipts.get(`A1 ${year}`)!.submission.id },
        })
      ).json();
      expect(cli).toEqual(server.compliance);
      expect(ruleOf(cli, wu, 'cycle_hours').actual).toBe(
        year === 2025 ? cycleHours(wu) : cycleHours(wu) - hoursOf(trainingsOf(wu, 2025)),
      );
    }
  });

  it("should answer the clerk's history with school names and years, never an ID, and only the own bureau's", async () => {
    const res = await client(TOKENS.clerkA1).history.$post({ json: { year: 2025, ids: [wu.id, zheng.id] } });
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const t of [zhou, wu, zheng]) {
      expect(text).not.toContain(t.id);
      expect(text).not.toContain(t.id.slice(0, 14));
    }
    const body = JSON.parse(text) as {
      sources: { year: number; schoolName: string }[];
      teachers: { trainings: { source: number }[] }[];
    };
    // The own school's 2025 ledger is the workbook being checked: never part of its history.
    expect(body.sources.map((s) => `${s.year} ${s.schoolName}`)).toEqual([
      `2021 ${SCHOOLS.A2.name}`,
      `2022 ${SCHOOLS.A2.name}`,
      `2023 ${SCHOOLS.A2.name}`,
      `2024 ${SCHOOLS.A1.name}`,
      `2024 ${SCHOOLS.A2.name}`,
      `2025 ${SCHOOLS.A2.name}`,
    ]);
    expect(body.teachers[0]!.trainings).toHaveLength(8);
    expect(body.teachers[1]!.trainings).toHaveLength(10);
    const foreign = await (await client(TOKENS.clerkB1).history.$post({ json: { year: 2025, ids: [wu.id] } })).json();
    expect(foreign.sources).toEqual([]);
    expect(foreign.teachers).toEqual([{ trainings: [], duties: [], milestones: [] }]);
  });

  it("should show the reviewer the records behind each rule with their year and school, and where a transfer's hours came from", async () => {
    const res = await client(TOKENS.reviewerA).bureau.schools[':code'].teachers[':row'].$get({
      param: { code: SCHOOLS.A1.code, row: '3' },
      query: { year: '2025' },
    });
    expect(res.status).toBe(200);
    const view = (await res.json()) as TeacherView;
    expect(view.teacher).toMatchObject({ name: '吴二', row: 3 });
    expect(view.otherSchools).toEqual([{ code: SCHOOLS.A2.code, name: SCHOOLS.A2.name, years: [2021, 2022, 2023] }]);
    const cycle = view.rules.find((r) => r.rule === 'cycle_hours')!;
    expect(cycle.records.reduce((a, r) => a + (r.sheet === 'trainings' ? r.hours : 0), 0)).toBe(cycle.actual);
    const first = cycle.records.find((r) => r.year === 2021)!;
    expect(first).toMatchObject({
      sheet: 'trainings',
      schoolName: SCHOOLS.A2.name,
      self: false,
      course: '2021年师德师风专题培训',
      hours: 21,
    });
    expect(cycle.records.filter((r) => r.self).map((r) => r.year)).toEqual([2025, 2025]);
    expect(JSON.stringify(view)).not.toContain(wu.id);
  });
});
