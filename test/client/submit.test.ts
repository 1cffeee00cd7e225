import { describe, expect, it } from 'vitest';
import { newIdempotencyKey, prepareBody, type SubmitOptions, submitWorkbook } from '../../client/index.js';
import type { SubmissionReceipt } from '../../shared/api/responses.js';
import type { WorkbookGrid } from '../../shared/grid.js';

interface Call {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = Response | Error;

/** A fetch that records each request (with its gunzipped JSON body) and plays back the answers in order. */
function fakeFetch(answers: Answer[]) {
  const calls: Call[] = [];
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => void (headers[key] = value));
    const raw = new Response(
      new Blob([init!.body as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')),
    );
    calls.push({ url: String(input), headers, body: JSON.parse(await raw.text()) });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
  return { fetch: fake, calls };
}

const receipt = {
  submission: { id: 'sub_1', version: 2, submittedAt: '2026-11-23T08:00:00Z' },
  compliance: {
    policy: { id: 'default', year: 2026 },
    asOf: '2026-11-23',
    teachers: [],
    school: { status: 'pass', rules: [] },
  },
} as unknown as SubmissionReceipt;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function options(fetch: typeof globalThis.fetch, extra: Partial<SubmitOptions> = {}) {
  const delays: number[] = [];
  const opts: SubmitOptions = {
    server: 'http://localhost:8787',
    token: 'clerk-token',
    year: 2026,
    workbook: {
      sheets: [
        {
          name: '教师名册',
          rows: [
            ['姓名', '出生日期'],
            ['张三', new Date(Date.UTC(1980, 0, 1))],
          ],
        },
      ],
    },
    fetch,
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    ...extra,
  };
  return { opts, delays };
}

describe('submitWorkbook', () => {
  it('should POST the gzipped workbook with the token and an idempotency key, and return the receipt', async () => {
    const { fetch, calls } = fakeFetch([json(201, receipt)]);
    const result = await submitWorkbook(options(fetch, { ifMatch: 1 }).opts);
    expect(result).toMatchObject({
      ok: true,
      receipt: { id: 'sub_1', version: 2 },
      compliance: { policy: { id: 'default' } },
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('http://localhost:8787/api/v1/submissions');
    expect(calls[0]!.headers).toMatchObject({
      authorization: 'Bearer clerk-token',
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'if-match': '"1"',
    });
    expect(calls[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(calls[0]!.body).toEqual({
      year: 2026,
      workbook: {
        sheets: [
          {
            name: '教师名册',
            rows: [
              ['姓名', '出生日期'],
              ['张三', { d: '1980-01-01T00:00:00.000Z' }],
            ],
          },
        ],
      },
    });
  });

  it('should send a body prepared ahead (in the pane’s worker) byte for byte as the workbook’s own, on every retry', async () => {
    const sent = async (prepared: boolean) => {
      const bodies: Uint8Array[] = [];
      const { fetch, calls } = fakeFetch([
        json(503, { error: { code: 'internal', message: '忙' } }),
        json(201, receipt),
      ]);
      const seen: typeof globalThis.fetch = (input, init) => {
        bodies.push(new Uint8Array(init!.body as Uint8Array));
        return fetch(input, init);
      };
      const { opts } = options(seen, { ifMatch: 1, idempotencyKey: 'k-1' });
      const workbook = prepared ? await prepareBody(opts.year, opts.workbook as WorkbookGrid) : opts.workbook;
      const result = await submitWorkbook({ ...opts, workbook });
      expect(result).toMatchObject({ ok: true, idempotencyKey: 'k-1', attempts: 2 });
      return { bodies, calls };
    };
    const own = await sent(false);
    const ahead = await sent(true);
    expect(ahead.bodies).toEqual(own.bodies);
    expect(ahead.bodies[1]).toEqual(ahead.bodies[0]);
    expect(ahead.calls.map((c) => c.headers)).toEqual(own.calls.map((c) => c.headers));
    expect(ahead.calls[0]!.body).toMatchObject({ year: 2026, workbook: { sheets: [{ name: '教师名册' }] } });
  });

  it('should retry a 503 and a network error with the same idempotency key and growing delays', async () => {
    const { fetch, calls } = fakeFetch([
      json(503, { error: { code: 'internal', message: '忙' } }),
      new TypeError('fetch failed'),
      json(201, receipt),
    ]);
    const { opts, delays } = options(fetch);
    const result = await submitWorkbook(opts);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    expect(delays).toHaveLength(2);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
  });

  it("should retry wrangler dev's plain-text 503 (the runtime restarted mid-request) with the same key and bytes", async () => {
    const restarted = new Response(
      'Your worker restarted mid-request. Please try sending the request again. Only GET or HEAD requests are retried automatically.',
      { status: 503, headers: { 'content-type': 'text/plain' } },
    );
    const { fetch, calls } = fakeFetch([restarted, json(201, receipt)]);
    const { opts } = options(fetch);
    const result = await submitWorkbook(opts);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]!.headers['idempotency-key']).toBe(calls[0]!.headers['idempotency-key']);
    expect(calls[1]!.body).toEqual(calls[0]!.body);
  });

  it('should wait at least as long as Retry-After on a 429', async () => {
    const { fetch } = fakeFetch([
      json(429, { error: { code: 'rate_limited', message: '请稍后' } }, { 'retry-after': '7' }),
      json(201, receipt),
    ]);
    const { opts, delays } = options(fetch);
    await submitWorkbook(opts);
    expect(delays[0]).toBeGreaterThanOrEqual(7000);
  });

  it('should not retry a 400 and return the server’s findings', async () => {
    const findings = [
      {
        severity: 'error',
        code: 'required',
        sheet: '教师名册',
        cell: 'C2',
        row: 2,
        column: 'gender',
        value: null,
        message: '请填写性别',
      },
    ];
    const { fetch, calls } = fakeFetch([
      json(400, {
        error: {
          code: 'submission.invalid',
          message: '工作簿有错误',
          details: { counts: { errors: 1, warnings: 0 }, findings },
        },
      }),
    ]);
    const result = await submitWorkbook(options(fetch).opts);
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, kind: 'rejected', status: 400, code: 'submission.invalid', findings });
  });

  it('should classify 401 as auth and 409 as conflict without retrying', async () => {
    for (const [status, kind] of [
      [401, 'auth'],
      [409, 'conflict'],
    ] as const) {
      const { fetch, calls } = fakeFetch([json(status, { error: { code: 'x', message: 'm' } })]);
      const result = await submitWorkbook(options(fetch).opts);
      expect(calls).toHaveLength(1);
      expect(result).toMatchObject({ ok: false, kind, status });
    }
  });

  it('should give up after maxAttempts network errors with kind network', async () => {
    const { fetch, calls } = fakeFetch(Array.from({ length: 5 }, () => new TypeError('fetch failed')));
    const result = await submitWorkbook(options(fetch, { maxAttempts: 3 }).opts);
    expect(calls).toHaveLength(3);
    expect(result).toMatchObject({
      ok: false,
      kind: 'network',
      status: null,
      attempts: 3,
      code: 'network.unreachable',
    });
  });

  it('should give up after maxAttempts 5xx answers with kind server', async () => {
    const { fetch, calls } = fakeFetch(
      Array.from({ length: 3 }, () => new Response('<html>bad gateway</html>', { status: 502 })),
    );
    const result = await submitWorkbook(options(fetch, { maxAttempts: 3 }).opts);
    expect(calls).toHaveLength(3);
    expect(result).toMatchObject({ ok: false, kind: 'server', status: 502, code: 'http.502' });
  });

  it('should time out an attempt that never answers and retry it', async () => {
    const calls: number[] = [];
    const hanging = ((_: unknown, init?: RequestInit) => {
      calls.push(1);
      return new Promise((_, reject) =>
        init!.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }) as typeof fetch;
    const result = await submitWorkbook(options(hanging, { maxAttempts: 2, timeoutMs: 20 }).opts);
    expect(calls).toHaveLength(2);
    expect(result).toMatchObject({ ok: false, kind: 'network', code: 'network.timeout' });
  });
});

describe('newIdempotencyKey', () => {
  it('should make a v4 UUID even where crypto.randomUUID is missing (a page on plain http)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 100 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(100);
      for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
