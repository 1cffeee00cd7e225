/** `admin token list` shows when each token stops working; `admin token renew` asks the worker for a new expiry. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenInfo } from '../../shared/api/responses.js';
import { runCli } from './harness.js';

const base = {
  role: 'clerk',
  schoolCode: '3202130001',
  bureauId: null,
  createdAt: '2025-09-01T00:00:00Z',
  revokedAt: null,
} as const;
const TOKENS: TokenInfo[] = [
  { ...base, id: 'tok_valid', label: '填报员甲', expiresAt: '2099-08-31T16:00:00.000Z' },
  { ...base, id: 'tok_old', label: '填报员乙', expiresAt: '2020-08-31T16:00:00.000Z' },
  {
    ...base,
    id: 'tok_gone',
    label: '填报员丙',
    expiresAt: '2099-08-31T16:00:00.000Z',
    revokedAt: '2025-10-01T00:00:00Z',
  },
  { ...base, id: 'tok_admin', role: 'admin', schoolCode: null, label: '信息中心', expiresAt: null },
];

function fakeWorker(seen: { url: string; body: unknown }[]): Server {
  return createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    seen.push({ url: `${req.method} ${req.url}`, body: text ? JSON.parse(text) : null });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/api/v1/admin/tokens') return json(200, { items: TOKENS });
    if (req.url === '/api/v1/admin/tokens/tok_old/renew')
      return json(200, { ...TOKENS[1], expiresAt: '2099-08-31T16:00:00.000Z' });
    if (req.url === '/api/v1/admin/tokens/tok_gone/renew') {
      return json(409, { error: { code: 'token.revoked', message: '该令牌已被吊销，不能续期；请签发新令牌' } });
    }
    return json(404, { error: { code: 'not_found', message: '未找到' } });
  });
}

describe('admin token list and renew', () => {
  const seen: { url: string; body: unknown }[] = [];
  const server = fakeWorker(seen);
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should show, for every token, until which Beijing day it works, or that it expired, was revoked or never expires', async () => {
    const states = async (...lang: string[]) => {
      const run = await runCli('admin', 'token', 'list', '--server', url, '--token', 't', ...lang);
      expect(run.code).toBe(0);
      return run.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t'))
        .map((l) => [l[0], l[3]]);
    };
    expect(await states()).toEqual([
      ['tok_valid', '有效至 2099-08-31'],
      ['tok_old', '已过期（有效至 2020-08-31）'],
      ['tok_gone', '已于 2025-10-01T00:00:00Z 吊销'],
      ['tok_admin', '永不过期'],
    ]);
    expect(await states('--lang', 'en')).toEqual([
      ['tok_valid', 'valid until 2099-08-31'],
      ['tok_old', 'EXPIRED (valid until 2020-08-31)'],
      ['tok_gone', 'revoked 2025-10-01T00:00:00Z'],
      ['tok_admin', 'never expires'],
    ]);
  });

  it('should renew to the default (an empty body) or to the date given, and report a revoked token as refused', async () => {
    const plain = await runCli('admin', 'token', 'renew', 'tok_old', '--server', url, '--token', 't', '--lang', 'en');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('renewed tok_old');
    expect(plain.stdout).toContain('valid until 2099-08-31');
    const zh = await runCli('admin', 'token', 'renew', 'tok_old', '--server', url, '--token', 't');
    expect(zh.stdout).toContain('已续期 tok_old');
    expect(seen.at(-1)).toEqual({ url: 'POST /api/v1/admin/tokens/tok_old/renew', body: {} });
    await runCli(
      'admin',
      'token',
      'renew',
      'tok_old',
      '--expires',
      '2027-01-31T16:00:00Z',
      '--server',
      url,
      '--token',
      't',
    );
    expect(seen.at(-1)).toEqual({
      url: 'POST /api/v1/admin/tokens/tok_old/renew',
      body: { expiresAt: '2027-01-31T16:00:00Z' },
    });
    const revoked = await runCli('admin', 'token', 'renew', 'tok_gone', '--server', url, '--token', 't');
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toContain('token.revoked');
  });

  it('should refuse a renewal without a token id or with an expiry that is not a time, before sending anything', async () => {
    const before = seen.length;
    expect((await runCli('admin', 'token', 'renew', '--server', url, '--token', 't')).code).toBe(2);
    expect(
      (await runCli('admin', 'token', 'renew', 'tok_old', '--expires', 'next year', '--server', url, '--token', 't'))
        .code,
    ).toBe(2);
    expect(seen.length).toBe(before);
  });
});
