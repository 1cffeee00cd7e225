import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../scripts/cli/check.js';
import type { HistoryRequest, HistoryResponse } from '../../shared/api/history.js';
import { currentYear } from '../../shared/policy/index.js';
import { captureIo, runCli, tempDir } from './harness.js';
import { cleanWorkbook, ID, messyWorkbook, toFullWidth } from './workbooks.js';

interface CheckDoc {
  ok: boolean;
  policy: { id: string; year: number };
  teachers: {
    row: number;
    idMasked: string;
    name: string;
    status: string;
    rules: { rule: string; status: string; actual: number; required: number; message: string }[];
  }[];
  school: { status: string; rules: unknown[]; summary: Record<string, number> };
  history: { included: boolean; sources: { year: number; schoolCode: string; schoolName: string }[] };
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
let messy: string;
let clean: string;

beforeAll(async () => {
  tmp = await tempDir();
  messy = await tmp.file('messy.xlsx', await messyWorkbook());
  clean = await tmp.file('clean.xlsx', await cleanWorkbook());
});
afterAll(() => tmp.cleanup());

async function checkJson(...argv: string[]) {
  const run = await runCli('check', ...argv, '--json');
  return { ...run, doc: JSON.parse(run.stdout) as CheckDoc };
}

describe('check', () => {
  it('should print validate’s document plus policy, teachers and school, exactly the keys of cli.md', async () => {
    const { code, doc } = await checkJson(clean, '--year', '2026', '--as-of', '2026-11-01');
    expect(code).toBe(0);
    expect(Object.keys(doc)).toEqual([
      'ok',
      'year',
      'counts',
      'findings',
      'fixes',
      'policy',
      'teachers',
      'school',
      'history',
    ]);
    expect(doc.history).toEqual({ included: false, sources: [] });
    expect(doc.policy).toEqual({ id: 'default', year: 2026 });
    expect(Object.keys(doc.school)).toEqual(['status', 'rules', 'summary']);
    expect(Object.keys(doc.school.summary)).toEqual(['teachers', 'pass', 'warn', 'fail', 'passRate']);
    expect(doc.teachers.map((t) => t.row)).toEqual([2, 3, 4]);
    for (const t of doc.teachers) {
      expect(Object.keys(t)).toEqual(['row', 'idMasked', 'name', 'status', 'rules']);
      for (const r of t.rules) expect(Object.keys(r)).toEqual(['rule', 'status', 'actual', 'required', 'message']);
    }
    expect(doc.teachers[0]).toMatchObject({
      idMasked: `${ID.wang.slice(0, 6)}********${ID.wang.slice(14)}`,
      name: '王芳',
    });
  });

  it('should exit 1 on a workbook with errors and still list the valid teachers, the invalid one as invalid', async () => {
    const { code, doc } = await checkJson(messy, '--year', '2026', '--as-of', '2026-11-01');
    expect(code).toBe(1);
    expect(doc.ok).toBe(false);
    const li = doc.teachers.find((t) => t.row === 4);
    expect(li).toMatchObject({ status: 'invalid', rules: [] });
    expect(doc.teachers.filter((t) => t.status !== 'invalid').length).toBe(3);
  });

  it('should never print a full ID number, in the findings, the fixes or the teachers', async () => {
    for (const lang of ['zh', 'en']) {
      const json = await runCli('check', messy, '--year', '2026', '--json', '--lang', lang);
      const text = await runCli('check', messy, '--year', '2026', '--lang', lang);
      for (const out of [json.stdout, text.stdout]) {
        for (const id of Object.values(ID)) {
          expect(out).not.toContain(id);
          expect(out).not.toContain(toFullWidth(id));
          expect(out).not.toContain(id.slice(0, 15));
        }
      }
    }
  });

  it('should print a compliance table after the validation report without --json', async () => {
    const run = await runCli('check', clean, '--year', '2026', '--as-of', '2026-11-01');
    expect(run.stdout).toContain('合规情况：政策 default · 2026 年度 · 截至 2026-11-01');
    expect(run.stdout).toContain('历史记录：未纳入，仅按本台账评估');
    expect(run.stdout).toMatch(/\n {2}行 +姓名 +身份证号 +状态/);
    expect(run.stdout).toMatch(/\n {2}2 +王芳 +320202\*{8}\S{4} +(达标|进行中|未达标)/);
    const en = await runCli('check', clean, '--year', '2026', '--as-of', '2026-11-01', '--lang', 'en');
    expect(en.stdout).toContain('Compliance: policy default · year 2026 · as of 2026-11-01');
  });

  it('should read a policy file and name the policy in the report', async () => {
    const policy = await tmp.file('policy.json', JSON.stringify({ id: 'liangxi-2026' }));
    const { code, doc } = await checkJson(clean, '--year', '2026', '--policy', policy);
    expect(code).toBe(0);
    expect(doc.policy).toEqual({ id: 'liangxi-2026', year: 2026 });
  });

  it('should exit 2 with the policy’s problems in the one JSON document for an invalid policy file', async () => {
    const bad = await tmp.file('bad.json', JSON.stringify({ id: 'x', rules: { no_such_rule: {} } }));
    const run = await runCli('check', clean, '--year', '2026', '--policy', bad, '--json');
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as { ok: boolean; error: { code: string; message: string } };
    expect(doc).toMatchObject({ ok: false, error: { code: 'usage.invalid' } });
    expect(doc.error.message).toContain('no_such_rule');
    expect(run.stderr).toBe('');
    const notJson = await tmp.file('not.json', '{ id: ');
    expect((await runCli('check', clean, '--policy', notJson)).code).toBe(2);
    expect((await runCli('check', clean, '--policy', `${tmp.dir}/none.json`)).code).toBe(2);
  });

  it('should exit 2 for an impossible --as-of or a future year', async () => {
    expect((await runCli('check', clean, '--as-of', '2026-02-30')).code).toBe(2);
    expect((await runCli('check', clean, '--as-of', '1.11.2026')).code).toBe(2);
    const future = await runCli('check', clean, '--year', String(currentYear() + 1));
    expect(future.code).toBe(2);
    expect(future.stderr).toContain(`错误：${currentYear() + 1} 年度尚未开始，无法评估`);
    const futureEn = await runCli('check', clean, '--year', String(currentYear() + 1), '--lang', 'en');
    expect(futureEn.stderr).toContain(`error: the year ${currentYear() + 1} has not begun`);
  });

  describe('with --server', () => {
    /**
     * A worker that answers the history route only: for the first roster teacher, 40 hours in 2026
     * at another school, and 30 hours in 2025 (the previous cycle).
     */
    function fakeServer(status = 200) {
      const seen: { url: string; body: HistoryRequest; auth: string | null }[] = [];
      const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const req = new Request(input, init);
        const body = (await req.json()) as HistoryRequest;
        seen.push({ url: req.url, body, auth: req.headers.get('authorization') });
        if (status !== 200)
          return Response.json({ error: { code: 'auth.invalid_token', message: '访问令牌无效' } }, { status });
        const answer: HistoryResponse = {
          year: body.year,
          school: { code: '3202060001', name: '无锡市梁溪区实验小学' },
          sources: [
            { year: 2025, schoolCode: '3202060002', schoolName: '梁溪区第二小学' },
            { year: 2026, schoolCode: '3202060002', schoolName: '梁溪区第二小学' },
          ],
          teachers: body.ids.map((_, i) => ({
            trainings:
              i === 0
                ? [
                    {
                      source: 0,
                      row: 7,
                      course: '学科核心素养研修',
                      level: '区级',
                      category: '学科教学',
                      form: '集中面授',
                      startDate: '2025-04-01',
                      endDate: '2025-04-05',
                      hours: 30,
                      catalogueCode: null,
                      recognition: null,
                    },
                    {
                      source: 1,
                      row: 9,
                      course: '大单元教学设计工作坊',
                      level: '区级',
                      category: '学科教学',
                      form: '集中面授',
                      startDate: '2026-04-01',
                      endDate: '2026-04-05',
                      hours: 40,
                      catalogueCode: null,
                      recognition: null,
                    },
                  ]
                : [],
            duties: [],
            milestones: [],
          })),
        };
        return Response.json(answer);
      };
      return { fetch: fetch as typeof globalThis.fetch, seen };
    }

    async function check(argv: string[], seams: { fetch: typeof fetch }) {
      const { io, out, err } = captureIo();
      const code = await checkCommand([clean, '--year', '2026', '--as-of', '2026-11-01', ...argv], io, seams);
      return { code, out: out(), err: err() };
    }

    it('should send the roster IDs in the body, never the URL, and count the history in the cycle', async () => {
      const server = fakeServer();
      const alone = (await checkJson(clean, '--year', '2026', '--as-of', '2026-11-01')).doc;
      const run = await check(['--server', 'http://127.0.0.1:8814', '--token', 'clerk-token', '--json'], server);
      expect(run.code).toBe(0);
      expect(server.seen).toHaveLength(1);
      expect(server.seen[0]!.url).toBe('http://127.0.0.1:8814/api/v1/history');
      expect(server.seen[0]!.auth).toBe('Bearer clerk-token');
      expect(server.seen[0]!.body).toEqual({ year: 2026, ids: [ID.wang, ID.li, ID.zhao] });
      for (const id of Object.values(ID)) expect(server.seen[0]!.url).not.toContain(id);
      const doc = JSON.parse(run.out) as CheckDoc;
      expect(doc.history.included).toBe(true);
      expect(doc.history.sources.map((x) => x.year)).toEqual([2025, 2026]);
      const actual = (d: CheckDoc, row: number, rule: string) =>
        d.teachers.find((t) => t.row === row)!.rules.find((r) => r.rule === rule)!.actual;
      // 2026 starts a cycle: the 2026 hours count, the 2025 ones belong to the cycle before.
      expect(actual(doc, 2, 'cycle_hours')).toBe(actual(alone, 2, 'cycle_hours') + 40);
      expect(actual(doc, 2, 'annual_district_plus_hours')).toBe(actual(alone, 2, 'annual_district_plus_hours') + 40);
      expect(actual(doc, 3, 'cycle_hours')).toBe(actual(alone, 3, 'cycle_hours'));
      const text = await check(['--server', 'http://127.0.0.1:8814', '--token', 'clerk-token'], fakeServer());
      expect(text.out).toContain('历史记录：已纳入本局其他台账 2 份（2025 年梁溪区第二小学、2026 年梁溪区第二小学）');
    });

    it('should exit 2 when the server refuses the token, and 2 for a token without a server', async () => {
      const refused = await check(['--server', 'http://127.0.0.1:8814', '--token', 'bad'], fakeServer(401));
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('auth.invalid_token');
      expect((await runCli('check', clean, '--token', 'x')).code).toBe(2);
    });
  });
});
