/**
 * Recognition of hours end to end (archive.md §2 and §4): a bureau imports its catalogue with an
 * attendee list, two schools submit ledgers whose records exercise every status — close names, a
 * wrong level, dates outside the entry, a code that does not exist — and the tests check each
 * record's status, the hours counted under `flag` and under `require`, that one queue decision
 * changes the compliance of every school it concerns, and that the statistics and their export agree.
 */
import { env } from 'cloudflare:workers';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CatalogueImportResult,
  CatalogueList,
  RecognitionDecisionResult,
  RecognitionQueue,
  SubmissionRecognition,
  TrainingStatistics,
} from '../../shared/api/catalogue.js';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import type { SubmissionCompliance, SubmissionReceipt } from '../../shared/api/responses.js';
import type { EncodedCell, EncodedWorkbook } from '../../shared/grid.js';
import type { RecognitionStatus } from '../../shared/recognition/index.js';
import {
  buildWorkbook,
  call,
  makeId,
  SCHOOLS,
  seedTenants,
  submit,
  type TeacherSpec,
  TOKENS,
  type TrainingSpec,
  testApp,
  YEAR,
} from './helpers.js';

const app = testApp();
const T1: TeacherSpec = { name: '张三', id: makeId(11, '男'), gender: '男' };
const T2: TeacherSpec = { name: '李四', id: makeId(12, '女'), gender: '女' };
const T3: TeacherSpec = { name: '王五', id: makeId(13, '男'), gender: '男' };
const T4: TeacherSpec = { name: '赵六', id: makeId(14, '女'), gender: '女' };

const y = (md: string) => `${YEAR}-${md}`;

/** The catalogue workbook as a bureau writes it: a title row, alias headers, a unit in a cell. */
function catalogueWorkbook(extraAttendees: EncodedCell[][] = []): EncodedWorkbook {
  return {
    sheets: [
      {
        name: '培训项目目录',
        rows: [
          [`梁溪区${YEAR}年度培训项目目录`],
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
            'LX2025-001',
            '新教师入岗培训',
            '区级',
            '新教师入岗',
            '集中面授',
            y('03-01'),
            y('03-31'),
            24,
            '区教师发展中心',
          ],
          [
            'LX2025-002',
            '信息技术应用能力提升工程2.0',
            '市级',
            '信息技术',
            '网络研修',
            y('04-01'),
            y('06-30'),
            30,
            '市电教馆',
          ],
          [
            'LX2025-003',
            '班主任工作专题研修',
            '区级',
            '班主任',
            '集中面授',
            y('05-10'),
            y('05-12'),
            12,
            '区教师发展中心',
          ],
          [
            'LX2025-004',
            '师德师风专题培训',
            '区级',
            '师德师风',
            '集中面授',
            y('09-01'),
            y('09-30'),
            '２０学时',
            '区教师发展中心',
          ],
        ],
      },
      {
        name: '参训名单',
        rows: [
          ['项目编号', '身份证号', '姓名'],
          ['LX2025-003', T1.id, T1.name],
          ['LX2025-003', T3.id, T3.name],
          ...extraAttendees,
        ],
      },
    ],
  };
}

interface Rec extends TrainingSpec {
  code?: string;
  /** What the record must come out as: status (null = none), entry, likely entry, basis. */
  expect: { status: RecognitionStatus | null; code?: string | null; likely?: string | null; basis?: string };
}

const rec = (
  t: TeacherSpec,
  course: string,
  level: string,
  category: string,
  start: string,
  end: string,
  hours: number,
  expected: Rec['expect'],
  code?: string,
): Rec => ({
  id: t.id,
  name: t.name,
  course,
  level,
  category,
  start: y(start),
  end: y(end),
  hours,
  code,
  expect: expected,
});

const schoolBased = (t: TeacherSpec) =>
  rec(t, '校本师德师风学习', '校级', '师德师风', '01-06', '01-07', 4, { status: null });

