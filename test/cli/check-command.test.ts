import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentYear } from '../../shared/policy/index.js';
import { runCli, tempDir } from './harness.js';
import { ID, cleanWorkbook, messyWorkbook, toFullWidth } from './workbooks.js';

interface CheckDoc {
  ok: boolean;
  policy: { id: string; year: number };
  teachers: { row: number; idMasked: string; name: string; status: string; rules: { rule: string; status: string; actual: number; required: number; message: string }[] }[];
  school: { status: string; rules: unknown[]; summary: Record<string, number> };
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
    expect(Object.keys(doc)).toEqual(['ok', 'year', 'counts', 'findings', 'fixes', 'policy', 'teachers', 'school']);
    expect(doc.policy).toEqual({ id: 'default', year: 2026 });
    expect(Object.keys(doc.school)).toEqual(['status', 'rules', 'summary']);
    expect(Object.keys(doc.school.summary)).toEqual(['teachers', 'pass', 'warn', 'fail', 'passRate']);
    expect(doc.teachers.map((t) => t.row)).toEqual([2, 3, 4]);
    for (const t of doc.teachers) {
      expect(Object.keys(t)).toEqual(['row', 'idMasked', 'name', 'status', 'rules']);
      for (const r of t.rules) expect(Object.keys(r)).toEqual(['rule', 'status', 'actual', 'required', 'message']);
    }
    expect(doc.teachers[0]).toMatchObject({ idMasked: `${ID.wang.slice(0, 6)}********${ID.wang.slice(14)}`, name: '王芳' });
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

  it('should exit 2 with the policy’s problems on stderr for an invalid policy file', async () => {
    const bad = await tmp.file('bad.json', JSON.stringify({ id: 'x', rules: { no_such_rule: {} } }));
    const run = await runCli('check', clean, '--year', '2026', '--policy', bad, '--json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no_such_rule');
    const notJson = await tmp.file('not.json', '{ id: ');
    expect((await runCli('check', clean, '--policy', notJson)).code).toBe(2);
    expect((await runCli('check', clean, '--policy', `${tmp.dir}/none.json`)).code).toBe(2);
  });

  it('should exit 2 for an impossible --as-of or a future year', async () => {
    expect((await runCli('check', clean, '--as-of', '2026-02-30')).code).toBe(2);
    expect((await runCli('check', clean, '--as-of', '1.11.2026')).code).toBe(2);
    const future = await runCli('check', clean, '--year', String(currentYear() + 1));
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('policy.future_year');
  });
});
