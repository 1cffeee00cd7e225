import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { submitCommand } from '../../scripts/cli/submit.js';
import type { SubmissionRequest } from '../../shared/api/submission.js';
import { captureIo, runCli, spawnCli, tempDir } from './harness.js';
import { cleanWorkbook, messyWorkbook } from './workbooks.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let clean: string;
let messy: string;

beforeAll(async () => {
  tmp = await tempDir();
  clean = await tmp.file('clean.xlsx', await cleanWorkbook({ extraSheet: true }));
  messy = await tmp.file('messy.xlsx', await messyWorkbook());
});
afterAll(() => tmp.cleanup());

const receipt = {
  submission: {
    id: 'sub_7',
    version: 3,
    submittedAt: '2026-11-23T08:00:00.000Z',
    counts: { teachers: 3, trainings: 2, duties: 0, milestones: 0 },
  },
  compliance: {
    policy: { id: 'default', year: 2026 },
    asOf: '2026-11-23',
    teachers: [],
    school: { status: 'pass', rules: [], summary: { teachers: 3, pass: 1, warn: 2, fail: 0, passRate: 0.3333 } },
  },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function submit(file: string, answer: () => Response, ...more: string[]) {
  const requests: SubmissionRequest[] = [];
  const fetch = (async (_: unknown, init?: RequestInit) => {
    requests.push(JSON.parse(gunzipSync(init!.body as Uint8Array).toString('utf8')) as SubmissionRequest);
    return answer();
  }) as typeof globalThis.fetch;
  const { io, out, err } = captureIo();
  const argv = [file, '--server', 'https://bureau.test', '--token', 't0k', '--year', '2026', ...more];
  const code = await submitCommand(argv, io, {
    fetch,
    sleep: async () => {},
  });
  return { code, stdout: out(), stderr: err(), requests };
}

describe('submit', () => {
  it('should send only the recognized sheets and print the receipt and the compliance summary (exit 0)', async () => {
    const run = await submit(clean, () => json(201, receipt));
    expect(run.code).toBe(0);
    expect(run.requests).toHaveLength(1);
    expect(run.requests[0]!.year).toBe(2026);
    expect(run.requests[0]!.workbook.sheets.map((s) => s.name)).toEqual(['学校概况', '教师名册', '培训记录']);
    expect(run.stdout).toContain('提交成功：回执 sub_7 · 第 3 版');
    expect(run.stdout).toContain('达标率 33.33%');
  });

  it('should not send a workbook with errors and exit 1', async () => {
    const run = await submit(messy, () => json(201, receipt));
    expect(run.code).toBe(1);
    expect(run.requests).toHaveLength(0);
    expect(run.stdout).toContain('id_number.scientific');
    expect(run.stdout).toContain('未提交');
  });

  it('should print the server’s findings and exit 1 when it rejects the workbook', async () => {
    const findings = [
      {
        severity: 'error',
        code: 'required',
        sheet: '教师名册',
        cell: 'C3',
        row: 3,
        column: 'gender',
        value: null,
        message: '请填写性别',
      },
    ];
    const run = await submit(clean, () =>
      json(400, {
        error: {
          code: 'submission.invalid',
          message: '工作簿有错误',
          details: { counts: { errors: 1, warnings: 0 }, findings },
        },
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('教师名册!C3');
    expect(run.stdout).toContain('请填写性别');
  });

  it('should exit 3 after retrying a server that keeps failing, and 2 for a refused token', async () => {
    const down = await submit(clean, () => json(503, { error: { code: 'internal', message: '服务暂不可用' } }));
    expect(down.code).toBe(3);
    expect(down.requests.length).toBeGreaterThan(1);
    expect(down.stderr).toContain('第 1 次重试（internal）');
    expect(down.stdout).toBe('提交失败（服务器故障）：internal: 服务暂不可用\n');
    const downEn = await submit(
      clean,
      () => json(503, { error: { code: 'internal', message: '服务暂不可用' } }),
      '--lang',
      'en',
    );
    expect(downEn.stderr).toContain('retrying #1 (internal)');
    expect(downEn.stdout).toMatch(/^Submission failed \(server\): internal: /);
    const auth = await submit(clean, () => json(401, { error: { code: 'auth.invalid_token', message: '令牌无效' } }));
    expect(auth.code).toBe(2);
    expect(auth.requests).toHaveLength(1);
  });

  it('should exit 2 without --server or --token', async () => {
    vi.stubEnv('SHIXUN_SERVER', '');
    vi.stubEnv('SHIXUN_TOKEN', '');
    expect((await runCli('submit', clean, '--token', 't')).code).toBe(2);
    expect((await runCli('submit', clean, '--server', 'https://bureau.test')).code).toBe(2);
    expect((await runCli('submit', clean, '--server', 'ftp://bureau', '--token', 't')).code).toBe(2);
    vi.unstubAllEnvs();
  });

  it('should take the server and the token from SHIXUN_SERVER and SHIXUN_TOKEN', async () => {
    vi.stubEnv('SHIXUN_SERVER', 'https://bureau.test');
    vi.stubEnv('SHIXUN_TOKEN', 'from-env');
    let auth: string | null = null;
    const fetch = (async (_: unknown, init?: RequestInit) => {
      auth = new Headers(init?.headers).get('authorization');
      return json(201, receipt);
    }) as typeof globalThis.fetch;
    const { io } = captureIo();
    expect(await submitCommand([clean, '--year', '2026'], io, { fetch })).toBe(0);
    expect(auth).toBe('Bearer from-env');
    vi.unstubAllEnvs();
  });

  it('should submit to a real HTTP server as a subprocess, gzipped with an idempotency key', async () => {
    const seen: { headers: IncomingMessage['headers']; body: SubmissionRequest }[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({
          headers: req.headers,
          body: JSON.parse(gunzipSync(Buffer.concat(chunks)).toString('utf8')) as SubmissionRequest,
        });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(receipt));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await spawnCli([
        'submit',
        clean,
        '--server',
        `http://127.0.0.1:${port}`,
        '--token',
        'clerk-1',
        '--year',
        '2026',
      ]);
      expect(run.code).toBe(0);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.headers).toMatchObject({
        authorization: 'Bearer clerk-1',
        'content-encoding': 'gzip',
        'content-type': 'application/json',
      });
      expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen[0]!.body.workbook.sheets).toHaveLength(3);
    } finally {
      server.close();
    }
  }, 30_000);
});
