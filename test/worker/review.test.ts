/**
 * Review states of archive.md §3 through the typed client: pending, returned, approved and
 * superseded; a new version after an approval is pending again and marked changed after approval;
 * the same records again are answered unchanged and store nothing. Each test works on a school and
 * teachers of its own, so the tests pass alone and in any order.
 */
import { env } from 'cloudflare:workers';
import { hc } from 'hono/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { submitWorkbook } from '../../client/index.js';
import type { SubmissionSummary } from '../../shared/api/responses.js';
import { decodeWorkbook, type EncodedWorkbook } from '../../shared/grid.js';
import type { AppType } from '../../worker/index.js';
import {
  buildWorkbook,
  makeId,
  newKey,
  passingTrainings,
  revised,
  SCHOOLS,
  seedTenants,
  type TeacherSpec,
  TOKENS,
  testApp,
  YEAR,
} from './helpers.js';

const app = testApp();
const inProcess = async (input: RequestInfo | URL, init?: RequestInit) =>
  app.request(input instanceof Request ? input : String(input), init, env);
const client = (token: string) =>
  hc<AppType>('http://shixun.test', { headers: { Authorization: `Bearer ${token}` }, fetch: inProcess }).api.v1;

const teacher = (seq: number): TeacherSpec => ({
  name: `审核${'甲乙丙'[seq % 3]}`,
  id: makeId(seq, '男', '19800505'),
  gender: '男',
});

async function send(token: string, workbook: EncodedWorkbook) {
  const res = await client(token).submissions.$post(
    { json: { year: YEAR, workbook } },
    { headers: { 'Idempotency-Key': newKey() } },
  );
  const body = await res.json();
  return { status: res.status as number, body: body as Extract<typeof body, { submission: unknown }> };
}

async function versions(token: string, school: string): Promise<SubmissionSummary[]> {
  const res = await client(token).submissions.$get({ query: { year: String(YEAR) } });
  return (await res.json()).items.filter((i) => i.schoolCode === school).sort((a, b) => a.version - b.version);
}

async function review(id: string, decision: 'approve' | 'return', comment?: string) {
  return client(TOKENS.reviewerA).submissions[':id'].review.$post({
    param: { id },
    json: comment ? { decision, comment } : { decision },
  });
}

describe('review states', () => {
  beforeAll(seedTenants);

  it('should supersede the replaced version, and make a new version after an approval pending and changed after approval', async () => {
    const ledger = buildWorkbook(SCHOOLS.A1, [teacher(81)], passingTrainings(teacher(81)));
    const v1 = await send(TOKENS.clerkA1, ledger);
    expect(v1.status).toBe(201);
    expect(v1.body.submission).toMatchObject({ status: 'pending', changedAfterApproval: null, current: true });
    expect((await review(v1.body.submission.id, 'approve')).status).toBe(200);

    const v2 = await send(TOKENS.clerkA1, revised(ledger));
    expect(v2.status).toBe(201);
    expect(v2.body.outcome).toBe('stored');
    expect(v2.body.submission).toMatchObject({
      status: 'pending',
      changedAfterApproval: { approvedVersion: v1.body.submission.version },
    });
    const listed = await versions(TOKENS.clerkA1, SCHOOLS.A1.code);
    const byId = new Map(listed.map((v) => [v.id, v]));
    expect(byId.get(v1.body.submission.id)).toMatchObject({ status: 'superseded', current: false });
    // The superseded version keeps who reviewed it; it can no longer be reviewed.
    expect(byId.get(v1.body.submission.id)!.review.reviewedBy).toBe(`label ${TOKENS.reviewerA}`);
    expect((await review(v1.body.submission.id, 'return', '旧版本')).status).toBe(409);

    expect((await review(v2.body.submission.id, 'return', '请补录培训记录')).status).toBe(200);
    const v3 = await send(TOKENS.clerkA1, revised(ledger));
    expect(v3.body.submission).toMatchObject({
      status: 'pending',
      changedAfterApproval: { approvedVersion: v1.body.submission.version },
    });
    const after = new Map((await versions(TOKENS.reviewerA, SCHOOLS.A1.code)).map((v) => [v.id, v]));
    expect(after.get(v2.body.submission.id)).toMatchObject({
      status: 'superseded',
      review: { comment: '请补录培训记录' },
    });
    expect([...after.values()].filter((v) => v.current).map((v) => v.id)).toEqual([v3.body.submission.id]);
    expect([...after.values()].filter((v) => v.status !== 'superseded').map((v) => v.id)).toEqual([
      v3.body.submission.id,
    ]);

    // Approving the new version: the next one is marked as changed after that approval.
    expect((await review(v3.body.submission.id, 'approve')).status).toBe(200);
    const v4 = await send(TOKENS.clerkA1, revised(ledger));
    expect(v4.body.submission.changedAfterApproval).toEqual({ approvedVersion: v3.body.submission.version });
  });

  it('should answer the same records again as unchanged, storing nothing, however the cells were encoded', async () => {
    const t = teacher(82);
    const ledger = buildWorkbook(SCHOOLS.A2, [t], passingTrainings(t));
    const first = await send(TOKENS.clerkA2, ledger);
    expect(first.status).toBe(201);
    const before = await versions(TOKENS.clerkA2, SCHOOLS.A2.code);

    const again = await send(TOKENS.clerkA2, ledger);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    expect(again.body.submission.id).toBe(first.body.submission.id);
    expect(again.body.compliance).toEqual(first.body.compliance);

    // Hours as text and a date as a date cell: other cells, the same records.
    const recoded = structuredClone(ledger);
    const trainings = recoded.sheets.find((s) => s.name === '培训记录')!;
    trainings.rows[1]![8] = String(trainings.rows[1]![8]);
    trainings.rows[1]![6] = { d: `${String(trainings.rows[1]![6])}T00:00:00.000Z` };
    expect((await send(TOKENS.clerkA2, recoded)).body.outcome).toBe('unchanged');

    const counts = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM submissions WHERE school_code = ?1 AND status <> 'staging'",
    )
      .bind(SCHOOLS.A2.code)
      .first<{ n: number }>();
    expect(counts!.n).toBe(before.length);
    expect(await versions(TOKENS.clerkA2, SCHOOLS.A2.code)).toEqual(before);

    // One record different: a new version.
    const changed = structuredClone(ledger);
    changed.sheets.find((s) => s.name === '培训记录')!.rows[1]![8] = 179;
    expect((await send(TOKENS.clerkA2, changed)).status).toBe(201);
  });

  it('should tell the submit client of the pane and the CLI that nothing changed', async () => {
    const t = teacher(83);
    const ledger = buildWorkbook(SCHOOLS.B1, [t], passingTrainings(t));
    const sent = (workbook: EncodedWorkbook) =>
      submitWorkbook({
        server: 'http://shixun.test',
        token: TOKENS.clerkB1,
        year: YEAR,
        workbook: decodeWorkbook(workbook),
        fetch: inProcess,
      });
    const first = await sent(ledger);
    expect(first).toMatchObject({ ok: true, unchanged: false });
    const second = await sent(ledger);
    expect(second).toMatchObject({ ok: true, unchanged: true });
    if (first.ok && second.ok) expect(second.receipt.id).toBe(first.receipt.id);
  });
});
