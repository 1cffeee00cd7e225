/**
 * The figures behind docs/SCALING.md, measured on the local D1 (the same SQLite engine D1 runs):
 * - the database size per 10,000 teachers per year (a demo district submitted through the API);
 * - the bureau summary's time at 1×, 10× and 100× the demo district (300 schools × ~100 teachers):
 *   10× copied by SQL with every row (teachers, trainings, duties, milestones), 100× with the
 *   school and submission rows only — the summary's query plan reads no child table;
 * - what one submission costs D1: statements, bytes bound, rows written, SQLite time;
 * - the teachers' history (bench/history-scale.ts): a 2,000-teacher school's submission with five
 *   years of history end to end, the lookup's statements, and the re-evaluation after an earlier
 *   year changes in a district of 300 schools.
 *
 *   npm run bench:scale [-- --port 8798 --schools 300 --teachers 100 --skip-100x --skip-history --history-only]
 */

import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { api } from '../client/index.js';
import type { BureauSummary } from '../shared/api/responses.js';
import { encodeWorkbook } from '../shared/grid.js';
import { currentYear, DEFAULT_POLICY, type ResolvedPolicy } from '../shared/policy/index.js';
import type { Records } from '../shared/records.js';
import { generateSchool } from '../test/fixtures/generate-school.js';
import { CHILD_TABLES, SUBMISSIONS } from '../worker/db/schema.js';
import { postSubmission, prepareDistrict } from './district.js';
import { historyScale, renderHistoryFigures } from './history-scale.js';
import { type LocalWorker, sleep, sql, startLocalWorker } from './local-worker.js';

const log = (msg: string) => process.stderr.write(`[bench:scale] ${msg}\n`);
const HARD_LIMIT_MS = 45 * 60_000;