const A1_RECORDS: Rec[] = [
  rec(T1, `${YEAR}年新教师入岗培训`, '区级', '新教师入岗', '03-03', '03-05', 20, {
    status: 'recognized',
    code: 'LX2025-001',
  }),
  rec(T1, '班主任工作专题研修', '区级', '班主任', '05-10', '05-12', 12, { status: 'recognized', code: 'LX2025-003' }),
  // A close name (one character of seven differs) with overlapping dates: the likely entry is named.
  rec(T1, '新教师入职培训', '区级', '新教师入岗', '03-05', '03-06', 8, { status: 'unmatched', likely: 'LX2025-001' }),
  // Dates outside the entry, not even overlapping it: nothing likely.
  rec(T1, '师德师风专题培训', '区级', '师德师风', '10-01', '10-02', 6, { status: 'unmatched', likely: null }),
  // A code the catalogue does not hold: unmatched although the course would match.
  rec(
    T1,
    '师德师风专题培训',
    '区级',
    '师德师风',
    '09-10',
    '09-11',
    6,
    { status: 'unmatched', likely: 'LX2025-004', basis: 'code_unknown' },
    'LX2025-999',
  ),
  rec(T1, '区级骨干教师研修班', '区级', '骨干研修', '07-01', '07-05', 30, { status: 'unmatched', likely: null }),
  schoolBased(T1),
  rec(T2, '班主任工作专题研修', '区级', '班主任', '05-10', '05-12', 12, { status: 'not_on_list', code: 'LX2025-003' }),
  rec(
    T2,
    '信息技术2.0',
    '市级',
    '信息技术',
    '04-10',
    '06-20',
    40,
    { status: 'hours_exceed', code: 'LX2025-002' },
    'lx2025-002',
  ),
  // The wrong level.
  rec(T2, '新教师入岗培训', '市级', '新教师入岗', '03-02', '03-03', 10, { status: 'unmatched', likely: 'LX2025-001' }),
  // Dates outside the entry that overlap it.
  rec(T2, '师德师风专题培训', '区级', '师德师风', '09-25', '10-05', 8, { status: 'unmatched', likely: 'LX2025-004' }),
  schoolBased(T2),
];

const A2_RECORDS: Rec[] = [
  rec(T3, '班主任工作专题研修', '区级', '班主任', '05-10', '05-12', 12, { status: 'recognized', code: 'LX2025-003' }),
  rec(T3, '区级骨干教师研修班', '区级', '骨干研修', '07-01', '07-05', 30, { status: 'unmatched', likely: null }),
  schoolBased(T3),
  rec(T4, '班主任工作专题研修', '区级', '班主任', '05-10', '05-12', 12, { status: 'not_on_list', code: 'LX2025-003' }),
  // The same training spelled with spaces: the same queue group.
  rec(T4, '区级 骨干教师 研修班', '区级', '骨干研修', '07-01', '07-05', 30, { status: 'unmatched', likely: null }),
  rec(T4, '师德师风专题培训', '区级', '师德师风', '09-02', '09-03', 8, { status: 'recognized', code: 'LX2025-004' }),
  schoolBased(T4),
];

/** The helpers' workbook with a 项目编号 column on 培训记录. */
function ledger(
  school: (typeof SCHOOLS)[keyof typeof SCHOOLS],
  teachers: TeacherSpec[],
  records: Rec[],
): EncodedWorkbook {
  const wb = buildWorkbook(school, teachers, records);
  const sheet = wb.sheets.find((s) => s.name === '培训记录')!;
  sheet.rows[0]!.push('项目编号');
  for (const [i, r] of records.entries()) sheet.rows[i + 1]!.push(r.code ?? null);
  return wb;
}

async function json<T>(res: Response, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return res.json<T>();
}

