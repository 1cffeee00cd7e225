/**
 * Over a real socket to `wrangler dev` (the server global-setup.ts starts): a POST refused before
 * its body was read (401, 403, 415, 413, 400, 404) used to leave the next request on the same
 * keep-alive connection hanging (15–290 s in issue 12; 30 s and more here, until the probe gave up).
 * Each case sends the refused request and then GET /api/v1/health on ONE connection; the second
 * answer must come, on a connection still open. Then 20 submissions at once through the client,
 * which retries a 503 under the same Idempotency-Key: each ends stored or in a version conflict.
 */
import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SubmitResult, submitWorkbook } from '../../client/index.js';
import { generateSchool } from '../fixtures/generate-school.js';
import { baseUrl, readTokens } from './support.js';

/** Longer than any answer takes here, far shorter than the hangs it replaces. */
const HANG_MS = 20_000;

interface Head {
  status: number;
  body: string;
}

/** HTTP/1.1 by hand on one socket: a request's head and body go out as given, answers are read one by one. */
class Connection {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | null = null;
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, d]);
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    // A reset shows as `closed`, which the tests assert on.
    socket.on('error', () => undefined);
  }

  static open(url: string): Promise<Connection> {
    const { hostname, port } = new URL(url);
    return new Promise((resolve, reject) => {
      const s = connect(Number(port), hostname, () => resolve(new Connection(s)));
      s.once('error', reject);
    });
  }

  /** Writes the head and streams the body (in 1 MiB chunks, chunked encoding when no length is given). */
  async send(head: string, body: Uint8Array | null, chunked = false): Promise<void> {
    this.socket.write(head);
    if (!body) return;
    for (let at = 0; at < body.byteLength && !this.closed; at += 1 << 20) {
      const part = body.subarray(at, at + (1 << 20));
      const ok = chunked
        ? this.socket.write(`${part.byteLength.toString(16)}\r\n`) &&
          this.socket.write(part) &&
          this.socket.write('\r\n')
        : this.socket.write(part);
      if (!ok) await new Promise<void>((r) => this.socket.once('drain', () => r()));
    }
    if (chunked && !this.closed) this.socket.write('0\r\n\r\n');
  }

  /** The next answer (head and Content-Length body), or null when none came within `ms` or the server closed. */
  async answer(ms: number): Promise<Head | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = this.buffer.subarray(0, end).toString('latin1');
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (this.buffer.byteLength >= end + 4 + length) {
          const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
          this.buffer = this.buffer.subarray(end + 4 + length);
          return { status: Number(head.split(' ')[1]), body };
        }
      }
      if (this.closed || Date.now() >= deadline) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = null;
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

interface Case {
  name: string;
  path?: string;
  headers: Record<string, string>;
  body: () => Uint8Array;
  /** Send without Content-Length (Transfer-Encoding: chunked). */
  chunked?: boolean;
  status: number;
  code: string;
}

const spaces = (n: number) => new Uint8Array(n).fill(0x20);
const MIB = 1024 * 1024;

