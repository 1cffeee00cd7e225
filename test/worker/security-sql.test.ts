/**
 * SQL is parameterized: every free-text field of a workbook, and every text the admin, reviewer and
 * policy routes take, carries quotes, semicolons, comment markers and a DROP TABLE — and is read
 * back exactly as sent, with every table still there and no other row touched.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BureauInfo,
  BureauSummary,
  PolicyResponse,
  SchoolInfo,
  SubmissionDetail,
  SubmissionReceipt,
  TeacherPage,
  TokenInfo,
} from '../../shared/api/responses.js';
import { SHEET_LIST } from '../../shared/contract/sheets.js';
import { encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { tableCounts } from './faults-kit.js';
import { call, newKey, revised, SCHOOLS, seedTenants, TOKENS, testApp, YEAR } from './helpers.js';

const app = testApp();

/** What an attacker types into a text cell. */
const PAYLOADS = [
  `'); DROP TABLE teachers; --`,
  `"; DELETE FROM submissions; --`,
  `x' OR '1'='1`,
  '/* 注释 */ SELECT * FROM tokens; --',
  `a'';--b`,
  `\\'; UPDATE tokens SET role = 'admin' --`,
  `%_ 百分号'下划线" ; --`,
  `Robert'); DROP TABLE x; --`,
];

const payload = (i: number, max = 100) => `${PAYLOADS[i % PAYLOADS.length]} ${i}`.slice(0, max);

/**
 * Every free-text column (kind 'text') of every sheet gets a payload, except the name and school code
 * that must match other cells (their checks refuse such text before any SQL: see the last test).
 */
function poison(grid: WorkbookGrid): Map<string, string[]> {
  const sent = new Map<string, string[]>();
  for (const def of SHEET_LIST) {
    const sheet = grid.sheets.find((s) => s.name === def.name);
    if (!sheet) continue;
    for (const col of def.columns) {
      if (col.type.kind !== 'text' || col.key === 'name' || col.key === 'schoolCode') continue;
      const max = col.type.maxLength ?? 100;
      const values: string[] = [];
      if (def.keyValue) {
        const row = sheet.rows.find((r) => r[0] === col.header)!;
        row[1] = payload(0, max);
        values.push(row[1]);
      } else {
        const c = sheet.rows[0]!.indexOf(col.header);
        for (let r = 1; r < sheet.rows.length; r++) {
          const v = payload(r, max);
          sheet.rows[r]![c] = v;
          values.push(v);
        }
      }
      sent.set(`${def.key}.${col.key}`, values);
    }
  }
  return sent;
}

function schoolGrid(): WorkbookGrid {
  const grid = generateSchool({ seed: 77, teachers: 12, year: YEAR, withDuties: true, withMilestones: true });
  const school = grid.sheets.find((s) => s.name === '学校概况')!;
  school.rows.find((r) => r[0] === '学校代码')![1] = SCHOOLS.A1.code;
  return grid;
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(300);
  return JSON.parse(text) as T;
}

const tableNames = async () =>
  (
    await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all<{ name: string }>()
  ).results.map((r) => r.name);