const importCatalogue = (workbook: EncodedWorkbook, token: string = TOKENS.reviewerA) =>
  call(app, 'POST', `/api/v1/catalogue/${YEAR}/import`, { token, body: { workbook } });

const putPolicy = (file: unknown) =>
  call(app, 'PUT', `/api/v1/policies/${YEAR}?bureau=A`, { token: TOKENS.admin, body: file });

const complianceOf = (id: string, token: string = TOKENS.reviewerA) =>
  call(app, 'GET', `/api/v1/submissions/${id}/compliance`, { token }).then((r) => json<SubmissionCompliance>(r));

/** annual_district_plus_hours of each teacher by name: [actual, status]. */
function annual(c: SubmissionCompliance['compliance']): Record<string, [number, string]> {
  return Object.fromEntries(
    c.teachers.map((t) => {
      const r = t.rules.find((x) => x.rule === 'annual_district_plus_hours')!;
      return [t.name, [r.actual, r.status]];
    }),
  );
}

function expectStatuses(recognition: SubmissionRecognition, records: Rec[]) {
  const byRow = new Map(recognition.records.map((r) => [r.row, r]));
  records.forEach((spec, i) => {
    const got = byRow.get(i + 2);
    const where = `${spec.name} ${spec.course} (row ${i + 2})`;
    if (spec.expect.status === null) {
      expect(got, where).toBeUndefined();
      return;
    }
    expect(got, where).toBeDefined();
    expect(
      {
        status: got!.status,
        ...('code' in spec.expect ? { code: got!.code } : {}),
        ...('likely' in spec.expect ? { likely: got!.likely } : {}),
        ...(spec.expect.basis ? { basis: got!.basis } : {}),
      },
      where,
    ).toEqual({ ...spec.expect });
  });
}

