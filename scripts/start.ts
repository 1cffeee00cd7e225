/**
 * `npm start`: everything a new user needs to see Shixun run locally, in one command. Builds the
 * static pane and dashboard, writes development secrets to .dev.vars when missing, applies the D1
 * migrations to the local database, seeds a demo district (tokens printed once and written to
 * demo-tokens.json), starts `wrangler dev`, and makes a few demo submissions through the API as a
 * clerk would. Ctrl-C (or SIGTERM) stops wrangler and everything it started.
 *
 *   tsx scripts/start.ts [--port 8787] [--persist-to DIR] [--schools 3] [--submit N]
 *                        [--tokens-out demo-tokens.json] [--teachers 40] [--watch] [--rate-limit N]
 *                        [--parent-pid PID]
 *
 * By default the worker is bundled once with esbuild and served as is, so edits to the source tree
 * (several people work in it) never restart the server mid-request; --watch lets wrangler bundle
 * and reload on every change instead. --parent-pid (the test suite's and the benchmarks' servers)
 * stops everything within seconds of that process ending, however it ended (polled each second).
 *
 * It all runs on this machine (wrangler dev --local: workerd, a local D1, the assets); it needs no
 * network, and wrangler is told not to reach Cloudflare (no metrics, no `Request.cf` download).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { createClient, submitWorkbook } from '../client/index.js';
import { defaultTokenExpiry } from '../shared/api/token-expiry.js';
import type { WorkbookGrid } from '../shared/grid.js';
import { currentYear } from '../shared/policy/index.js';
import { validateWorkbook } from '../shared/validate/index.js';
import { generateSchool } from '../test/fixtures/generate-school.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler');

/**
 * What keeps wrangler off the network: no usage metrics, and miniflare's placeholder `Request.cf`
 * instead of downloading workers.cloudflare.com/cf.json (offline that download prints a
 * `getaddrinfo ENOTFOUND` stack trace that reads like a failure; the worker never reads `cf`).
 */
const OFFLINE_ENV = { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

/**
 * Development-only secrets (documented in docs/WORKER.md). Production uses `wrangler secret put`;
 * the worker refuses to run without them rather than falling back to these.
 */
export const DEV_SECRETS = {
  ID_HMAC_KEY: 'shixun-dev-only-hmac-key-not-for-production',
  ID_ENC_KEY: Buffer.alloc(32, 7).toString('base64'),
};

interface Options {
  port: number;
  persistTo: string | null;
  schools: number;
  submit: number;
  teachers: number;
  tokensOut: string;
  watch: boolean;
  /** Requests per token per minute (the worker's RATE_LIMIT_PER_MINUTE); null = its default. */
  rateLimit: number | null;
  /** Stop when this process is gone (the one that started us). */
  parentPid: number | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    port: 8787,
    persistTo: null,
    schools: 3,
    submit: -1,
    teachers: 40,
    tokensOut: 'demo-tokens.json',
    watch: false,
    rateLimit: null,
    parentPid: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (min: number) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) throw new Error(`${a} needs an integer ≥ ${min}`);
      return n;
    };
    if (a === '--port') o.port = int(1);
    else if (a === '--persist-to') o.persistTo = path.resolve(value());
    else if (a === '--schools') o.schools = int(1);
    else if (a === '--submit') o.submit = int(0);
    else if (a === '--teachers') o.teachers = int(1);
    else if (a === '--tokens-out') o.tokensOut = value();
    else if (a === '--watch') o.watch = true;
    else if (a === '--rate-limit') o.rateLimit = int(1);
    else if (a === '--parent-pid') o.parentPid = int(1);
    else throw new Error(`unknown option ${a}`);
  }
  // Two of three schools submit, one is missing: the dashboard shows both kinds.
  if (o.submit < 0) o.submit = Math.min(o.schools, Math.max(1, Math.round((o.schools * 2) / 3)));
  o.submit = Math.min(o.submit, o.schools);
  return o;
}

const log = (msg: string) => process.stderr.write(`[start] ${msg}\n`);

function run(cmd: string, args: string[], what: string): string {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true', ...OFFLINE_ENV } });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${what} failed (exit ${r.status})`);
  }
  return r.stdout;
}

