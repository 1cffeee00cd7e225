import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import { decodeWorkbook } from '../../shared/grid.js';
import { buildRecordSet } from '../../shared/history/index.js';
import { DEFAULT_POLICY, evaluateCompliance } from '../../shared/policy/index.js';
import { toValidateJson, validateWorkbook } from '../../shared/validate/index.js';
import {
  buildWorkbook,
  call,
  makeId,
  newKey,
  passingTrainings,
  revised,
  SCHOOLS,
  seedTenants,
  submit,
  type TeacherSpec,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';

const teachers: TeacherSpec[] = [
  { name: '张三', id: makeId(1, '男'), gender: '男' },
  { name: '李四', id: makeId(2, '女'), gender: '女' },
];
const workbook = buildWorkbook(SCHOOLS.A1, teachers, passingTrainings(teachers[0]!));

async function versions(school: string): Promise<number> {
  const r = await env.DB.prepare("SELECT COUNT(*) AS n FROM submissions WHERE school_code = ?1 AND status <> 'staging'")
    .bind(school)
    .first<{ n: number }>();
  return r!.n;
}

describe('POST /api/v1/submissions', () => {
  const app = testApp();
  beforeAll(seedTenants);

  it('should store a valid workbook and return the same compliance as the shared engine', async () => {
    const res = await submit(app, TOKENS.clerkA1, workbook);
    expect(res.status).toBe(201);
    const receipt = await res.json<SubmissionReceipt>();
    expect(receipt.outcome).toBe('stored');
    expect(receipt.submission).toMatchObject({
      schoolCode: SCHOOLS.A1.code,
      year: YEAR,
      version: 1,
      current: true,
      status: 'pending',
    });
    expect(receipt.submission.counts).toEqual({ teachers: 2, trainings: 2, duties: 0, milestones: 0 });
    const local = validateWorkbook(decodeWorkbook(workbook), { year: YEAR }).records;
    // The bureau holds no other ledger of these teachers: the history is empty, and included.
    const empty = { sources: [], teachers: local.teachers.map(() => ({ trainings: [], duties: [], milestones: [] })) };
    const expected = evaluateCompliance(buildRecordSet(local, YEAR, empty), DEFAULT_POLICY, {
      year: YEAR,
      asOf: `${YEAR}-12-31`,
    });
    expect(expected.historyIncluded).toBe(true);
    expect(receipt.compliance).toEqual(expected);
    expect(receipt.submission.summary).toEqual(expected.school.summary);
  });

  it('should answer a retry with the same Idempotency-Key with the first receipt and store one version', async () => {
    const key = newKey();
    const before = await versions(SCHOOLS.A1.code);
    const next = revised(workbook);
    const first = await submit(app, TOKENS.clerkA1, next, { key });
    const second = await submit(app, TOKENS.clerkA1, next, { key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await versions(SCHOOLS.A1.code)).toBe(before + 1);
  });

  it('should refuse the same key with a different body (422)', async () => {
    const key = newKey();
    expect((await submit(app, TOKENS.clerkA1, revised(workbook), { key })).status).toBe(201);
    const other = buildWorkbook(SCHOOLS.A1, teachers.slice(0, 1), []);
    const res = await submit(app, TOKENS.clerkA1, other, { key });
    expect(res.status).toBe(422);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('idempotency.key_reused');
  });

  it('should require an Idempotency-Key', async () => {
    const res = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook },
    });
    expect(res.status).toBe(400);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('idempotency.key_required');
  });

  it('should turn a submission from a stale version into 409 submission.version_conflict', async () => {
    const list = await (await call(app, 'GET', `/api/v1/submissions?year=${YEAR}`, { token: TOKENS.clerkA1 })).json<{
      items: { version: number; current: boolean }[];
    }>();
    const current = list.items.find((i) => i.current)!.version;
    const a = await submit(app, TOKENS.clerkA1, revised(workbook), { ifMatch: `"${current}"` });
    expect(a.status).toBe(201);
    const b = await submit(app, TOKENS.clerkA1, revised(workbook), { ifMatch: `"${current}"` });
    expect(b.status).toBe(409);
    const err = await b.json<ApiErrorBody>();
    expect(err.error.code).toBe('submission.version_conflict');
    expect(err.error.details).toEqual({ expectedVersion: current, currentVersion: current + 1 });
  });

  it('should reject a tampered workbook with exactly the findings the validator gives', async () => {
    const tampered = structuredClone(workbook);
    const idCell = tampered.sheets[1]!.rows[1]!;
    idCell[1] = `${String(idCell[1]).slice(0, 17)}${String(idCell[1]).endsWith('0') ? '1' : '0'}`;
    tampered.sheets[2]!.rows[1]![8] = 999;
    const res = await submit(app, TOKENS.clerkA1, tampered);
    expect(res.status).toBe(400);
    const err = await res.json<ApiErrorBody>();
    expect(err.error.code).toBe('submission.invalid');
    const local = toValidateJson(validateWorkbook(decodeWorkbook(tampered), { year: YEAR }));
    expect((err.error.details as { findings: unknown }).findings).toEqual(local.findings);
    expect(local.findings.some((f) => f.code === 'id_number.checksum')).toBe(true);
    expect(local.findings.some((f) => f.code === 'number.range')).toBe(true);
  });

  it("should refuse a workbook of another school than the token's", async () => {
    const res = await submit(app, TOKENS.clerkA1, buildWorkbook(SCHOOLS.A2, teachers, []));
    expect(res.status).toBe(400);
    expect((await res.json<ApiErrorBody>()).error.code).toBe('submission.school_mismatch');
  });

  it('should accept a gzip body', async () => {
    const res = await submit(app, TOKENS.clerkA2, buildWorkbook(SCHOOLS.A2, teachers, []), { gzip: true });
    expect(res.status).toBe(201);
  });

  it('should answer 413 when the body, plain or decompressed, is over the limit', async () => {
    const big = buildWorkbook(SCHOOLS.A1, teachers, []);
    big.sheets[1]!.rows[1]![16] = 'x'.repeat(30_000);
    const limit = { MAX_BODY_BYTES: '20000' };
    const headers = { 'Idempotency-Key': newKey() };
    const plain = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook: big },
      headers,
      env: limit,
    });
    expect(plain.status).toBe(413);
    const zipped = await call(app, 'POST', '/api/v1/submissions', {
      token: TOKENS.clerkA1,
      body: { year: YEAR, workbook: big },
      headers,
      env: limit,
      gzip: true,
    });
    expect(zipped.status).toBe(413);
    expect((await zipped.json<ApiErrorBody>()).error.code).toBe('request.too_large');
  });
});

// Same file, same storage: the tenants seeded above.
describe('concurrent submissions', () => {
  const app = testApp();

  it('should store one version when the same key is sent five times at once, and answer all five with it', async () => {
    const key = newKey();
    const before = await versions(SCHOOLS.A1.code);
    const next = revised(workbook);
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(app, TOKENS.clerkA1, next, { key })));
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const receipts = await Promise.all(answers.map((r) => r.json<SubmissionReceipt>()));
    expect(new Set(receipts.map((r) => r.submission.id)).size).toBe(1);
    expect(await versions(SCHOOLS.A1.code)).toBe(before + 1);
    const staging = await env.DB.prepare("SELECT COUNT(*) AS n FROM submissions WHERE status = 'staging'").first<{
      n: number;
    }>();
    expect(staging!.n).toBe(0);
  });

  it('should store one of two clerks submitting at once and answer the other 409', async () => {
    const before = await versions(SCHOOLS.A1.code);
    const next = revised(workbook);
    const answers = await Promise.all([submit(app, TOKENS.clerkA1, next), submit(app, TOKENS.clerkA1, next)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await versions(SCHOOLS.A1.code)).toBe(before + 1);
  });
});