describe('recognition of hours against the catalogue', () => {
  let a1: SubmissionReceipt;
  let a2: SubmissionReceipt;
  let queue: RecognitionQueue;
  const backboneGroup = () => queue.groups.find((g) => g.course === '区级骨干教师研修班')!;

  beforeAll(async () => {
    await seedTenants();
    // cycle_hours is off so that the yearly district hours alone decide each teacher's status.
    expect((await putPolicy({ id: 'a-flag', rules: { cycle_hours: { enabled: false } } })).status).toBe(200);
  });

  it('should import the catalogue with its attendee list, listing the fixes, and refuse a clerk', async () => {
    const r = await json<CatalogueImportResult>(await importCatalogue(catalogueWorkbook()));
    expect(r.imported).toEqual({ added: 4, updated: 0, attendees: 2 });
    expect(r.fixes.map((f) => [f.cell, f.code])).toEqual([
      ['H6', 'fix.fullwidth'],
      ['H6', 'fix.unit'],
    ]);
    expect(r.reevaluated).toEqual([]);
    expect((await importCatalogue(catalogueWorkbook(), TOKENS.clerkA1)).status).toBe(403);
  });

  it('should refuse a catalogue with errors as a whole, with the findings at their cells', async () => {
    const bad = catalogueWorkbook([['LX2025-404', T2.id, T2.name]]);
    bad.sheets[0]!.rows.push(['LX2025-001', '重复的编号', '区级', '其他', '其他', y('01-01'), y('01-02'), 4, null]);
    const res = await importCatalogue(bad);
    expect(res.status).toBe(400);
    const body = await res.json<ApiErrorBody>();
    expect(body.error.code).toBe('catalogue.invalid');
    const findings = (body.error.details as { findings: { code: string; cell: string }[] }).findings;
    expect(findings.map((f) => [f.code, f.cell])).toEqual([
      ['duplicate.entry', 'A7'],
      ['catalogue.unknown_code', 'A4'],
    ]);
    const list = await json<CatalogueList>(
      await call(app, 'GET', `/api/v1/catalogue/${YEAR}`, { token: TOKENS.reviewerA }),
    );
    expect(list.entries.map((e) => e.code)).toEqual(['LX2025-001', 'LX2025-002', 'LX2025-003', 'LX2025-004']);
  });

  it('should let a clerk read the catalogue without attendee lists, and bureau staff with their counts', async () => {
    const clerk = await json<CatalogueList>(
      await call(app, 'GET', `/api/v1/catalogue/${YEAR}`, { token: TOKENS.clerkA1 }),
    );
    expect(clerk.entries.find((e) => e.code === 'LX2025-004')).toEqual({
      code: 'LX2025-004',
      course: '师德师风专题培训',
      level: '区级',
      category: '师德师风',
      form: '集中面授',
      startDate: y('09-01'),
      endDate: y('09-30'),
      hours: 20,
      organizer: '区教师发展中心',
    });
    const staff = await json<CatalogueList>(
      await call(app, 'GET', `/api/v1/catalogue/${YEAR}`, { token: TOKENS.reviewerA }),
    );
    expect(staff.entries.find((e) => e.code === 'LX2025-003')).toMatchObject({ attendees: 2, source: 'import' });
    expect((await call(app, 'GET', `/api/v1/catalogue/${YEAR}?bureau=B`, { token: TOKENS.clerkA1 })).status).toBe(404);
    const other = await json<CatalogueList>(
      await call(app, 'GET', `/api/v1/catalogue/${YEAR}`, { token: TOKENS.clerkB1 }),
    );
    expect(other.entries).toEqual([]);
  });

  it('should give every 区级-or-higher record its status in the receipt', async () => {
    a1 = await json<SubmissionReceipt>(
      await submit(app, TOKENS.clerkA1, ledger(SCHOOLS.A1, [T1, T2], A1_RECORDS)),
      201,
    );
    a2 = await json<SubmissionReceipt>(
      await submit(app, TOKENS.clerkA2, ledger(SCHOOLS.A2, [T3, T4], A2_RECORDS)),
      201,
    );
    expectStatuses(a1.recognition, A1_RECORDS);
    expectStatuses(a2.recognition, A2_RECORDS);
    expect(a1.recognition.mode).toBe('flag');
    expect(a1.recognition.counts).toEqual({ recognized: 2, hours_exceed: 1, not_on_list: 1, unmatched: 6 });
  });

  it('should count recorded hours of unmatched records under flag, but never more than the catalogue grants', async () => {
    // T1: 20 + 12 + 8 + 6 + 6 + 30; T2: 12 (not on the list) + 30 (40 capped) + 10 + 8.
    expect(annual(a1.compliance)).toEqual({ 张三: [82, 'pass'], 李四: [60, 'pass'] });
    expect(annual(a2.compliance)).toEqual({ 王五: [42, 'pass'], 赵六: [50, 'pass'] });
    const hoursExceed = a1.recognition.records.find((r) => r.status === 'hours_exceed')!;
    expect(hoursExceed).toMatchObject({ hours: 40, countedHours: 30 });
  });

  it('should count only what the table grants under require (re-evaluated when the catalogue is imported again)', async () => {
    expect(
      (await putPolicy({ id: 'a-require', recognition: 'require', rules: { cycle_hours: { enabled: false } } })).status,
    ).toBe(200);
    const again = await json<CatalogueImportResult>(
      await importCatalogue(catalogueWorkbook([['LX2025-003', T1.id, T1.name]])),
    );
    expect(again.imported).toEqual({ added: 0, updated: 4, attendees: 2 });
    // The repeated attendee row is a warning; its ID is masked.
    const dup = again.findings.find((f) => f.code === 'duplicate.attendee')!;
    expect(dup.value).toBe(`${T1.id.slice(0, 6)}********${T1.id.slice(14)}`);
    expect(again.reevaluated.map((r) => [r.schoolCode, r.before.pass, r.after.pass]).sort()).toEqual([
      [SCHOOLS.A1.code, 2, 0],
      [SCHOOLS.A2.code, 2, 0],
    ]);
    const c1 = await complianceOf(a1.submission.id);
    const c2 = await complianceOf(a2.submission.id);
    expect(annual(c1.compliance)).toEqual({ 张三: [32, 'fail'], 李四: [30, 'fail'] });
    expect(annual(c2.compliance)).toEqual({ 王五: [12, 'fail'], 赵六: [8, 'fail'] });
    expect(c1.recognition.mode).toBe('require');
    expect(c1.recognition.records.filter((r) => r.status === 'unmatched').every((r) => r.countedHours === 0)).toBe(
      true,
    );
  });

  it("should group the district's unmatched and not-on-list records by course, level and dates, with schools and teachers", async () => {
    queue = await json<RecognitionQueue>(
      await call(app, 'GET', `/api/v1/recognition/${YEAR}/queue`, { token: TOKENS.reviewerA }),
    );
    const backbone = backboneGroup();
    expect(backbone).toMatchObject({
      status: 'unmatched',
      course: '区级骨干教师研修班',
      spellings: ['区级 骨干教师 研修班'],
      level: '区级',
      startDate: y('07-01'),
      endDate: y('07-05'),
      records: 3,
      teachers: 3,
      hours: { min: 30, max: 30 },
      likely: null,
      entry: null,
      rejection: null,
    });
    expect(backbone.schools).toEqual([
      { code: SCHOOLS.A1.code, name: SCHOOLS.A1.name, teachers: 1, records: 1 },
      { code: SCHOOLS.A2.code, name: SCHOOLS.A2.name, teachers: 2, records: 2 },
    ]);
    const offList = queue.groups.find((g) => g.status === 'not_on_list')!;
    expect(offList).toMatchObject({
      course: '班主任工作专题研修',
      teachers: 2,
      entry: { code: 'LX2025-003', hours: 12 },
    });
    expect(offList.schools.map((s) => s.code)).toEqual([SCHOOLS.A1.code, SCHOOLS.A2.code]);
    const closeName = queue.groups.find((g) => g.course === '新教师入职培训')!;
    expect(closeName.likely).toEqual({ code: 'LX2025-001', course: '新教师入岗培训', hours: 24 });
    expect(queue.groups.some((g) => g.level === '校级')).toBe(false);
    expect((await call(app, 'GET', `/api/v1/recognition/${YEAR}/queue`, { token: TOKENS.clerkA1 })).status).toBe(403);
  });

  it("should settle a group for every school with one decision, audited, and change each school's compliance", async () => {
    const res = await call(app, 'POST', `/api/v1/recognition/${YEAR}/decisions`, {
      token: TOKENS.reviewerA,
      body: { action: 'add', group: backboneGroup().group, hours: 30 },
    });
    const d = await json<RecognitionDecisionResult>(res);
    expect(d.entry).toMatchObject({
      code: `Q${YEAR}-001`,
      course: '区级骨干教师研修班',
      level: '区级',
      category: '骨干研修',
      hours: 30,
      source: 'queue',
    });
    expect(d.records).toBe(3);
    expect(d.reevaluated.map((r) => [r.schoolCode, r.before.pass, r.after.pass]).sort()).toEqual([
      [SCHOOLS.A1.code, 0, 1],
      [SCHOOLS.A2.code, 0, 2],
    ]);
    const c1 = await complianceOf(a1.submission.id, TOKENS.clerkA1);
    const c2 = await complianceOf(a2.submission.id, TOKENS.clerkA2);
    expect(annual(c1.compliance)).toEqual({ 张三: [62, 'pass'], 李四: [30, 'fail'] });
    expect(annual(c2.compliance)).toEqual({ 王五: [42, 'pass'], 赵六: [38, 'pass'] });
    expect(c2.recognition.records.filter((r) => r.code === `Q${YEAR}-001`).map((r) => r.status)).toEqual([
      'recognized',
      'recognized',
    ]);
    expect(c1.submission.summary).toMatchObject({ pass: 1, fail: 1 });
    const logged = await env.DB.prepare("SELECT details FROM audit_log WHERE action = 'recognition.add'").all<{
      details: string;
    }>();
    expect(logged.results.map((r) => JSON.parse(r.details) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        bureau: 'A',
        year: YEAR,
        course: '区级骨干教师研修班',
        records: 3,
        schools: 2,
        code: `Q${YEAR}-001`,
        hours: 30,
      }),
    ]);
    const after = await json<RecognitionQueue>(
      await call(app, 'GET', `/api/v1/recognition/${YEAR}/queue`, { token: TOKENS.reviewerA }),
    );
    expect(after.groups.some((g) => g.group === backboneGroup().group)).toBe(false);
  });

  it("should keep a rejected group unmatched, with the reviewer's reason shown to the clerk", async () => {
    const wrongLevel = queue.groups.find((g) => g.level === '市级' && g.course === '新教师入岗培训')!;
    const reason = '市级培训请按市级目录认定';
    const d = await json<RecognitionDecisionResult>(
      await call(app, 'POST', `/api/v1/recognition/${YEAR}/decisions`, {
        token: TOKENS.reviewerA,
        body: { action: 'reject', group: wrongLevel.group, reason },
      }),
    );
    expect(d.reevaluated.map((r) => r.schoolCode)).toEqual([SCHOOLS.A1.code]);
    const seen = await complianceOf(a1.submission.id, TOKENS.clerkA1);
    expect(seen.recognition.records.find((r) => r.row === 11)).toMatchObject({
      status: 'unmatched',
      basis: 'rejected',
      reason,
    });
    const pending = await json<RecognitionQueue>(
      await call(app, 'GET', `/api/v1/recognition/${YEAR}/queue`, { token: TOKENS.reviewerA }),
    );
    expect(pending.groups.some((g) => g.group === wrongLevel.group)).toBe(false);
    const rejected = await json<RecognitionQueue>(
      await call(app, 'GET', `/api/v1/recognition/${YEAR}/queue?state=rejected`, { token: TOKENS.reviewerA }),
    );
    expect(rejected.groups.map((g) => [g.group, g.rejection?.reason])).toEqual([[wrongLevel.group, reason]]);
  });

  it('should link a not-on-list group to its entry, and refuse to remove an entry a decision rests on', async () => {
    const offList = queue.groups.find((g) => g.status === 'not_on_list')!;
    const d = await json<RecognitionDecisionResult>(
      await call(app, 'POST', `/api/v1/recognition/${YEAR}/decisions`, {
        token: TOKENS.reviewerA,
        body: { action: 'link', group: offList.group, code: 'LX2025-003' },
      }),
    );
    expect(d.reevaluated.map((r) => r.schoolCode).sort()).toEqual([SCHOOLS.A1.code, SCHOOLS.A2.code]);
    const c2 = await complianceOf(a2.submission.id);
    expect(c2.recognition.records.find((r) => r.row === 5)).toMatchObject({
      status: 'recognized',
      basis: 'linked',
      code: 'LX2025-003',
    });
    expect(annual(c2.compliance).赵六).toEqual([50, 'pass']);
    const del = await call(app, 'DELETE', `/api/v1/catalogue/${YEAR}/entries/LX2025-003`, { token: TOKENS.reviewerA });
    expect(del.status).toBe(409);
    expect((await del.json<ApiErrorBody>()).error.code).toBe('catalogue.entry_linked');
  });

  it('should give the statistics per school and for the district, and an export whose totals equal them', async () => {
    const s = await json<TrainingStatistics>(
      await call(app, 'GET', `/api/v1/statistics?year=${YEAR}`, { token: TOKENS.reviewerA }),
    );
    expect(s.mode).toBe('require');
    expect(s.schools.map((r) => r.code)).toEqual([SCHOOLS.A1.code, SCHOOLS.A2.code]);
    expect(s.missing.map((m) => m.code)).toEqual([SCHOOLS.A3.code]);
    // All levels as counted under require, with the list group linked: 张三 66, 李四 46; 王五 46, 赵六 54.
    expect(s.district).toMatchObject({
      fullTimeTeachers: 4,
      buckets: { upTo36: 0, upTo72: 4, upTo108: 0, over108: 0 },
      publicBudget: 2_000_000,
      trainingFunds: 120_000,
      fundsShare: 0.06,
    });
    expect(s.district.levels).toEqual({
      国家级: { teachers: 0, hours: 0 },
      省级: { teachers: 0, hours: 0 },
      市级: { teachers: 1, hours: 30 },
      区级: { teachers: 4, hours: 62 + 12 + 42 + 50 },
      校级: { teachers: 4, hours: 16 },
    });

    const res = await call(app, 'GET', `/api/v1/statistics/export?year=${YEAR}`, { token: TOKENS.reviewerA });
    expect(res.headers.get('Content-Type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets).toHaveLength(1);
    const rows: (string | number | null)[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as (string | number | null)[]).slice(1)));
    const line = (r: TrainingStatistics['district']) => [
      r.fullTimeTeachers,
      r.buckets.upTo36,
      r.buckets.upTo72,
      r.buckets.upTo108,
      r.buckets.over108,
      ...(['国家级', '省级', '市级', '区级', '校级'] as const).flatMap((l) => [
        r.levels[l].teachers,
        r.levels[l].hours,
      ]),
      r.publicBudget,
      r.trainingFunds,
      r.fundsShare,
    ];
    const total = rows.find((r) => r[0] === '合计')!;
    expect(total.slice(2)).toEqual(line(s.district));
    for (const school of s.schools) expect(rows.find((r) => r[0] === school.code)!.slice(2)).toEqual(line(school));
    expect(rows.filter((r) => typeof r[2] === 'number')).toHaveLength(s.schools.length + 1);
  });

  it('should export the catalogue as a workbook the import reads back unchanged', async () => {
    const res = await call(app, 'GET', `/api/v1/catalogue/${YEAR}/export`, { token: TOKENS.reviewerA });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('培训项目目录')!;
    const rows: EncodedCell[][] = [];
    sheet.eachRow((row) => rows.push((row.values as EncodedCell[]).slice(1).map((v) => v ?? null)));
    expect(rows[0]).toEqual([
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
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      'LX2025-001',
      'LX2025-002',
      'LX2025-003',
      'LX2025-004',
      `Q${YEAR}-001`,
    ]);
    const back = await json<CatalogueImportResult>(await importCatalogue({ sheets: [{ name: '培训项目目录', rows }] }));
    expect(back.imported).toEqual({ added: 0, updated: 5, attendees: 0 });
    expect(back.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it("should match against an entry's edited hours at once, however often the catalogue was read", async () => {
    // Every evaluation above read this catalogue (the worker keeps its index between them): an edit
    // that leaves the entries as many as before must still reach the next evaluation.
    const edit = await call(app, 'PUT', `/api/v1/catalogue/${YEAR}/entries/LX2025-004`, {
      token: TOKENS.reviewerA,
      body: {
        course: '师德师风专题培训',
        level: '区级',
        category: '师德师风',
        form: '集中面授',
        startDate: y('09-01'),
        endDate: y('09-30'),
        hours: 6,
        organizer: '区教师发展中心',
      },
    });
    expect(edit.status).toBe(200);
    const c2 = await complianceOf(a2.submission.id);
    expect(c2.recognition.records.find((r) => r.row === 7)).toMatchObject({
      course: '师德师风专题培训',
      status: 'hours_exceed',
      code: 'LX2025-004',
      countedHours: 6,
    });
  });
});