function build(): void {
  if (existsSync(path.join(ROOT, 'scripts', 'build.ts'))) {
    log('building the pane and the dashboard (scripts/build.ts)');
    run(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], 'build');
  }
  mkdirSync(path.join(ROOT, 'dist', 'public'), { recursive: true });
}

function ensureDevVars(): void {
  const file = path.join(ROOT, '.dev.vars');
  if (existsSync(file)) return;
  writeFileSync(
    file,
    '# Development-only secrets written by npm start (git-ignored). Production: wrangler secret put.\n' +
      Object.entries(DEV_SECRETS)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n') +
      '\n',
  );
  log('wrote .dev.vars with the development secrets');
}

const persistArgs = (o: Options) => (o.persistTo ? ['--persist-to', o.persistTo] : []);

function migrate(o: Options): void {
  log('applying D1 migrations to the local database');
  run(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', ...persistArgs(o)], 'wrangler d1 migrations apply');
}

const sqlText = (s: string | null) => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = (role: string) => `sx${role[0]}_${randomBytes(24).toString('base64url')}`;

interface DemoSchool {
  code: string;
  name: string;
  type: string;
  rural: boolean;
  token: string;
}

interface DemoTokens {
  admin: string;
  reviewer: string;
  bureau: { id: string; name: string };
  year: number;
  schools: { code: string; name: string; token: string }[];
  otherBureau: {
    bureau: { id: string; name: string };
    reviewer: string;
    schools: { code: string; name: string; token: string }[];
  };
}

const TYPES = ['小学', '初中', '小学', '九年一贯制', '小学', '高中'];
const NAMES = ['实验小学', '乡村小学', '育才中学', '东方小学', '新城小学', '光明中学'];

function demoSchools(count: number, prefix: string, district: string): DemoSchool[] {
  return Array.from({ length: count }, (_, i) => ({
    code: `${prefix}${String(i + 1).padStart(4, '0')}`,
    name: count <= NAMES.length ? `${district}${NAMES[i]}` : `${district}第${i + 1}学校`,
    type: TYPES[i % TYPES.length]!,
    rural: i % 3 === 1,
    token: newToken('clerk'),
  }));
}

/**
 * Bureaus and schools are inserted once (INSERT OR IGNORE); the demo tokens are re-issued on every
 * start (only their hashes are stored, so the old ones cannot be printed again).
 */
function seed(o: Options, year: number): { tokens: DemoTokens; schools: DemoSchool[] } {
  const at = new Date().toISOString();
  const main = { id: 'liangxi', name: '梁溪区教育局' };
  const other = { id: 'jintan', name: '金坛区教育局' };
  const schools = demoSchools(o.schools, '320213', '梁溪区');
  const otherSchools = demoSchools(1, '320482', '金坛区');
  const admin = newToken('admin');
  const reviewer = newToken('reviewer');
  const otherReviewer = newToken('reviewer');
  const lines = [
    "DELETE FROM tokens WHERE label LIKE 'demo:%';",
    ...[main, other].map(
      (b) =>
        `INSERT OR IGNORE INTO bureaus (id, name, created_at) VALUES (${sqlText(b.id)}, ${sqlText(b.name)}, '${at}');`,
    ),
    ...[...schools.map((s) => [s, main.id] as const), ...otherSchools.map((s) => [s, other.id] as const)].map(
      ([s, b]) =>
        `INSERT OR IGNORE INTO schools (code, name, type, rural, bureau_id, created_at) VALUES (${sqlText(s.code)}, ${sqlText(s.name)}, ${sqlText(s.type)}, ${s.rural ? 1 : 0}, ${sqlText(b)}, '${at}');`,
    ),
  ];
  // The demo tokens expire as issued ones do (shared/api/token-expiry.ts): the end of the school year.
  const token = (
    t: string,
    role: 'clerk' | 'reviewer' | 'admin',
    school: string | null,
    bureau: string | null,
    label: string,
  ) =>
    `INSERT INTO tokens (id, hash, role, school_code, bureau_id, label, created_at, expires_at) VALUES ('tok_${randomBytes(9).toString('base64url')}', '${sha256(t)}', '${role}', ${sqlText(school)}, ${sqlText(bureau)}, ${sqlText(label)}, '${at}', ${sqlText(defaultTokenExpiry(role, new Date(at)))});`;
  lines.push(token(admin, 'admin', null, null, 'demo:管理员'));
  lines.push(token(reviewer, 'reviewer', null, main.id, 'demo:梁溪区审核员'));
  lines.push(token(otherReviewer, 'reviewer', null, other.id, 'demo:金坛区审核员'));
  for (const s of [...schools, ...otherSchools])
    lines.push(token(s.token, 'clerk', s.code, null, `demo:${s.name}填报员`));

  const dir = mkdtempSync(path.join(tmpdir(), 'shixun-seed-'));
  const file = path.join(dir, 'seed.sql');
  writeFileSync(file, lines.join('\n'));
  try {
    log(`seeding ${main.name} (${schools.length} schools) and ${other.name} (1 school)`);
    run(
      WRANGLER,
      ['d1', 'execute', 'DB', '--local', ...persistArgs(o), '--file', file, '--yes'],
      'wrangler d1 execute (seed)',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pick = (s: DemoSchool) => ({ code: s.code, name: s.name, token: s.token });
  return {
    schools,
    tokens: {
      admin,
      reviewer,
      bureau: main,
      year,
      schools: schools.map(pick),
      otherBureau: { bureau: other, reviewer: otherReviewer, schools: otherSchools.map(pick) },
    },
  };
}

/** A server left on the port would answer the health check in wrangler's place: refuse early. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use (another npm start?); choose one with --port`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** The worker as wrangler would bundle it (ESM, workerd conditions), into a per-port file. */
async function bundleWorker(o: Options): Promise<string> {
  const outfile = path.join(ROOT, '.wrangler', `shixun-start-${o.port}`, 'index.js');
  await esbuild({
    entryPoints: [path.join(ROOT, 'worker', 'index.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    logLevel: 'warning',
  });
  return outfile;
}

function startWrangler(o: Options, script: string | null): ChildProcess {
  const args = [
    'dev',
    ...(script ? [script, '--no-bundle'] : []),
    '--local',
    '--port',
    String(o.port),
    '--ip',
    '127.0.0.1',
    '--show-interactive-dev-session=false',
    ...persistArgs(o),
  ];
  if (o.rateLimit !== null) args.push('--var', `RATE_LIMIT_PER_MINUTE:${o.rateLimit}`);
  log(`wrangler ${args.join(' ')}`);
  log('running offline: workerd, D1 and the assets all run on this machine; nothing is sent to Cloudflare');
  // Its own process group, so stopping it stops workerd too.
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...OFFLINE_ENV },
  });
  child.stdout!.on('data', (d: Buffer) => process.stderr.write(prefix(d)));
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(prefix(d)));
  return child;
}

const prefix = (d: Buffer) =>
  d
    .toString()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => `[wrangler] ${l}\n`)
    .join('');

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  // One attempt per poll: this loop is the retry.
  const probe = createClient({ server: base, token: null, retry: { maxAttempts: 1, timeoutMs: 5_000 } });
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}`);
    if ((await probe.health()).ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the worker did not answer its health check within 120 s');
}

function withSchool(grid: WorkbookGrid, s: DemoSchool): WorkbookGrid {
  const sheet = grid.sheets.find((x) => x.name === '学校概况')!;
  for (const row of sheet.rows) {
    if (row[0] === '学校代码') row[1] = s.code;
    if (row[0] === '学校名称') row[1] = s.name;
    if (row[0] === '学校类型') row[1] = s.type;
    if (row[0] === '是否农村学校') row[1] = s.rural ? '是' : '否';
  }
  return grid;
}

async function submitDemo(
  base: string,
  s: DemoSchool,
  grid: WorkbookGrid,
  year: number,
  ifMatch: number,
): Promise<number> {
  const result = validateWorkbook(grid, { year });
  if (!result.ok) throw new Error(`demo workbook for ${s.code} has ${result.counts.errors} errors`);
  const sent = await submitWorkbook({ server: base, token: s.token, year, workbook: grid, ifMatch });
  if (!sent.ok) throw new Error(`demo submission for ${s.code} failed: ${sent.code} ${sent.message}`);
  return sent.receipt.version;
}

async function currentVersionOf(base: string, s: DemoSchool, year: number): Promise<number> {
  const list = await createClient({ server: base, token: s.token }).submissions.list(year);
  if (!list.ok) throw new Error(`listing ${s.code}'s submissions failed: ${list.code} ${list.message}`);
  return list.value.items.find((i) => i.current)?.version ?? 0;
}