describe('early refusals over one keep-alive connection to wrangler dev', () => {
  const figures: string[] = [];
  let clerk = '';
  let reviewer = '';

  beforeAll(() => {
    const t = readTokens();
    clerk = t.schools[2]!.token;
    reviewer = t.reviewer;
  });

  const json = { 'Content-Type': 'application/json' };
  const cases = (): Case[] => [
    {
      name: '401 without a token, 2 MB body',
      headers: json,
      body: () => spaces(2_000_000),
      status: 401,
      code: 'auth.missing_token',
    },
    {
      name: '401 with an unknown token, 2 MB body',
      headers: { ...json, Authorization: 'Bearer sxc_nope' },
      body: () => spaces(2_000_000),
      status: 401,
      code: 'auth.invalid_token',
    },
    {
      name: '403 for a reviewer, 2 MB body',
      headers: { ...json, Authorization: `Bearer ${reviewer}` },
      body: () => spaces(2_000_000),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      name: '415 text/plain, 2 MB body',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${clerk}` },
      body: () => spaces(2_000_000),
      status: 415,
      code: 'request.unsupported_media_type',
    },
    {
      name: '415 Content-Encoding br, 2 MB body',
      headers: { ...json, 'Content-Encoding': 'br', Authorization: `Bearer ${clerk}` },
      body: () => spaces(2_000_000),
      status: 415,
      code: 'request.unsupported_encoding',
    },
    {
      name: '413 declared 49 MiB (over the 48 MiB limit)',
      headers: { ...json, Authorization: `Bearer ${clerk}` },
      body: () => spaces(49 * MIB),
      status: 413,
      code: 'request.too_large',
    },
    {
      name: '413 streamed 60 MB without a length',
      headers: { ...json, Authorization: `Bearer ${clerk}` },
      body: () => spaces(60_000_000),
      chunked: true,
      status: 413,
      code: 'request.too_large',
    },
    {
      name: '413 gzip that inflates to 64 MiB',
      headers: { ...json, 'Content-Encoding': 'gzip', Authorization: `Bearer ${clerk}` },
      body: () => new Uint8Array(gzipSync(spaces(64 * MIB))),
      status: 413,
      code: 'request.too_large',
    },
    {
      name: '400 bytes that are not gzip, 2 MB',
      headers: { ...json, 'Content-Encoding': 'gzip', Authorization: `Bearer ${clerk}` },
      body: () => new Uint8Array(2_000_000).map((_, i) => (i * 7919) & 0xff),
      status: 400,
      code: 'request.invalid_body',
    },
    {
      name: '404 an unknown API path, 2 MB body',
      path: '/api/v1/nowhere',
      headers: { ...json, Authorization: `Bearer ${clerk}` },
      body: () => spaces(2_000_000),
      status: 404,
      code: 'not_found',
    },
  ];

  // The tokens are read in beforeAll; the names are known before.
  for (const name of cases().map((c) => c.name)) {
    it(`should answer the next request after ${name}`, async () => {
      const c = cases().find((x) => x.name === name)!;
      const body = c.body();
      const conn = await Connection.open(baseUrl());
      try {
        const headers = { Host: new URL(baseUrl()).host, 'Idempotency-Key': `early-${Date.now()}`, ...c.headers };
        const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
        lines.push(c.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${body.byteLength}`);
        const started = performance.now();
        const sending = conn.send(
          `POST ${c.path ?? '/api/v1/submissions'} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`,
          body,
          c.chunked,
        );
        const refused = await conn.answer(HANG_MS);
        await sending;
        const refusedMs = performance.now() - started;
        expect(refused?.status).toBe(c.status);
        expect((JSON.parse(refused!.body) as { error: { code: string } }).error.code).toBe(c.code);

        const next = performance.now();
        await conn.send(`GET /api/v1/health HTTP/1.1\r\nHost: ${headers.Host}\r\n\r\n`, null);
        const health = await conn.answer(HANG_MS);
        const nextMs = performance.now() - next;
        expect(health?.status, 'the next request on the same connection').toBe(200);
        expect(conn.closed).toBe(false);
        figures.push(`${c.name}: refused in ${refusedMs.toFixed(0)} ms, next answer in ${nextMs.toFixed(0)} ms`);
      } finally {
        conn.close();
      }
    });
  }

  it('should take 20 submissions at once, each stored or in conflict, none lost to a 503', async () => {
    const t = readTokens();
    const year = t.year;
    const schools = t.schools.slice(0, 3);
    const grids = schools.map((s, i) => {
      const g = generateSchool({ seed: 7000 + i, teachers: 30, year, withDuties: true, withMilestones: true });
      for (const row of g.sheets.find((x) => x.name === '学校概况')!.rows) {
        if (row[0] === '学校代码') row[1] = s.code;
        if (row[0] === '学校名称') row[1] = s.name;
      }
      return g;
    });
    let retries = 0;
    const started = performance.now();
    const results: SubmitResult[] = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitWorkbook({
          server: baseUrl(),
          token: schools[i % 3]!.token,
          year,
          workbook: grids[i % 3]!,
          maxAttempts: 5,
          onRetry: () => void retries++,
        }),
      ),
    );
    const ms = performance.now() - started;
    const outcome = results.map((r) => (r.ok ? 'stored' : r.kind));
    expect(outcome.filter((o) => o !== 'stored' && o !== 'conflict')).toEqual([]);
    expect(outcome.filter((o) => o === 'stored').length).toBeGreaterThanOrEqual(3);
    // No submission stored twice: every new version is its own; the same content sent again after
    // it was stored is answered as unchanged with the version already there.
    const stored = results.flatMap((r) => (r.ok && !r.unchanged ? [r.receipt.id] : []));
    expect(new Set(stored).size).toBe(stored.length);
    figures.push(
      `20 parallel submissions: ${stored.length} stored, ${outcome.filter((o) => o === 'conflict').length} version conflicts, ` +
        `${retries} retries, ${(ms / 1000).toFixed(1)} s`,
    );
    console.log(figures.join('\n'));
  });
});
