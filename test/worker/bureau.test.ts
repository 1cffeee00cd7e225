import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BureauSummary,
  SubmissionDiff,
  SubmissionList,
  SubmissionReceipt,
  TeacherPage,
} from '../../shared/api/responses.js';
import {
  buildWorkbook,
  call,
  makeId,
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

/**
 * The hand-computed district: bureau A has A1 (urban: 赵一, 钱二 pass; 孙三 fails everything),
 * A2 (rural: 李四 passes, 周五 fails; training funds under 5%) and A3 (missing). Every test reads
 * it as beforeAll left it: the tests that write (new versions, reviews) do so in bureau B's school
 * with teachers of their own, and the exports set the hostile name they read, so that any test
 * passes alone and in any order.
 */
const t = (name: string, seq: number, gender: '男' | '女', extra: Partial<TeacherSpec> = {}): TeacherSpec => ({
  name,
  id: makeId(seq, gender),
  gender,
  ...extra,
});
const zhao = t('赵一', 31, '男', { backbone: '区级骨干教师', backboneLevel: '区级' });
const qian = t('钱二', 32, '女', { studioRole: '发展对象' });
const sun = t('孙三', 33, '男', { backbone: '校级骨干教师', backboneLevel: '校级' });
const li = t('李四', 34, '女');
const zhou = t('周五', 35, '男', { studioRole: '发展对象' });

const a1 = buildWorkbook(SCHOOLS.A1, [zhao, qian, sun], [...passingTrainings(zhao), ...passingTrainings(qian)]);
const a2 = buildWorkbook({ ...SCHOOLS.A2, trainingFunds: 10_000 }, [li, zhou], passingTrainings(li));

/** Bureau B's school, for the tests that write: its own teachers, in another region. */
const b = (name: string, seq: number, gender: '男' | '女'): TeacherSpec => ({
  name,
  id: makeId(seq, gender, '19860101', '320482'),
  gender,
});
const feng = b('冯七', 61, '男');
const chen = b('陈八', 62, '女');
const chu = b('褚九', 63, '男');
const wei = b('卫十', 64, '女');
const b1 = buildWorkbook(SCHOOLS.B1, [feng, chen, chu], [...passingTrainings(feng), ...passingTrainings(chen)]);
const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;
const HOSTILE_NAME = '=HYPERLINK("http://x","点我")';

describe('bureau views', () => {
  const app = testApp();
  let a1Receipt: SubmissionReceipt;

  beforeAll(async () => {
    await seedTenants();
    a1Receipt = await (await submit(app, TOKENS.clerkA1, a1)).json<SubmissionReceipt>();
    expect((await submit(app, TOKENS.clerkA2, a2)).status).toBe(201);
  });

  it('should compute the summary of a hand-computed district', async () => {
    const res = await call(app, 'GET', `/api/v1/bureau/summary?year=${YEAR}`, { token: TOKENS.reviewerA });
    expect(res.status).toBe(200);
    const s = await res.json<BureauSummary>();
    expect(s.bureau).toEqual({ id: 'A', name: '梁溪区教育局' });
    expect(s.deadline).toBe(`${YEAR}-12-31`);
    expect(s.daysLeft).toBe(-60);
    expect(s.schools.map((r) => [r.code, r.status, r.teachers, r.pass, r.warn, r.fail, r.passRate])).toEqual([
      [SCHOOLS.A1.code, 'pending', 3, 2, 0, 1, 0.6667],
      [SCHOOLS.A2.code, 'pending', 2, 1, 0, 1, 0.5],
      [SCHOOLS.A3.code, 'missing', 0, 0, 0, 0, 0],
    ]);
    expect(s.schools.map((r) => r.schoolStatus)).toEqual(['pass', 'fail', null]);
    expect(s.totals).toEqual({
      schools: 3,
      submitted: 2,
      missing: 1,
      approved: 0,
      returned: 0,
      teachers: 5,
      pass: 3,
      warn: 0,
      fail: 2,
      passRate: 0.6,
    });
    expect(s.rural).toEqual({
      rural: { schools: 1, submitted: 1, teachers: 2, pass: 1, warn: 0, fail: 1, passRate: 0.5 },
      urban: { schools: 2, submitted: 1, teachers: 3, pass: 2, warn: 0, fail: 1, passRate: 0.6667 },
    });
    expect(s.byRule).toEqual([
      { rule: 'annual_district_plus_hours', pass: 3, warn: 0, fail: 2 },
      { rule: 'cycle_hours', pass: 3, warn: 0, fail: 2 },
      { rule: 'ethics_training', pass: 3, warn: 0, fail: 2 },
      { rule: 'training_funds_share', pass: 1, warn: 0, fail: 1 },
      { rule: 'school_plan_submitted', pass: 2, warn: 0, fail: 0 },
    ]);
    expect(s.backbone).toEqual([
      { tier: '校级', teachers: 1, pass: 0, warn: 0, fail: 1, passRate: 0 },
      { tier: '区级', teachers: 1, pass: 1, warn: 0, fail: 0, passRate: 1 },
      { tier: '市级', teachers: 0, pass: 0, warn: 0, fail: 0, passRate: 0 },
      { tier: '省级', teachers: 0, pass: 0, warn: 0, fail: 0, passRate: 0 },
    ]);
    expect(s.studio).toEqual([
      { tier: '主持人', teachers: 0, pass: 0, warn: 0, fail: 0, passRate: 0 },
      { tier: '核心成员', teachers: 0, pass: 0, warn: 0, fail: 0, passRate: 0 },
      { tier: '发展对象', teachers: 2, pass: 1, warn: 0, fail: 1, passRate: 0.5 },
    ]);
  });

  it('should page and filter the teachers with masked IDs', async () => {
    const page = async (q: string) =>
      (
        await call(app, 'GET', `/api/v1/bureau/teachers?year=${YEAR}&${q}`, { token: TOKENS.reviewerA })
      ).json<TeacherPage>();
    const all = await page('pageSize=2');
    expect(all.total).toBe(5);
    expect(all.items.map((i) => i.name)).toEqual(['赵一', '钱二']);
    expect((await page('pageSize=2&page=3')).items.map((i) => i.name)).toEqual(['周五']);
    expect((await page('status=fail')).items.map((i) => i.name)).toEqual(['孙三', '周五']);
    expect((await page(`school=${SCHOOLS.A2.code}`)).items.map((i) => i.name)).toEqual(['李四', '周五']);
    expect((await page('rule=ethics_training')).items.map((i) => i.name)).toEqual(['孙三', '周五']);
    expect((await page(`q=${encodeURIComponent('李')}`)).items.map((i) => i.name)).toEqual(['李四']);
    expect((await page(`q=${encodeURIComponent("%' OR 1=1 --")}`)).total).toBe(0);
    const zhaoRow = all.items[0]!;
    expect(zhaoRow.idMasked).toBe(`${zhao.id.slice(0, 6)}********${zhao.id.slice(14)}`);
    expect(zhaoRow.hours).toBe(360);
    expect(zhaoRow.unmetRules).toEqual([]);
  });

  it('should diff a new version against the previous one', async () => {
    const first = await (await submit(app, TOKENS.clerkB1, revised(b1))).json<SubmissionReceipt>();
    const next = buildWorkbook(
      SCHOOLS.B1,
      [feng, chen, wei],
      [...passingTrainings(feng).slice(0, 1), ...passingTrainings(chen), ...passingTrainings(wei)],
    );
    const res = await submit(app, TOKENS.clerkB1, next, { ifMatch: `"${first.submission.version}"` });
    expect(res.status).toBe(201);
    const v2 = await res.json<SubmissionReceipt>();
    const diff = await (
      await call(app, 'GET', `/api/v1/submissions/${v2.submission.id}/diff`, { token: TOKENS.reviewerB })
    ).json<SubmissionDiff>();
    expect(diff).toEqual({
      id: v2.submission.id,
      version: first.submission.version + 1,
      previous: { id: first.submission.id, version: first.submission.version },
      added: [{ idMasked: mask(wei.id), name: '卫十' }],
      removed: [{ idMasked: mask(chu.id), name: '褚九' }],
      hoursChanged: [{ idMasked: mask(feng.id), name: '冯七', before: 360, after: 180 }],
      statusChanged: [{ idMasked: mask(feng.id), name: '冯七', before: 'pass', after: 'fail' }],
    });
    const firstDiff = await (
      await call(app, 'GET', `/api/v1/submissions/${a1Receipt.submission.id}/diff`, { token: TOKENS.clerkA1 })
    ).json<SubmissionDiff>();
    expect(firstDiff.previous).toBeNull();
    expect(firstDiff.added).toHaveLength(3);
  });

  it("should show the reviewer's return and comment to the clerk", async () => {
    const older = await (await submit(app, TOKENS.clerkB1, revised(b1))).json<SubmissionReceipt>();
    const current = (await (await submit(app, TOKENS.clerkB1, revised(b1))).json<SubmissionReceipt>()).submission;
    const missingComment = await call(app, 'POST', `/api/v1/submissions/${current.id}/review`, {
      token: TOKENS.reviewerB,
      body: { decision: 'return' },
    });
    expect(missingComment.status).toBe(400);
    const old = await call(app, 'POST', `/api/v1/submissions/${older.submission.id}/review`, {
      token: TOKENS.reviewerB,
      body: { decision: 'approve' },
    });
    expect(old.status).toBe(409);
    const res = await call(app, 'POST', `/api/v1/submissions/${current.id}/review`, {
      token: TOKENS.reviewerB,
      body: { decision: 'return', comment: '冯七的区级学时不足，请核实后重报' },
    });
    expect(res.status).toBe(200);
    const seen = await (
      await call(app, 'GET', `/api/v1/submissions?year=${YEAR}`, { token: TOKENS.clerkB1 })
    ).json<SubmissionList>();
    expect(seen.items.find((i) => i.current)).toMatchObject({
      id: current.id,
      status: 'returned',
      review: { comment: '冯七的区级学时不足，请核实后重报', reviewedBy: `label ${TOKENS.reviewerB}` },
    });
    const summary = await (
      await call(app, 'GET', `/api/v1/bureau/summary?year=${YEAR}`, { token: TOKENS.reviewerB })
    ).json<BureauSummary>();
    expect(summary.totals.returned).toBe(1);
  });

  it('should export CSV with a BOM and formulas neutralized', async () => {
    await env.DB.prepare('UPDATE schools SET name = ?1 WHERE code = ?2').bind(HOSTILE_NAME, SCHOOLS.A2.code).run();
    const res = await call(app, 'GET', `/api/v1/bureau/export?year=${YEAR}&format=csv`, { token: TOKENS.reviewerA });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(text).not.toMatch(/(^|,)"[=+\-@]/m);
    expect(text.split('\r\n')[0]).toContain('身份证号（脱敏）');
  });

  it('should export an .xlsx whose sheet holds the same rows', async () => {
    await env.DB.prepare('UPDATE schools SET name = ?1 WHERE code = ?2').bind(HOSTILE_NAME, SCHOOLS.A2.code).run();
    const res = await call(app, 'GET', `/api/v1/bureau/export?year=${YEAR}&format=xlsx`, { token: TOKENS.reviewerA });
    expect(res.status).toBe(200);
    const zip = new Uint8Array(await res.arrayBuffer());
    expect(String.fromCharCode(zip[0]!, zip[1]!)).toBe('PK');
    const sheet = await readZipEntry(zip, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<t xml:space="preserve">钱二</t>');
    expect(sheet).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)</t>');
    expect(sheet).not.toContain('<f>');
  });
});

/** Reads one deflated entry of a zip through its local header. */
async function readZipEntry(zip: Uint8Array, name: string): Promise<string> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let at = 0;
  while (view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    const entry = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extra;
    if (entry === name) {
      const stream = new Blob([zip.slice(start, start + size)])
        .stream()
        .pipeThrough(new DecompressionStream('deflate-raw'));
      return new Response(stream).text();
    }
    at = start + size;
  }
  throw new Error(`${name} not in the zip`);
}