/** Schools already submitted (a restart on the same database) are left as they are. */
async function demoSubmissions(base: string, o: Options, schools: DemoSchool[], year: number): Promise<void> {
  const started = Date.now();
  let made = 0;
  const queue = schools.slice(0, o.submit).map((s, i) => ({ s, i }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { s, i } = next;
      if ((await currentVersionOf(base, s, year)) > 0) continue;
      const grid = withSchool(
        generateSchool({ seed: 1000 + i, teachers: o.teachers, year, withDuties: true, withMilestones: true }),
        s,
      );
      let version = await submitDemo(base, s, grid, year, 0);
      made++;
      if (i === 0) {
        // A second version without the last teacher and one training less: the diff has content.
        const roster = grid.sheets.find((x) => x.name === '教师名册')!;
        roster.rows.splice(roster.rows.length - 1, 1);
        const trainings = grid.sheets.find((x) => x.name === '培训记录')!;
        const kept = new Set(roster.rows.slice(1).map((r) => r[1]));
        trainings.rows = trainings.rows.filter((r, k) => k === 0 || (k !== 1 && kept.has(r[0] ?? null)));
        for (const sheetName of ['骨干履职', '青年教师考核']) {
          const sh = grid.sheets.find((x) => x.name === sheetName);
          if (sh) sh.rows = sh.rows.filter((r, k) => k === 0 || kept.has(r[0] ?? null));
        }
        version = await submitDemo(base, s, grid, year, version);
        made++;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (made > 0) log(`${made} demo submissions through the API in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Calls `gone` once `pid` has ended (polled each second; signal 0 only asks whether it exists). */
function watchParent(pid: number, gone: () => void): void {
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch (e) {
      // EPERM: it exists but belongs to someone else; only ESRCH means it is gone.
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') return;
      clearInterval(timer);
      log(`the process that started this one (${pid}) has ended: stopping`);
      gone();
    }
  }, 1_000);
  timer.unref();
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  // The worker's default year is Beijing's, and so is the demo's.
  const year = currentYear();
  await assertPortFree(o.port);
  build();
  ensureDevVars();
  migrate(o);
  const { tokens, schools } = seed(o, year);
  const tokensFile = path.resolve(ROOT, o.tokensOut);
  writeFileSync(tokensFile, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });

  const child = startWrangler(o, o.watch ? null : await bundleWorker(o));
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch (e) {
        log(`stopping wrangler: ${(e as Error).message}`);
      }
    }
    setTimeout(() => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      process.exit(code);
    }, 3000).unref();
    child.once('exit', () => process.exit(code));
  };
  process.on('SIGINT', () => stop(130));
  process.on('SIGTERM', () => stop(143));
  if (o.parentPid !== null) watchParent(o.parentPid, () => stop(0));
  child.once('exit', (code) => {
    if (!stopping) {
      log(`wrangler dev exited (${code})`);
      process.exit(code ?? 1);
    }
  });

  const base = `http://127.0.0.1:${o.port}`;
  try {
    await waitHealthy(base, child);
    await demoSubmissions(base, o, schools, year);
  } catch (e) {
    log((e as Error).message);
    stop(1);
    return;
  }
  process.stdout.write(
    [
      '',
      `Shixun is running on http://localhost:${o.port}`,
      `  task pane:  http://localhost:${o.port}/taskpane.html`,
      `  dashboard:  http://localhost:${o.port}/bureau/`,
      `  tokens (shown once, also in ${path.relative(ROOT, tokensFile) || tokensFile}):`,
      `    admin     ${tokens.admin}`,
      `    reviewer  ${tokens.reviewer}  (${tokens.bureau.name})`,
      ...tokens.schools.slice(0, 10).map((s) => `    clerk     ${s.token}  (${s.code} ${s.name})`),
      ...(tokens.schools.length > 10 ? [`    … ${tokens.schools.length - 10} more clerk tokens in the file`] : []),
      `    other bureau reviewer ${tokens.otherBureau.reviewer}  (${tokens.otherBureau.bureau.name})`,
      '',
      'Ctrl-C stops the worker.',
      '',
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  log((e as Error).message);
  process.exit(1);
});