describe('SQL with hostile text', () => {
  let tablesBefore: string[] = [];
  let receipt: SubmissionReceipt;
  let sent: Map<string, string[]>;

  beforeAll(async () => {
    await seedTenants();
    tablesBefore = await tableNames();
    const grid = schoolGrid();
    sent = poison(grid);
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook: encodeWorkbook(grid) },
      headers: { 'Idempotency-Key': newKey() },
    });
    receipt = await json<SubmissionReceipt>(res);
  });

  it('should store the workbook whose every free-text cell is hostile', () => {
    expect(receipt.submission.counts.teachers).toBe(12);
    expect([...sent.keys()].sort()).toEqual([
      'duties.projectLed',
      'school.schoolName',
      'teachers.note',
      'trainings.catalogueCode',
      'trainings.certificate',
      'trainings.course',
      'trainings.organizer',
    ]);
  });

  it('should read the school name back intact through the API', async () => {
    const detail = await json<SubmissionDetail>(
      await call(app, 'GET', `/api/v1/submissions/${receipt.submission.id}`, { token: TOKENS.reviewerA }),
    );
    expect(detail.school.name).toBe(sent.get('school.schoolName')![0]);
  });

  it('should store every course, organizer, certificate, 项目编号 and project exactly as sent, row by row', async () => {
    const id = receipt.submission.id;
    const trainings = await env.DB.prepare(
      'SELECT row, course, organizer, certificate, catalogue_code FROM trainings WHERE submission_id = ?1 ORDER BY row',
    )
      .bind(id)
      .all<{ row: number; course: string; organizer: string; certificate: string; catalogue_code: string }>();
    expect(trainings.results.length).toBe(receipt.submission.counts.trainings);
    for (const t of trainings.results) {
      expect(t.course).toBe(sent.get('trainings.course')![t.row - 2]);
      expect(t.catalogue_code).toBe(sent.get('trainings.catalogueCode')![t.row - 2]);
      expect(t.organizer).toBe(sent.get('trainings.organizer')![t.row - 2]);
      expect(t.certificate).toBe(sent.get('trainings.certificate')![t.row - 2]);
    }
    const duties = await env.DB.prepare('SELECT row, project_led FROM duties WHERE submission_id = ?1 ORDER BY row')
      .bind(id)
      .all<{ row: number; project_led: string }>();
    expect(duties.results.length).toBeGreaterThan(0);
    for (const d of duties.results) expect(d.project_led).toBe(sent.get('duties.projectLed')![d.row - 2]);
  });

  it('should read a hostile review comment back intact', async () => {
    const comment = `退回：${PAYLOADS.join(' | ')}`;
    await json(
      await call(app, 'POST', `/api/v1/submissions/${receipt.submission.id}/review`, {
        token: TOKENS.reviewerA,
        body: { decision: 'return', comment },
      }),
    );
    const clerkView = await json<SubmissionDetail>(
      await call(app, 'GET', `/api/v1/submissions/${receipt.submission.id}`, { token: TOKENS.clerkA1 }),
    );
    expect(clerkView.submission.review.comment).toBe(comment);
  });

  it('should read a hostile policy id back intact, and evaluate the next submission under it', async () => {
    const id = PAYLOADS[0]!;
    await json(await call(app, 'PUT', `/api/v1/policies/${YEAR}?bureau=A`, { token: TOKENS.admin, body: { id } }));
    const policy = await json<PolicyResponse>(
      await call(app, 'GET', `/api/v1/policies/${YEAR}`, { token: TOKENS.reviewerA }),
    );
    expect((policy.file as { id: string }).id).toBe(id);
    const grid = schoolGrid();
    poison(grid);
    const next = await json<SubmissionReceipt>(
      await call(app, 'POST', '/api/v1/submissions', {
        token: TOKENS.clerkA1,
        body: { year: YEAR, workbook: revised(encodeWorkbook(grid)) },
        headers: { 'Idempotency-Key': newKey() },
      }),
    );
    expect(next.compliance.policy.id).toBe(id);
  });

  it('should read hostile bureau, school, type and token labels back intact through the admin routes', async () => {
    const bureauName = PAYLOADS[1]!;
    await json(
      await call(app, 'POST', '/api/v1/admin/bureaus', { token: TOKENS.admin, body: { id: 'inj', name: bureauName } }),
    );
    const school = { code: `99'; --`, name: PAYLOADS[7]!, type: `'小学'--`, rural: true, bureauId: 'inj' };
    await json(await call(app, 'POST', '/api/v1/admin/schools', { token: TOKENS.admin, body: school }));
    const label = PAYLOADS[5]!;
    await json(
      await call(app, 'POST', '/api/v1/admin/tokens', {
        token: TOKENS.admin,
        body: { role: 'reviewer', bureauId: 'inj', label },
      }),
    );

    const bureaus = await json<{ items: BureauInfo[] }>(
      await call(app, 'GET', '/api/v1/admin/bureaus', { token: TOKENS.admin }),
    );
    expect(bureaus.items.find((b) => b.id === 'inj')?.name).toBe(bureauName);
    const schools = await json<{ items: SchoolInfo[] }>(
      await call(app, 'GET', '/api/v1/admin/schools?bureau=inj', { token: TOKENS.admin }),
    );
    expect(schools.items).toEqual([
      expect.objectContaining({ code: school.code, name: school.name, type: school.type, rural: true }),
    ]);
    const tokens = await json<{ items: TokenInfo[] }>(
      await call(app, 'GET', '/api/v1/admin/tokens', { token: TOKENS.admin }),
    );
    expect(tokens.items.some((t) => t.label === label)).toBe(true);
    const summary = await json<BureauSummary>(
      await call(app, 'GET', '/api/v1/bureau/summary?bureau=inj', { token: TOKENS.admin }),
    );
    expect(summary.bureau.name).toBe(bureauName);
    expect(summary.schools.map((s) => s.name)).toEqual([school.name]);
  });

  it("should treat a hostile name search as text: no match, no error, and LIKE's % and _ as literals", async () => {
    for (const q of [`'); DROP TABLE teachers; --`, '%', '_', `' OR '1'='1`]) {
      const page = await json<TeacherPage>(
        await call(app, 'GET', `/api/v1/bureau/teachers?year=${YEAR}&q=${encodeURIComponent(q)}`, {
          token: TOKENS.reviewerA,
        }),
      );
      expect(page.total, q).toBe(0);
    }
    const all = await json<TeacherPage>(
      await call(app, 'GET', `/api/v1/bureau/teachers?year=${YEAR}`, { token: TOKENS.reviewerA }),
    );
    expect(all.total).toBe(12);
  });

  it('should refuse hostile text in a teacher name before any SQL (the name check), with the cell named', async () => {
    const grid = schoolGrid();
    const roster = grid.sheets.find((s) => s.name === '教师名册')!;
    roster.rows[1]![0] = PAYLOADS[0]!;
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook: encodeWorkbook(grid) },
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(res.status).toBe(400);
    const err = await res.json<{
      error: { code: string; details: { findings: { code: string; sheet?: string; cell?: string }[] } };
    }>();
    expect(err.error.code).toBe('submission.invalid');
    expect(err.error.details.findings.some((f) => f.code === 'text.invalid' && f.cell === 'A2')).toBe(true);
  });

  it('should leave every table in place, with exactly the rows the requests above wrote', async () => {
    expect(await tableNames()).toEqual(tablesBefore);
    const counts = await tableCounts();
    expect(counts).toMatchObject({ bureaus: 3, schools: 5, submissions: 2, current_submissions: 1, teachers: 24 });
  });
});
