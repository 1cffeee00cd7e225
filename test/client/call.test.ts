import { describe, expect, it } from 'vitest';
import { type ClientOptions, createClient, filenameOf } from '../../client/index.js';

interface Seen {
  method: string;
  url: string;
  authorization: string | null;
  body: string | null;
}

type Answer = Response | Error | ((seen: Seen) => Response | Promise<Response>);

/** A fetch that records each request and plays back the answers in order. */
function fakeServer(answers: Answer[]) {
  const seen: Seen[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const s: Seen = {
      method: init?.method ?? 'GET',
      url: String(input),
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? init.body : null,
    };
    seen.push(s);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(s) : next;
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const apiError = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: `中文 ${code}`, messageEn: `English ${code}` } }, headers);

function client(answers: Answer[], extra: Partial<ClientOptions> = {}) {
  const server = fakeServer(answers);
  const delays: number[] = [];
  const c = createClient({
    server: 'http://bureau.test',
    token: 'tok-1',
    fetch: server.fetch,
    ...extra,
    retry: { sleep: async (ms) => void delays.push(ms), random: () => 0.5, ...extra.retry },
  });
  return { c, seen: server.seen, delays };
}

const summary = { bureau: { id: 'liangxi', name: '梁溪区教育局' }, year: 2026, schools: [] };

