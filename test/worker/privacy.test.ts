import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import { decodeWorkbook, encodeWorkbook } from '../../shared/grid.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { call, newKey, revised, SCHOOLS, seedTenants, submit, TOKENS, testApp, YEAR } from './helpers.js';

/** A generated school (every sheet, about 30 teachers) moved to A1's code. */
function schoolWorkbook() {
  const grid = generateSchool({ seed: 7, teachers: 30, year: YEAR, withDuties: true, withMilestones: true });
  const school = grid.sheets.find((s) => s.name === '学校概况')!;
  for (const row of school.rows) if (row[0] === '学校代码') row[1] = SCHOOLS.A1.code;
  return encodeWorkbook(grid);
}

function idsOf(workbook: ReturnType<typeof schoolWorkbook>): string[] {
  const roster = decodeWorkbook(workbook).sheets.find((s) => s.name === '教师名册')!;
  const col = roster.rows[0]!.indexOf('身份证号');
  return roster.rows.slice(1).map((r) => String(r[col]));
}

describe('personal data', () => {
  const app = testApp();
  const workbook = schoolWorkbook();
  const ids = idsOf(workbook);
  const logged: string[] = [];
  const capture = (...args: unknown[]) => {
    logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  };
  let receipt: SubmissionReceipt;

  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);
    vi.spyOn(console, 'warn').mockImplementation(capture);
    await seedTenants();
    const res = await submit(app, TOKENS.clerkA1, workbook, { gzip: true });
    expect(res.status).toBe(201);
    receipt = await res.json<SubmissionReceipt>();
  });
  afterAll(() => vi.restoreAllMocks());

  const containsAnId = (text: string) => ids.filter((id) => text.includes(id) || text.includes(id.slice(0, 17)));

  it('should have read a workbook with full ID numbers', () => {
    expect(ids.length).toBe(30);
    expect(ids.every((id) => /^\d{17}[\dX]$/.test(id))).toBe(true);
    expect(receipt.submission.counts.teachers).toBe(30);
  });

  it('should return no full ID number in any reviewer-facing response', async () => {
    const id = receipt.submission.id;
    const paths = [
      `/api/v1/bureau/summary?year=${YEAR}`,
      `/api/v1/bureau/teachers?year=${YEAR}&pageSize=500`,
      `/api/v1/bureau/schools/${SCHOOLS.A1.code}?year=${YEAR}`,
      `/api/v1/bureau/export?year=${YEAR}&format=csv`,
      `/api/v1/bureau/exports/summary?year=${YEAR}&format=csv`,
      `/api/v1/bureau/exports/teachers?year=${YEAR}&format=csv`,
      `/api/v1/submissions?year=${YEAR}`,
      `/api/v1/submissions/${id}`,
      `/api/v1/submissions/${id}/compliance`,
      `/api/v1/submissions/${id}/diff`,
    ];
    for (const path of paths) {
      const res = await call(app, 'GET', path, { token: TOKENS.reviewerA });
      expect(res.status, path).toBe(200);
      expect(containsAnId(await res.text()), path).toEqual([]);
    }
    expect(containsAnId(JSON.stringify(receipt))).toEqual([]);
  });

  it('should store no ID number in plain text', async () => {
    const tables = ['teachers', 'trainings', 'duties', 'milestones', 'submissions', 'idempotency_keys', 'audit_log'];
    for (const table of tables) {
      const rows = await env.DB.prepare(`SELECT * FROM ${table}`).all();
      expect(containsAnId(JSON.stringify(rows.results)), table).toEqual([]);
    }
  });

  it('should give the full numbers only in the admin export, and audit it without them', async () => {
    const res = await call(app, 'GET', `/api/v1/admin/export?year=${YEAR}&bureau=A&format=csv`, {
      token: TOKENS.admin,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(ids.every((id) => text.includes(`"${id}"`))).toBe(true);
    const audit = await env.DB.prepare("SELECT details FROM audit_log WHERE action = 'export.full'").all<{
      details: string;
    }>();
    expect(audit.results).toHaveLength(1);
    expect(JSON.parse(audit.results[0]!.details)).toMatchObject({ bureau: 'A', year: YEAR, teachers: 30 });
  });

  it('should log no full ID number, even for rejected and failing requests', async () => {
    const broken = structuredClone(workbook);
    const roster = broken.sheets.find((s) => s.name === '教师名册')!;
    roster.rows[1]![roster.rows[0]!.indexOf('身份证号')] =
      `${ids[0]!.slice(0, 17)}${ids[0]!.endsWith('1') ? '2' : '1'}`;
    expect((await submit(app, TOKENS.clerkA1, broken)).status).toBe(400);
    const failing = testApp({
      faults: (step) => {
        if (step === 'stage-trainings') throw new Error(`fault while storing ${ids[1]}`);
      },
    });
    expect((await submit(failing, TOKENS.clerkA1, revised(workbook), { key: newKey() })).status).toBe(500);
    await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      rawBody: `{"year": ${YEAR}, "workbook": ${ids[2]}`,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': newKey() },
    });
    expect(logged.length).toBeGreaterThan(5);
    expect(containsAnId(logged.join('\n'))).toEqual([]);
  });
});