interface Options {
  port: number;
  schools: number;
  teachers: number;
  skip100x: boolean;
  skipHistory: boolean;
  historyOnly: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    port: 8798,
    schools: 300,
    teachers: 100,
    skip100x: false,
    skipHistory: false,
    historyOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const n = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a positive integer`);
      return v;
    };
    if (a === '--port') o.port = n();
    else if (a === '--schools') o.schools = n();
    else if (a === '--teachers') o.teachers = n();
    else if (a === '--skip-100x') o.skip100x = true;
    else if (a === '--skip-history') o.skipHistory = true;
    else if (a === '--history-only') o.historyOnly = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Decimal units, as docs/SCALING.md quotes them. */
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

// ------------------------------------------------------------------ what one submission costs D1

/**
 * The worker's own modules, loaded at run time: their types need @cloudflare/workers-types, which the
 * Node program of bench/ does not load (its globals clash with Node's). Only what is used is typed.
 */
interface WorkerModules {
  idKeys: (env: { ID_HMAC_KEY: string; ID_ENC_KEY: string }) => Promise<unknown>;
  validateSubmission: (workbook: ReturnType<typeof encodeWorkbook>, year: number) => Records;
  hmacsOf: (records: Records, keys: unknown) => Promise<Map<string, string>>;
  lookupHistory: (
    db: unknown,
    q: { bureauId: string; schoolCode: string; year: number; hmacs: readonly string[] },
  ) => Promise<unknown>;
  emptyHistory: (teachers: number) => unknown;
  prepareSubmission: (
    records: Records,
    history: unknown,
    policy: ResolvedPolicy,
    opts: { year: number; asOf: string; schoolCode: string; keys: unknown; hmacs: Map<string, string> },
  ) => Promise<{
    counts: { teachers: number; trainings: number; duties: number; milestones: number };
    sources: unknown[];
  }>;
  storeSubmission: (db: unknown, input: Record<string, unknown>) => Promise<unknown>;
  reevaluate: (db: unknown, id: string, now: string) => Promise<boolean>;
}

async function workerModules(): Promise<WorkerModules> {
  const load = (p: string) => import(new URL(p, import.meta.url).href) as Promise<Record<string, unknown>>;
  const mods = await Promise.all(
    [
      '../worker/crypto/ids.ts',
      '../worker/submission/prepare.ts',
      '../worker/submission/store.ts',
      '../worker/db/history.ts',
      '../worker/submission/reevaluate.ts',
    ].map(load),
  );
  return Object.assign({}, ...mods) as WorkerModules;
}

/**
 * A D1 stand-in that counts statements and bound bytes, for the storage steps of one submission.
 * `answer` gives a read its rows (none by default), so that a re-evaluation reads a stored version back.
 */
function countingD1(answer: (query: string) => unknown[] = () => []) {
  const tally = { statements: 0, batches: 0, boundBytes: 0, largestParam: 0 };
  const stmt = (query: string, args: unknown[] = []) => ({
    query,
    args,
    bind: (...a: unknown[]) => stmt(query, a),
    run: async () => {
      count(args);
      return { meta: { changes: 1 }, results: [] };
    },
    first: async () => {
      count(args);
      return answer(query)[0] ?? null;
    },
    all: async () => {
      count(args);
      return { results: answer(query) };
    },
  });
  const count = (args: unknown[]) => {
    tally.statements++;
    for (const a of args) {
      const n = typeof a === 'string' ? Buffer.byteLength(a) : 8;
      tally.boundBytes += n;
      tally.largestParam = Math.max(tally.largestParam, n);
    }
  };
  const db = {
    prepare: (q: string) => stmt(q),
    batch: async (list: ReturnType<typeof stmt>[]) => {
      tally.batches++;
      for (const s of list) count(s.args);
      return list.map((s) => ({ meta: { changes: 1 }, results: answer(s.query) }));
    },
  };
  return { db, tally };
}

/**
 * The route's own reads around the history lookup and the storage steps
 * (worker/routes/submissions.ts): token, replay, school, current version, policy, the catalogues (a
 * batch of 3: entries, decisions, attendee rows); after the commit the search for stale verdicts (1);
 * then the receipt: its stale check, the submission, the compliance batch of 2 and the recognition
 * batch of 2. Re-evaluations come on top (counted below, `reevaluation`).
 */
const ROUTE_STATEMENTS = 15;

async function submissionCost(w: WorkerModules, teachers: number, year: number) {
  const grid = generateSchool({ seed: 9, teachers, year, withDuties: true, withMilestones: true });
  const records = w.validateSubmission(encodeWorkbook(grid), year);
  const code = String(records.school!.schoolCode);
  const keys = await w.idKeys({
    ID_HMAC_KEY: 'bench-scale-hmac-key-0123456789',
    ID_ENC_KEY: Buffer.alloc(32, 3).toString('base64'),
  });
  const hmacs = await w.hmacsOf(records, keys);
  // The history lookup, for real on the stand-in: its statements whatever the roster's size.
  const lookup = countingD1();
  await w.lookupHistory(lookup.db, {
    bureauId: 'b',
    schoolCode: code,
    year,
    hmacs: records.teachers.map((t) => hmacs.get(t.idNumber)!),
  });
  const prepared = await w.prepareSubmission(records, w.emptyHistory(records.teachers.length), DEFAULT_POLICY, {
    year,
    asOf: `${year}-12-31`,
    schoolCode: code,
    keys,
    hmacs,
  });
  const { db, tally } = countingD1();
  await w.storeSubmission(db, {
    id: 'x',
    schoolCode: code,
    bureauId: 'b',
    year,
    version: 1,
    expectedVersion: 0,
    previousId: null,
    approvedVersion: null,
    historySeq: 0,
    contentHash: 'c',
    tokenId: 't',
    submittedBy: 'b',
    submittedAt: new Date().toISOString(),
    idempotencyKey: 'k',
    requestHash: 'h',
    prepared,
  });
  const rows =
    prepared.counts.teachers + prepared.counts.trainings + prepared.counts.duties + prepared.counts.milestones;
  // One re-evaluation of that version (worker/submission/reevaluate.ts), for real on a stand-in that
  // answers its reads with the rows just staged: its own rows, the policy, the catalogues, the
  // history lookup, the writes. The history's size changes no count (one batch, JSON parameters).
  const staged = prepared as unknown as Record<'teachers' | 'trainings' | 'duties' | 'milestones', unknown[]>;
  const head = { id: 'x', school_code: code, bureau_id: 'b', year, as_of: `${year}-12-31`, school_json: '{}' };
  const again = countingD1((q) => {
    if (q.includes('s.school_json')) return [{ ...head, school_json: JSON.stringify(records.school) }];
    for (const t of ['teachers', 'trainings', 'duties', 'milestones'] as const)
      if (new RegExp(`FROM ${t} WHERE submission_id = \\?1 ORDER BY row`).test(q)) return staged[t];
    return [];
  });
  await w.reevaluate(again.db, 'x', new Date().toISOString());
  return {
    teachers,
    rows,
    history: lookup.tally.statements,
    historyBatches: lookup.tally.batches,
    historyBound: lookup.tally.boundBytes,
    statements: tally.statements + lookup.tally.statements + ROUTE_STATEMENTS,
    batches: tally.batches + lookup.tally.batches,
    boundBytes: tally.boundBytes + lookup.tally.boundBytes,
    largestParam: Math.max(tally.largestParam, lookup.tally.largestParam),
    reevaluation: { statements: again.tally.statements, batches: again.tally.batches },
  };
}

// ------------------------------------------------------------------ the local D1

/** The local D1's SQLite file (miniflare names it by a hash; metadata.sqlite is its own bookkeeping). */
function d1File(persistTo: string): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.sqlite') && e.name !== 'metadata.sqlite') found.push(p);
    }
  };
  walk(path.join(persistTo, 'v3', 'd1'));
  if (found.length !== 1) throw new Error(`expected one D1 file under ${persistTo}, found ${found.length}`);
  return found[0]!;
}

/**
 * Bytes in use: page_count × page_size minus free pages. D1 refuses PRAGMA through wrangler
 * (SQLITE_AUTH), so the file is opened read-only with Python's sqlite3 (WAL included); the file
 * sizes are the fallback.
 */
function dbBytes(persistTo: string): { pages: number; file: number } {
  const file = d1File(persistTo);
  const onDisk = [file, `${file}-wal`].reduce((a, f) => a + (existsSync(f) ? statSync(f).size : 0), 0);
  const py = spawnSync(
    'python3',
    [
      '-c',
      'import sqlite3,sys; c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True); q=lambda p: c.execute("PRAGMA "+p).fetchone()[0]; print((q("page_count")-q("freelist_count"))*q("page_size"))',
      file,
    ],
    { encoding: 'utf8' },
  );
  const pages = py.status === 0 ? Number(py.stdout.trim()) : Number.NaN;
  return { pages: Number.isFinite(pages) ? pages : onDisk, file: onDisk };
}

const SUMMARY_SQL = (
  bureau: string,
  year: number,
) => `SELECT sc.code, sc.name, sc.type, sc.rural, s.id, s.version, s.status, s.submitted_at, s.pass, s.warn, s.fail,
       s.pass_rate, s.stats_json
  FROM schools sc
  LEFT JOIN current_submissions c ON c.school_code = sc.code AND c.year = ${year}
  LEFT JOIN submissions s ON s.id = c.submission_id
 WHERE sc.bureau_id = '${bureau}'
 ORDER BY sc.code`;

const TEACHER_COUNT_SQL = (bureau: string, year: number) => `SELECT COUNT(*) AS n FROM teachers t
  JOIN current_submissions c ON c.submission_id = t.submission_id
  JOIN schools sc ON sc.code = c.school_code
 WHERE sc.bureau_id = '${bureau}' AND c.year = ${year} AND t.status = 'fail'`;

/** D1's own duration (SQLite time) of a query, median of `runs`. */
function sqlMs(persistTo: string, query: string, runs = 5): number {
  return median(sql(persistTo, Array.from({ length: runs }, () => `${query};`).join('\n')).map((r) => r.duration));
}

async function apiSummaryMs(
  base: string,
  token: string,
  year: number,
  runs = 5,
): Promise<{ ms: number; bytes: number; schools: number }> {
  const times: number[] = [];
  let bytes = 0;
  let schools = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await fetch(api({ server: base, token: null }).bureau.summary.$url({ query: { year: String(year) } }), {
      headers: { Authorization: `Bearer ${token}` },
    });
    const text = await r.text();
    times.push(performance.now() - t);
    if (r.status !== 200) throw new Error(`summary answered ${r.status}: ${text.slice(0, 200)}`);
    bytes = Buffer.byteLength(text);
    schools = (JSON.parse(text) as BureauSummary).schools.length;
  }
  return { ms: median(times), bytes, schools };
}

/** The column lists of worker/db/schema.ts: the copies below write exactly the tables' columns. */
const SUBMISSION_COLUMNS = SUBMISSIONS.names.join(', ');
const CHILD_COLUMNS: Record<string, string> = Object.fromEntries(
  CHILD_TABLES.filter((t) => t.name !== 'submission_sources').map((t) => [t.name, t.staged.join(', ')]),
);

/** A submission row copied from `s` (the template) for bench_map's `m`: new id, school, key; version 1, current. */
const COPY_AS: Record<string, string> = {
  id: 'm.sid',
  school_code: 'm.code',
  version: '1',
  status: "'stored'",
  idempotency_key: "'bench-' || m.sid",
  review_state: "'pending'",
};
const COPIED_SUBMISSION = SUBMISSIONS.names.map((c) => COPY_AS[c] ?? `s.${c}`).join(', ');

/**
 * A bureau of `factor` × the demo district, copied from the demo's submitted rows by SQL (one
 * transaction per statement): schools, submissions and current pointers, and (withChildren) every
 * teacher, training, duty and milestone row. A reviewer token for it is returned.
 */
function seedCopy(
  persistTo: string,
  demoBureau: string,
  id: string,
  factor: number,
  withChildren: boolean,
): { token: string; ms: number } {
  const token = `bench_${randomBytes(18).toString('base64url')}`;
  const hash = createHash('sha256').update(token).digest('hex');
  const seq = `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < (SELECT COUNT(*) FROM bench_tpl) * ${factor})`;
  const tpl = `${seq} SELECT n, printf('${id}%07d', n) AS code, '${id}-' || n AS sid, t.sid AS tpl FROM seq JOIN bench_tpl t ON t.k = n % (SELECT COUNT(*) FROM bench_tpl)`;
  const statements = [
    'DROP TABLE IF EXISTS bench_tpl',
    'CREATE TABLE bench_tpl (k INTEGER PRIMARY KEY, sid TEXT NOT NULL)',
    `INSERT INTO bench_tpl (k, sid) SELECT ROW_NUMBER() OVER (ORDER BY c.school_code) - 1, c.submission_id
       FROM current_submissions c JOIN schools s ON s.code = c.school_code WHERE s.bureau_id = '${demoBureau}'`,
    'DROP TABLE IF EXISTS bench_map',
    'CREATE TABLE bench_map (n INTEGER PRIMARY KEY, code TEXT NOT NULL, sid TEXT NOT NULL, tpl TEXT NOT NULL)',
    `INSERT INTO bench_map (n, code, sid, tpl) ${tpl}`,
    `INSERT INTO bureaus (id, name, created_at) VALUES ('${id}', '${id} 压测区', '2026-01-01T00:00:00Z')`,
    `INSERT INTO schools (code, name, type, rural, bureau_id, created_at)
       SELECT m.code, '压测学校' || m.n, sc.type, sc.rural, '${id}', sc.created_at
         FROM bench_map m JOIN submissions s ON s.id = m.tpl JOIN schools sc ON sc.code = s.school_code`,
    `INSERT INTO submissions (${SUBMISSION_COLUMNS}) SELECT ${COPIED_SUBMISSION} FROM bench_map m JOIN submissions s ON s.id = m.tpl`,
    `INSERT INTO current_submissions (school_code, year, submission_id, version)
       SELECT m.code, s.year, m.sid, 1 FROM bench_map m JOIN submissions s ON s.id = m.tpl`,
    ...(withChildren
      ? Object.entries(CHILD_COLUMNS).map(
          ([table, cols]) =>
            `INSERT INTO ${table} (submission_id, ${cols}) SELECT m.sid, ${cols
              .split(', ')
              .map((c) => `x.${c}`)
              .join(', ')} FROM bench_map m JOIN ${table} x ON x.submission_id = m.tpl`,
        )
      : []),
    `INSERT INTO tokens (id, hash, role, school_code, bureau_id, label, created_at) VALUES ('tok-${id}', '${hash}', 'reviewer', NULL, '${id}', 'bench:${id}', '2026-01-01T00:00:00Z')`,
    'DROP TABLE bench_map',
    'DROP TABLE bench_tpl',
  ];
  const t = Date.now();
  sql(persistTo, statements.map((s) => `${s};`).join('\n'));
  return { token, ms: Date.now() - t };
}

/** SQLite time to write one submission's rows: copy a stored version's child rows under a new id, then remove them. */
function writeCostMs(persistTo: string, demoBureau: string): { ms: number; rows: number } {
  const pick = `(SELECT c.submission_id FROM current_submissions c JOIN schools s ON s.code = c.school_code WHERE s.bureau_id = '${demoBureau}' ORDER BY c.school_code LIMIT 1)`;
  const inserts = Object.entries(CHILD_COLUMNS).map(
    ([table, cols]) =>
      `INSERT INTO ${table} (submission_id, ${cols}) SELECT 'bench-write', ${cols} FROM ${table} WHERE submission_id = ${pick};`,
  );
  // The parent row first (the child tables reference it), as the staging step writes it.
  const parent = `INSERT INTO submissions (${SUBMISSION_COLUMNS}) SELECT 'bench-write', ${SUBMISSION_COLUMNS.split(', ')
    .slice(1)
    .map((c) => (c === 'status' ? "'staging'" : c === 'idempotency_key' ? "'bench-write'" : c))
    .join(', ')} FROM submissions WHERE id = ${pick};`;
  const deletes = [
    ...Object.keys(CHILD_COLUMNS).map((t) => `DELETE FROM ${t} WHERE submission_id = 'bench-write';`),
    `DELETE FROM submissions WHERE id = 'bench-write';`,
  ];
  const runs: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const r = sql(persistTo, [parent, ...inserts, ...deletes].join('\n'));
    runs.push(r.slice(0, inserts.length + 1).reduce((a, x) => a + x.duration, 0));
    rows = Number(
      sql(
        persistTo,
        `SELECT (SELECT COUNT(*) FROM teachers WHERE submission_id = ${pick}) + (SELECT COUNT(*) FROM trainings WHERE submission_id = ${pick}) + (SELECT COUNT(*) FROM duties WHERE submission_id = ${pick}) + (SELECT COUNT(*) FROM milestones WHERE submission_id = ${pick}) AS n`,
      )[0]!.results[0]!.n,
    );
  }
  return { ms: median(runs), rows };
}

// ------------------------------------------------------------------ run

async function submitDistrict(
  w: LocalWorker,
  schools: number,
  teachers: number,
): Promise<{ teachers: number; records: number; ms: number }> {
  const work = prepareDistrict(w.tokens, schools, teachers);
  const queue = [...work];
  const t = Date.now();
  const clerk = async () => {
    for (let x = queue.shift(); x; x = queue.shift()) {
      for (let attempt = 1; ; attempt++) {
        const r = await postSubmission(w.base, x.token, x.body, `scale-${randomBytes(10).toString('hex')}`, 0);
        if (r.status === 201) break;
        if (attempt >= 5) throw new Error(`submission of ${x.code} answered ${r.status}`);
        await sleep(500 * attempt);
      }
    }
  };
  await Promise.all(Array.from({ length: 10 }, clerk));
  return {
    teachers: work.reduce((a, x) => a + x.counts.teachers, 0),
    records: work.reduce(
      (a, x) => a + x.counts.teachers + x.counts.trainings + x.counts.duties + x.counts.milestones,
      0,
    ),
    ms: Date.now() - t,
  };
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  let worker: LocalWorker | null = null;
  const timer = setTimeout(() => {
    log('hard limit reached: stopping');
    void (worker?.stop() ?? Promise.resolve()).finally(() => process.exit(2));
  }, HARD_LIMIT_MS);
  process.on('SIGINT', () => void (worker?.stop() ?? Promise.resolve()).finally(() => process.exit(130)));
  let kept: string | null = null;
  try {
    const year = currentYear();
    log('counting what one submission costs D1 (storage steps on a counting stand-in)');
    const mods = await workerModules();
    const costs = [await submissionCost(mods, 100, year), await submissionCost(mods, 2000, year)];
    const lookups = costs.map((c) => ({ teachers: c.teachers, statements: c.history, batches: c.historyBatches }));
    const history = async () => {
      const f = await historyScale(
        { port: o.port, schools: o.schools, teachers: o.teachers, bigTeachers: 2000 },
        log,
        (w) => (worker = w),
      );
      process.stdout.write(renderHistoryFigures(f, lookups).join('\n'));
      process.stdout.write(`${JSON.stringify({ history: f, lookups })}\n`);
    };
    const costLines = [
      `What one submission costs D1 (history lookup and storage steps counted on a stand-in, + ${ROUTE_STATEMENTS} route reads):`,
      ...costs.map(
        (c) =>
          `  ${c.teachers} teachers, ${c.rows} rows: ${c.statements} statements (${c.batches} batches), ${mb(c.boundBytes)} MB bound, largest value ${(c.largestParam / 1000).toFixed(0)} KB`,
      ),
      'What one re-evaluation of such a version costs D1 (counted on a stand-in that reads it back):',
      ...costs.map(
        (c) => `  ${c.teachers} teachers: ${c.reevaluation.statements} statements (${c.reevaluation.batches} batches)`,
      ),
    ];
    if (o.historyOnly) {
      process.stdout.write(`${costLines.join('\n')}\n`);
      await history();
      return;
    }

    worker = await startLocalWorker({ port: o.port, schools: o.schools }, log);
    const { tokens, base } = worker;
    const persistTo = worker.persistTo!;
    const bureau = tokens.bureau.id;
    const empty = dbBytes(persistTo);
    log(`submitting ${o.schools} schools × ${o.teachers} teachers through the API`);
    const d = await submitDistrict(worker, o.schools, o.teachers);
    const full = dbBytes(persistTo);
    const perTeacher = (full.pages - empty.pages) / d.teachers;
    log(
      `district stored in ${(d.ms / 1000).toFixed(1)} s; ${mb(full.pages - empty.pages)} MB for ${d.teachers} teachers`,
    );

    log('timing the summary at 1×');
    const api1 = await apiSummaryMs(base, tokens.reviewer, year);

    // Writes through `wrangler d1 execute` beside a running wrangler dev left the dev server
    // unreachable in our runs: every SQL write below runs with the worker stopped.
    await worker.stop({ keepData: true });
    worker = null;
    kept = path.dirname(persistTo);
    const plan = sql(persistTo, `EXPLAIN QUERY PLAN ${SUMMARY_SQL(bureau, year)}`)[0]!.results.map((r) =>
      String(r.detail),
    );
    const write = writeCostMs(persistTo, bureau);
    const levels: {
      name: string;
      schools: number;
      teachers: number;
      children: boolean;
      seedMs: number;
      token: string;
      bureau: string;
    }[] = [
      {
        name: '1×',
        schools: o.schools,
        teachers: d.teachers,
        children: true,
        seedMs: d.ms,
        token: tokens.reviewer,
        bureau,
      },
    ];
    log('seeding 10× by SQL (every row)');
    const x10 = seedCopy(persistTo, bureau, 'x10', 10, true);
    levels.push({
      name: '10×',
      schools: o.schools * 10,
      teachers: d.teachers * 10,
      children: true,
      seedMs: x10.ms,
      token: x10.token,
      bureau: 'x10',
    });
    const after10 = dbBytes(persistTo);
    if (!o.skip100x) {
      log('seeding 100× by SQL (schools and submissions; the summary reads no child table)');
      const x100 = seedCopy(persistTo, bureau, 'x100', 100, false);
      levels.push({
        name: '100×',
        schools: o.schools * 100,
        teachers: d.teachers * 100,
        children: false,
        seedMs: x100.ms,
        token: x100.token,
        bureau: 'x100',
      });
    }
    const sqlTimes = levels.map((l) => {
      log(`timing the summary query at ${l.name}`);
      return {
        q: sqlMs(persistTo, SUMMARY_SQL(l.bureau, year)),
        t: l.children ? sqlMs(persistTo, TEACHER_COUNT_SQL(l.bureau, year), 3) : Number.NaN,
      };
    });
    worker = await startLocalWorker({ port: o.port, schools: o.schools, reuse: persistTo }, log);
    type Timed = (typeof levels)[number] &
      Record<'apiMs' | 'apiBytes' | 'apiSchools' | 'sqlMs' | 'teacherFilterMs', number>;
    const results: Timed[] = [];
    for (const [i, l] of levels.entries()) {
      log(`timing the summary API at ${l.name}`);
      const api = i === 0 ? api1 : await apiSummaryMs(worker.base, l.token, year);
      results.push({
        ...l,
        apiMs: api.ms,
        apiBytes: api.bytes,
        apiSchools: api.schools,
        sqlMs: sqlTimes[i]!.q,
        teacherFilterMs: sqlTimes[i]!.t,
      });
    }
    const final = dbBytes(persistTo);

    const lines = [
      '',
      ...costLines,
      `  SQLite time to write the rows of one ${Math.round(d.records / o.schools)}-record school (local D1): ${write.ms.toFixed(1)} ms for ${write.rows} rows`,
      '',
      `Size: empty ${mb(empty.pages)} MB; after ${d.teachers} teachers (${d.records} records) ${mb(full.pages)} MB (file ${mb(full.file)} MB)`,
      `  → ${(perTeacher / 1000).toFixed(1)} KB a teacher-year, ${mb(perTeacher * 10_000)} MB per 10,000 teachers per year`,
      `  after 10× (${levels[1]!.teachers} teachers): ${mb(after10.pages)} MB; final ${mb(final.pages)} MB (file ${mb(final.file)} MB)`,
      '',
      'Summary query plan:',
      ...plan.map((p) => `  ${p}`),
      '',
      [
        'level',
        'schools',
        'teachers',
        'seeded',
        'summary API ms',
        'summary SQL ms',
        'JSON bytes',
        'fail-filter SQL ms',
      ].join(' | '),
      ...results.map((r) =>
        [
          r.name,
          r.apiSchools,
          r.teachers,
          `${r.children ? 'all rows' : 'schools+submissions'} in ${(r.seedMs / 1000).toFixed(0)} s`,
          r.apiMs.toFixed(0),
          r.sqlMs.toFixed(1),
          r.apiBytes,
          Number.isNaN(r.teacherFilterMs) ? '–' : r.teacherFilterMs.toFixed(1),
        ].join(' | '),
      ),
      '',
    ];
    process.stdout.write(lines.join('\n'));
    process.stdout.write(
      `${JSON.stringify({ costs, write, empty, full, after10, final, perTeacher, district: d, results: results.map(({ token: _t, ...r }) => r) })}\n`,
    );
    if (!o.skipHistory) {
      await worker.stop();
      worker = null;
      await history();
    }
  } finally {
    clearTimeout(timer);
    if (worker) await worker.stop();
    else if (kept) rmSync(kept, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  log((e as Error).stack ?? String(e));
  process.exit(1);
});
