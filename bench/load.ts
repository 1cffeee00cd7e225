/**
 * Deadline-day load on the local worker: 300 schools submit (20 at a time, ~100 teachers and
 * ~1,200 records each) while 10 reviewers reload the bureau summary; then checks that nothing was
 * lost, and plays the double-click and two-clerk races. Loopback only.
 *
 *   npm run bench:load [-- --schools 300 --concurrency 20 --reviewers 10 --teachers 100 --reload-ms 250]
 *   npm run bench:load -- --server http://127.0.0.1:8787 --tokens demo-tokens.json [--persist-to DIR]
 *
 * Without --server it starts its own worker (scripts/start.ts on port 8797, a fresh temporary D1)
 * and stops its process group at the end.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ApiResult, createClient, api as routes } from '../client/index.js';
import { type Prepared, postSubmission, prepareDistrict } from './district.js';
import {
  assertLoopback,
  type DemoTokens,
  type LocalWorker as Server,
  sleep,
  sql,
  startLocalWorker,
  waitHealthy,
} from './local-worker.js';

/** The whole run stops by itself after this, whatever happens. */
const HARD_LIMIT_MS = 9 * 60_000;

interface Options {
  server: string | null;
  tokens: string | null;
  persistTo: string | null;
  port: number;
  schools: number;
  concurrency: number;
  reviewers: number;
  teachers: number;
  reloadMs: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    server: null,
    tokens: null,
    persistTo: null,
    port: 8797,
    schools: 300,
    concurrency: 20,
    reviewers: 10,
    teachers: 100,
    reloadMs: 250,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    const int = () => {
      const n = Number(v());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer`);
      return n;
    };
    if (a === '--server') o.server = v();
    else if (a === '--tokens') o.tokens = v();
    else if (a === '--persist-to') o.persistTo = path.resolve(v());
    else if (a === '--port') o.port = int();
    else if (a === '--schools') o.schools = int();
    else if (a === '--concurrency') o.concurrency = int();
    else if (a === '--reviewers') o.reviewers = int();
    else if (a === '--teachers') o.teachers = int();
    else if (a === '--reload-ms') o.reloadMs = int();
    else throw new Error(`unknown option ${a}`);
  }
  if (o.server) {
    assertLoopback(o.server);
    if (!o.tokens) throw new Error('--server needs --tokens FILE (the demo tokens JSON of that server)');
  }
  return o;
}

const log = (msg: string) => process.stderr.write(`[bench:load] ${msg}\n`);

// ---------------------------------------------------------------- measuring

class Stats {
  readonly ms: number[] = [];
  readonly codes = new Map<string, number>();
  count(code: string) {
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }
  pct(p: number): number {
    if (this.ms.length === 0) return Number.NaN;
    const s = [...this.ms].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  }
}

/** The set-up and verification calls (not timed): the one client, a failure stops the benchmark. */
const client = (base: string, token: string) => createClient({ server: base, token });

function expectOk<T>(r: ApiResult<T>, what: string): T {
  if (!r.ok) throw new Error(`${what} answered ${r.status ?? 'nothing'} ${r.code}`);
  return r.value;
}

const errorCode = (json: unknown) => (json as { error?: { code?: string } } | null)?.error?.code ?? 'unknown';

// ---------------------------------------------------------------- the rush

interface RushResult {
  wallMs: number;
  submits: Stats;
  summaries: Stats;
  retries: number;
  failed: string[];
}

async function rush(
  base: string,
  tokens: DemoTokens,
  work: Prepared[],
  reviewerTokens: string[],
  o: Options,
  before: Map<string, number>,
): Promise<RushResult> {
  const submits = new Stats();
  const summaries = new Stats();
  const failed: string[] = [];
  let retries = 0;
  let done = false;
  const queue = [...work];

  const clerk = async () => {
    for (let w = queue.shift(); w; w = queue.shift()) {
      const key = `bench-${randomBytes(12).toString('hex')}`;
      let ok = false;
      for (let attempt = 1; attempt <= 5 && !ok; attempt++) {
        try {
          const r = await postSubmission(base, w.token, w.body, key, before.get(w.code) ?? 0);
          submits.ms.push(r.ms);
          submits.count(r.status === 201 ? '201' : `${r.status} ${errorCode(r.json)}`);
          if (r.status === 201) ok = true;
          else if (r.status < 500 && r.status !== 429) break;
        } catch (e) {
          submits.count(`network ${(e as Error).name}`);
        }
        if (!ok) {
          retries++;
          await sleep(250 * 2 ** attempt * (0.5 + Math.random() / 2));
        }
      }
      if (!ok) failed.push(w.code);
    }
  };

  // The timed reload is a bare fetch (its time is the server's and the wire's); its URL is the typed route's.
  const summaryUrl = routes({ server: base, token: null }).bureau.summary.$url({
    query: { year: String(tokens.year) },
  });
  const reviewer = async (token: string) => {
    while (!done) {
      const started = performance.now();
      try {
        const r = await fetch(summaryUrl, { headers: { Authorization: `Bearer ${token}` } });
        const text = await r.text();
        summaries.ms.push(performance.now() - started);
        let code = '200';
        if (r.status !== 200) {
          try {
            code = `${r.status} ${errorCode(JSON.parse(text))}`;
          } catch {
            code = `${r.status} non-json "${text.replace(/\s+/g, ' ').slice(0, 60)}"`;
          }
        }
        summaries.count(code);
      } catch (e) {
        summaries.count(`network ${(e as Error).name}`);
      }
      await sleep(o.reloadMs);
    }
  };

  const started = performance.now();
  const reviewers = reviewerTokens.map(reviewer);
  await Promise.all(Array.from({ length: o.concurrency }, clerk));
  const wallMs = performance.now() - started;
  done = true;
  await Promise.all(reviewers);
  return { wallMs, submits, summaries, retries, failed };
}

// ---------------------------------------------------------------- nothing lost

interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

async function listAll(base: string, token: string, year: number) {
  return expectOk(await client(base, token).submissions.list(year), 'GET /submissions').items;
}

async function verify(
  server: Server,
  work: Prepared[],
  before: Map<string, number>,
  beforeCount: Map<string, number>,
): Promise<Check[]> {
  const { base, tokens } = server;
  const checks: Check[] = [];
  const items = await listAll(base, tokens.reviewer, tokens.year);
  const perSchool = new Map<string, number>();
  for (const i of items) perSchool.set(i.schoolCode, (perSchool.get(i.schoolCode) ?? 0) + 1);
  const current = new Map(items.filter((i) => i.current).map((i) => [i.schoolCode, i]));

  const wrongVersions = work.filter(
    (w) =>
      (perSchool.get(w.code) ?? 0) !== (beforeCount.get(w.code) ?? 0) + 1 ||
      current.get(w.code)?.version !== (before.get(w.code) ?? 0) + 1,
  );
  checks.push({
    what: 'every school has exactly one new version',
    ok: wrongVersions.length === 0,
    detail: `${work.length - wrongVersions.length}/${work.length} schools${
      wrongVersions.length
        ? `; wrong: ${wrongVersions
            .slice(0, 5)
            .map((w) => w.code)
            .join(', ')}`
        : ''
    }`,
  });

  const wrongCounts = work.filter((w) => JSON.stringify(current.get(w.code)?.counts) !== JSON.stringify(w.counts));
  const sent = work.reduce(
    (a, w) => a + w.counts.teachers + w.counts.trainings + w.counts.duties + w.counts.milestones,
    0,
  );
  checks.push({
    what: 'stored counts (receipts) equal what was sent',
    ok: wrongCounts.length === 0,
    detail: `${sent.toLocaleString('en')} records sent${wrongCounts.length ? `; ${wrongCounts.length} schools differ` : ''}`,
  });

  // Recomputed from the stored teacher rows through the API's own listing (not the per-version counters).
  const byStatus = new Map<string, { pass: number; warn: number; fail: number; n: number }>();
  for (let page = 1; ; page++) {
    const p = expectOk(
      await client(base, tokens.reviewer).bureau.teachers({ year: tokens.year, pageSize: 500, page }),
      'GET /bureau/teachers',
    );
    for (const t of p.items) {
      const s = byStatus.get(t.schoolCode) ?? { pass: 0, warn: 0, fail: 0, n: 0 };
      s.n++;
      if (t.status === 'pass' || t.status === 'warn' || t.status === 'fail') s[t.status]++;
      byStatus.set(t.schoolCode, s);
    }
    if (page * p.pageSize >= p.total) break;
  }
  const summary = expectOk(
    await client(base, tokens.reviewer).bureau.summary({ year: tokens.year }),
    'GET /bureau/summary',
  );
  const mismatched = summary.schools.filter((row) => {
    const s = byStatus.get(row.code) ?? { pass: 0, warn: 0, fail: 0, n: 0 };
    return row.pass !== s.pass || row.warn !== s.warn || row.fail !== s.fail;
  });
  const sum = (k: 'pass' | 'warn' | 'fail' | 'n') => [...byStatus.values()].reduce((a, s) => a + s[k], 0);
  const totalsOk =
    summary.totals.pass === sum('pass') && summary.totals.warn === sum('warn') && summary.totals.fail === sum('fail');
  const teachersSent = work.reduce((a, w) => a + w.counts.teachers, 0);
  checks.push({
    what: 'summary equals a recount of the stored teacher rows (API)',
    ok:
      mismatched.length === 0 &&
      totalsOk &&
      summary.totals.submitted === summary.schools.length &&
      sum('n') >= teachersSent,
    detail: `${summary.totals.submitted}/${summary.schools.length} submitted; pass/warn/fail ${summary.totals.pass}/${summary.totals.warn}/${summary.totals.fail} vs recount ${sum('pass')}/${sum('warn')}/${sum('fail')}${mismatched.length ? `; ${mismatched.length} schools differ` : ''}`,
  });

  if (server.persistTo) {
    // Straight from the D1 file: rows of every table under each school's current version.
    const rows = sql(
      server.persistTo,
      `SELECT c.school_code AS code,
              (SELECT COUNT(*) FROM teachers t WHERE t.submission_id = c.submission_id) AS teachers,
              (SELECT COUNT(*) FROM trainings t WHERE t.submission_id = c.submission_id) AS trainings,
              (SELECT COUNT(*) FROM duties t WHERE t.submission_id = c.submission_id) AS duties,
              (SELECT COUNT(*) FROM milestones t WHERE t.submission_id = c.submission_id) AS milestones,
              (SELECT COUNT(*) FROM teachers t WHERE t.submission_id = c.submission_id AND t.status = 'pass') AS pass
         FROM current_submissions c WHERE c.year = ${Number(tokens.year)}`,
    )[0]!.results;
    const stored = new Map(rows.map((r) => [String(r.code), r]));
    const off = work.filter((w) => {
      const r = stored.get(w.code);
      return (
        !r ||
        r.teachers !== w.counts.teachers ||
        r.trainings !== w.counts.trainings ||
        r.duties !== w.counts.duties ||
        r.milestones !== w.counts.milestones
      );
    });
    const staging = sql(server.persistTo, "SELECT COUNT(*) AS n FROM submissions WHERE status = 'staging'")[0]!
      .results[0]!.n;
    const passRows = rows.reduce((a, r) => a + Number(r.pass), 0);
    checks.push({
      what: 'stored rows in D1 equal what was sent (SQL)',
      ok: off.length === 0 && staging === 0 && passRows === summary.totals.pass,
      detail: `${rows.length} current versions; ${off.length} schools differ; ${String(staging)} staging leftovers; pass rows ${passRows}`,
    });
  }
  return checks;
}

// ---------------------------------------------------------------- the races

async function races(server: Server, w: Prepared, secondClerk: string): Promise<Check[]> {
  const { base, tokens } = server;
  const checks: Check[] = [];
  // The clerk's own list: one school, so the reviewer list's 1,000-row cap cannot hide a version.
  const versionsOf = async () => (await listAll(base, w.token, tokens.year)).length;
  const currentOf = async () => (await listAll(base, w.token, tokens.year)).find((i) => i.current)?.version ?? 0;

  // 1. One clerk presses submit five times at once: the client keeps one key for one submission.
  let n0 = await versionsOf();
  const key = `bench-dbl-${randomBytes(8).toString('hex')}`;
  const cur = await currentOf();
  const same = await Promise.all(Array.from({ length: 5 }, () => postSubmission(base, w.token, w.body, key, cur)));
  const ids = new Set(same.map((r) => (r.json && 'submission' in r.json ? r.json.submission?.id : undefined)));
  let n1 = await versionsOf();
  checks.push({
    what: 'same key pressed 5× at once → one version',
    ok: same.every((r) => r.status === 201) && ids.size === 1 && n1 === n0 + 1,
    detail: `statuses ${same.map((r) => r.status).join(',')}; ${same.filter((r) => r.replayed).length} replayed; ${n1 - n0} new version`,
  });

  // 2. Five presses, five different keys, one after another with no If-Match: five submissions.
  n0 = n1;
  const seq: number[] = [];
  for (let i = 0; i < 5; i++)
    seq.push((await postSubmission(base, w.token, w.body, `bench-seq-${randomBytes(8).toString('hex')}`, null)).status);
  n1 = await versionsOf();
  checks.push({
    what: '5 different keys in turn, no If-Match → 5 versions',
    ok: seq.every((s) => s === 201) && n1 === n0 + 5,
    detail: `statuses ${seq.join(',')}; ${n1 - n0} new versions (a new key is a new submission)`,
  });

  // 3. Five different keys at once, all from the same version: the guard lets one through.
  n0 = n1;
  const base3 = await currentOf();
  const par = await Promise.all(
    Array.from({ length: 5 }, () =>
      postSubmission(base, w.token, w.body, `bench-par-${randomBytes(8).toString('hex')}`, base3),
    ),
  );
  n1 = await versionsOf();
  const codes3 = par.map((r) => (r.status === 201 ? '201' : `${r.status} ${errorCode(r.json)}`));
  checks.push({
    what: '5 different keys at once, same If-Match → 1 stored, 4×409',
    ok:
      par.filter((r) => r.status === 201).length === 1 &&
      par.filter((r) => r.status === 409).length === 4 &&
      n1 === n0 + 1,
    detail: `${codes3.filter((c) => c === '201').length}×201, ${codes3.filter((c) => c.startsWith('409')).length}×409 submission.version_conflict; ${n1 - n0} new version`,
  });

  // 4. Two clerks of one school (two tokens) submit at once from the same version.
  n0 = n1;
  const base4 = await currentOf();
  const two = await Promise.all([
    postSubmission(base, w.token, w.body, `bench-a-${randomBytes(8).toString('hex')}`, base4),
    postSubmission(base, secondClerk, w.body, `bench-b-${randomBytes(8).toString('hex')}`, base4),
  ]);
  n1 = await versionsOf();
  checks.push({
    what: 'two clerks at once, same If-Match → exactly one 409',
    ok:
      two.filter((r) => r.status === 201).length === 1 &&
      two.filter((r) => r.status === 409 && errorCode(r.json) === 'submission.version_conflict').length === 1 &&
      n1 === n0 + 1,
    detail: `statuses ${two.map((r) => r.status).join(',')}; ${n1 - n0} new version; current ${await currentOf()}`,
  });
  return checks;
}

// ---------------------------------------------------------------- report

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) => r.map((c, i) => pad(c, widths[i]!)).join('  ')).join('\n');
}

function codes(s: Stats): string {
  return [...s.codes.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const timer = setTimeout(() => {
    log(`hard limit of ${HARD_LIMIT_MS / 60_000} min reached: stopping`);
    void cleanup().finally(() => process.exit(2));
  }, HARD_LIMIT_MS);
  let server: Server | null = null;
  const cleanup = async () => {
    if (server) await server.stop();
  };
  process.on('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  process.on('SIGTERM', () => void cleanup().finally(() => process.exit(143)));
  try {
    if (o.server) {
      const tokens = JSON.parse(readFileSync(o.tokens!, 'utf8')) as DemoTokens;
      await waitHealthy(o.server, null, 10_000);
      server = {
        base: o.server.replace(/\/$/, ''),
        tokens,
        persistTo: o.persistTo,
        stop: async () => undefined,
        stderrTail: () => [],
      };
    } else {
      const t = Date.now();
      server = await startLocalWorker(o, log);
      log(`worker ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    const { base, tokens } = server;
    if (tokens.schools.length < o.schools)
      throw new Error(`the tokens file has ${tokens.schools.length} schools, fewer than --schools ${o.schools}`);

    let t = Date.now();
    const work = prepareDistrict(tokens, o.schools, o.teachers);
    const records = work.reduce(
      (a, w) => a + w.counts.teachers + w.counts.trainings + w.counts.duties + w.counts.milestones,
      0,
    );
    const gz = work.reduce((a, w) => a + w.body.byteLength, 0);
    log(
      `generated and validated ${work.length} workbooks (${records.toLocaleString('en')} records, ${(gz / 1e6).toFixed(1)} MB gzip) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );

    const reviewerTokens: string[] = [];
    for (let i = 0; i < o.reviewers; i++) {
      const issued = await client(base, tokens.admin).admin.tokens.issue({
        role: 'reviewer',
        bureauId: tokens.bureau.id,
        label: `bench:reviewer-${i + 1}`,
      });
      reviewerTokens.push(expectOk(issued, 'issuing a reviewer token').token);
    }
    const second = expectOk(
      await client(base, tokens.admin).admin.tokens.issue({
        role: 'clerk',
        schoolCode: work[0]!.code,
        label: 'bench:second clerk',
      }),
      'issuing a second clerk token',
    );

    const all = await listAll(base, tokens.reviewer, tokens.year);
    const before = new Map(all.filter((i) => i.current).map((i) => [i.schoolCode, i.version]));
    const beforeCount = new Map<string, number>();
    for (const i of all) beforeCount.set(i.schoolCode, (beforeCount.get(i.schoolCode) ?? 0) + 1);

    log(
      `rush: ${work.length} schools, ${o.concurrency} at a time, ${o.reviewers} reviewers reloading every ${o.reloadMs} ms`,
    );
    const r = await rush(base, tokens, work, reviewerTokens, o, before);
    log(`rush done in ${(r.wallMs / 1000).toFixed(1)} s; verifying`);
    t = Date.now();
    const checks = await verify(server, work, before, beforeCount);
    log(`verified in ${((Date.now() - t) / 1000).toFixed(1)} s; races`);
    checks.push(...(await races(server, work[0]!, second.token)));

    const perSchool = records / work.length;
    const out = [
      '',
      `Deadline rush against ${base} — ${work.length} schools × ~${Math.round(perSchool)} records (${o.teachers} teachers), ${o.concurrency} concurrent clerks, ${o.reviewers} reviewers reloading every ${o.reloadMs} ms`,
      '',
      table([
        ['', 'requests', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'answers'],
        [
          'submit',
          String(r.submits.ms.length),
          (r.submits.ms.length / (r.wallMs / 1000)).toFixed(2),
          f0(r.submits.pct(50)),
          f0(r.submits.pct(95)),
          f0(r.submits.pct(99)),
          f0(r.submits.pct(100)),
          codes(r.submits),
        ],
        [
          'summary',
          String(r.summaries.ms.length),
          (r.summaries.ms.length / (r.wallMs / 1000)).toFixed(2),
          f0(r.summaries.pct(50)),
          f0(r.summaries.pct(95)),
          f0(r.summaries.pct(99)),
          f0(r.summaries.pct(100)),
          codes(r.summaries),
        ],
      ]),
      '',
      `all ${work.length} schools submitted in ${(r.wallMs / 1000).toFixed(1)} s (${(work.length / (r.wallMs / 60_000)).toFixed(0)} schools/min, ${((records / r.wallMs) * 1000).toFixed(0)} records/s stored); ${r.retries} retries; ${r.failed.length} schools never stored${r.failed.length ? ` (${r.failed.slice(0, 10).join(', ')})` : ''}`,
      `target "${work.length} schools within a minute": ${r.wallMs <= 60_000 && r.failed.length === 0 ? 'met' : 'NOT met'}`,
      '',
      table([['check', 'result', 'detail'], ...checks.map((c) => [c.what, c.ok ? 'ok' : 'FAILED', c.detail])]),
      '',
    ];
    process.stdout.write(out.join('\n'));
    process.exitCode = checks.every((c) => c.ok) && r.failed.length === 0 ? 0 : 1;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

main().catch((e: unknown) => {
  log((e as Error).stack ?? String(e));
  process.exit(1);
});