describe('createClient', () => {
  it('should build every URL from the typed routes, with the query as text and the token in a header', async () => {
    const { c, seen } = client([json(200, summary), json(200, { items: [] }), json(200, { token: 'x' })]);
    const r = await c.bureau.summary({ year: 2026, bureau: 'liangxi' });
    expect(r).toMatchObject({ ok: true, value: { bureau: { id: 'liangxi' } } });
    await c.bureau.teachers({ year: 2026, school: '3202130001', page: 2, q: undefined });
    await c.admin.tokens.revoke('tok/../1');
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['GET', 'http://bureau.test/api/v1/bureau/summary?year=2026&bureau=liangxi'],
      ['GET', 'http://bureau.test/api/v1/bureau/teachers?year=2026&school=3202130001&page=2'],
      ['POST', 'http://bureau.test/api/v1/admin/tokens/tok%2F..%2F1/revoke'],
    ]);
    expect(seen.every((s) => s.authorization === 'Bearer tok-1')).toBe(true);
  });

  it('should read a session token at every call and send none once signed out', async () => {
    let token: string | null = 'first';
    const { c, seen } = client([json(200, {}), json(200, {})], { token: () => token });
    await c.me();
    token = null;
    await c.me();
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer first', null]);
  });

  it('should answer on the page’s own origin when the server is empty (the dashboard)', async () => {
    const { c, seen } = client([json(200, { ok: true })], { server: '' });
    await c.health();
    expect(seen[0]!.url).toBe('/api/v1/health');
  });

  it('should retry a read after a network error and a 503 with growing delays, then succeed', async () => {
    const { c, seen, delays } = client([new TypeError('fetch failed'), apiError(503, 'internal'), json(200, summary)]);
    const r = await c.bureau.summary({ year: 2026 });
    expect(r).toMatchObject({ ok: true, attempts: 3 });
    expect(seen).toHaveLength(3);
    expect(delays).toEqual([375, 750]);
  });

  it('should give up on a read after its attempts with the last failure', async () => {
    const { c, seen } = client([
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
    ]);
    const r = await c.submissions.list(2026);
    expect(seen).toHaveLength(3);
    expect(r).toMatchObject({ ok: false, kind: 'network', status: null, code: 'network.unreachable', attempts: 3 });
    expect(r.ok || r.message).toContain('无法连接服务器');
    expect(r.ok || r.messageEn).toContain('fetch failed');
  });

  it('should not retry a write that may have been carried out (500, network error), but retry 429 and 503', async () => {
    const failing = client([apiError(500, 'internal')]);
    expect(await failing.c.admin.bureaus.add({ id: 'x', name: 'X' })).toMatchObject({
      ok: false,
      kind: 'server',
      code: 'internal',
      attempts: 1,
    });
    const offline = client([new TypeError('fetch failed')]);
    expect(await offline.c.admin.tokens.issue({ role: 'admin', label: 'a' })).toMatchObject({
      ok: false,
      code: 'network.unreachable',
      attempts: 1,
    });
    const busy = client([
      apiError(429, 'rate_limited', { 'retry-after': '2' }),
      apiError(503, 'internal'),
      json(201, { id: 'x' }),
    ]);
    expect(await busy.c.admin.bureaus.add({ id: 'x', name: 'X' })).toMatchObject({ ok: true, attempts: 3 });
    expect(busy.delays[0]).toBe(2000);
  });

  it('should return a Retry-After longer than it keeps a person waiting instead of retrying early', async () => {
    const { c, seen } = client([apiError(429, 'rate_limited', { 'retry-after': '120' })]);
    const r = await c.bureau.summary({});
    expect(seen).toHaveLength(1);
    expect(r).toMatchObject({
      ok: false,
      code: 'rate_limited',
      retryAfterMs: 120_000,
      message: '中文 rate_limited',
      messageEn: 'English rate_limited',
    });
  });

  it('should name an error page that is not the API’s by its status, and an unreadable 2xx response.invalid', async () => {
    const proxy = client([new Response('<html>Bad gateway</html>', { status: 404, statusText: 'Not Found' })]);
    expect(await proxy.c.me()).toMatchObject({
      ok: false,
      kind: 'rejected',
      status: 404,
      code: 'http.404',
      messageEn: 'The server answered HTTP 404 Not Found',
    });
    const cut = client([new Response('{"bureau":', { status: 200 }), json(200, summary)]);
    expect(await cut.c.bureau.summary({})).toMatchObject({ ok: true, attempts: 2 });
    const write = client([new Response('', { status: 200 })]);
    expect(
      await write.c.admin.schools.add({ code: 'c', name: 'n', type: '小学', rural: false, bureauId: 'b' }),
    ).toMatchObject({
      ok: false,
      code: 'response.invalid',
      attempts: 1,
    });
  });

  it('should tell the session about a refused token and not retry it', async () => {
    let signedOut = 0;
    const { c, seen } = client([apiError(401, 'auth.revoked_token')], { onUnauthorized: () => signedOut++ });
    expect(await c.me()).toMatchObject({ ok: false, kind: 'auth', code: 'auth.revoked_token' });
    expect(seen).toHaveLength(1);
    expect(signedOut).toBe(1);
  });

  it('should time out an attempt that never answers, even one whose send ignores the signal', async () => {
    const hanging = () => new Promise<Response>(() => undefined);
    const { c, seen } = client([hanging, hanging], { retry: { timeoutMs: 20, maxAttempts: 2 } });
    expect(await c.health()).toMatchObject({ ok: false, kind: 'network', code: 'network.timeout', attempts: 2 });
    expect(seen).toHaveLength(2);
  });

  it('should stop at once, without retrying, when the caller aborts', async () => {
    const controller = new AbortController();
    const { c, seen } = client([
      () => {
        controller.abort();
        return new Promise<Response>(() => undefined);
      },
    ]);
    const r = await c.submissions.submit({ year: 2026, workbook: { sheets: [] }, signal: controller.signal });
    expect(r).toMatchObject({ ok: false, code: 'network.aborted', attempts: 1 });
    expect(seen).toHaveLength(1);
  });

  it('should download an export with the name the server suggests', async () => {
    const file = new Response('学校代码,学校名称\r\n', {
      status: 200,
      headers: {
        'content-disposition': `attachment; filename="x.csv"; filename*=UTF-8''${encodeURIComponent('梁溪-2026.csv')}`,
      },
    });
    const { c, seen } = client([file]);
    const r = await c.bureau.exportSummary({ year: 2026 }, 'csv');
    expect(seen[0]!.url).toBe('http://bureau.test/api/v1/bureau/exports/summary?year=2026&format=csv');
    if (!r.ok) throw new Error(r.code);
    expect(r.value.filename).toBe('梁溪-2026.csv');
    expect(await r.value.blob.text()).toBe('学校代码,学校名称\r\n');
  });
});

describe('filenameOf', () => {
  it('should prefer the UTF-8 name, fall back to the plain one, and give null for none', () => {
    expect(filenameOf(`attachment; filename*=UTF-8''%E6%95%99%E5%B8%88.xlsx`)).toBe('教师.xlsx');
    expect(filenameOf('attachment; filename="a b.csv"')).toBe('a b.csv');
    expect(filenameOf(`attachment; filename*=UTF-8''%E6%95; filename="fallback.csv"`)).toBe('fallback.csv');
    expect(filenameOf(null)).toBeNull();
  });
});
