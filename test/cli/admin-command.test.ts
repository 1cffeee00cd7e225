import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../../scripts/cli/admin.js';
import { captureIo, runCli } from './harness.js';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

/** A stand-in for the worker's admin API: records what the CLI sends, answers like the worker. */
function fakeWorker(seen: Seen[]): Server {
  return createServer(async (req: IncomingMessage, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    seen.push({
      method: req.method!,
      url: req.url!,
      auth: req.headers.authorization,
      body: text ? JSON.parse(text) : null,
    });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/api/v1/admin/tokens' && req.method === 'POST') {
      return json(201, {
        token: 'sxc_secret',
        info: {
          id: 'tok_1',
          role: 'clerk',
          schoolCode: '3202130001',
          bureauId: null,
          label: 'x',
          createdAt: 't',
          expiresAt: null,
          revokedAt: null,
        },
      });
    }
    if (req.url === '/api/v1/admin/bureaus' && req.method === 'POST') {
      return json(409, { error: { code: 'conflict.exists', message: '教育局 liangxi 已存在' } });
    }
    return json(500, { error: { code: 'internal', message: '服务器内部错误' } });
  });
}

describe('admin command', () => {
  const seen: Seen[] = [];
  const server = fakeWorker(seen);
  let url = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should issue a clerk token with the admin token and print it once', async () => {
    const run = await runCli(
      'admin',
      'token',
      'issue',
      '--role',
      'clerk',
      '--school',
      '3202130001',
      '--server',
      url,
      '--token',
      'sxa_admin',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sxc_secret');
    expect(seen.at(-1)).toEqual({
      method: 'POST',
      url: '/api/v1/admin/tokens',
      auth: 'Bearer sxa_admin',
      body: { role: 'clerk', schoolCode: '3202130001', label: 'clerk 3202130001' },
    });
  });

  /** The command in-process without waiting between retries. */
  const admin = async (...argv: string[]) => {
    const { io, out, err } = captureIo();
    const code = await adminCommand(argv, io, { retry: { sleep: async () => {} } });
    return { code, stdout: out(), stderr: err() };
  };

  it('should exit 1 with the code when the worker refuses, and 3 when it keeps failing', async () => {
    const refused = await admin(
      'bureau',
      'add',
      '--id',
      'liangxi',
      '--name',
      '梁溪区教育局',
      '--server',
      url,
      '--token',
      't',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('错误（conflict.exists）：教育局 liangxi 已存在');
    const before = seen.length;
    const failed = await admin('token', 'list', '--server', url, '--token', 't');
    expect(failed.code).toBe(3);
    // A read is retried (three attempts in all); a refused write is not.
    expect(seen.length - before).toBe(3);
    expect(failed.stderr).toContain('第 2 次重试（internal）');
    const inEnglish = await admin('token', 'list', '--server', url, '--token', 't', '--lang', 'en');
    expect(inEnglish.stderr).toContain('retrying #2 (internal)');
    expect(inEnglish.stderr).toContain('error (internal): ');
  });

  it('should exit 2 on a wrong call (checked before anything is sent), 3 when the server is unreachable', async () => {
    const before = seen.length;
    expect((await runCli('admin', 'token', 'issue', '--role', 'clerk')).code).toBe(2);
    expect((await runCli('admin', 'init')).code).toBe(2);
    expect((await runCli('admin', 'frobnicate', '--server', url, '--token', 't')).code).toBe(2);
    const wrongRole = await runCli('admin', 'token', 'issue', '--role', 'janitor', '--server', url, '--token', 't');
    expect(wrongRole.code).toBe(2);
    expect(wrongRole.stderr).toContain('role');
    expect(seen.length).toBe(before);
    const offline = await admin('token', 'list', '--server', 'http://127.0.0.1:1', '--token', 't');
    expect(offline.code).toBe(3);
    expect(offline.stderr).toContain('network.unreachable');
  });
});
