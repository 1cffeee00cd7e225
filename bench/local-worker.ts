/**
 * The benchmarks' worker: `scripts/start.ts` on a loopback port with a fresh temporary D1, in its
 * own process group so that stopping it stops wrangler and workerd too; and SQL straight on that
 * local D1 through `wrangler d1 execute --local`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '../client/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** demo-tokens.json as scripts/start.ts writes it. */
export interface DemoTokens {
  admin: string;
  reviewer: string;
  bureau: { id: string; name: string };
  year: number;
  schools: { code: string; name: string; token: string }[];
}

export interface LocalWorker {
  base: string;
  tokens: DemoTokens;
  /** The D1 state folder; null for a server this process did not start. */
  persistTo: string | null;
  /** Stops the worker's process group; removes the temporary D1 unless keepData. */
  stop: (opts?: { keepData?: boolean }) => Promise<void>;
  /** The last lines the worker wrote to standard error, to explain a failure. */
  stderrTail: () => string[];
}

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host))
    throw new Error(`the server must be on loopback (got ${host})`);
}

export async function waitHealthy(base: string, child: ChildProcess | null, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  // One attempt per poll (not listening yet is expected): this loop is the retry.
  const probe = createClient({ server: base, token: null, retry: { maxAttempts: 1, timeoutMs: 5_000 } });
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}`);
    if ((await probe.health()).ok) return;
    await sleep(500);
  }
  throw new Error(`${base} did not answer its health check within ${ms / 1000} s`);
}

/** A new worker on a fresh temporary D1, or (reuse) again on the D1 a stopped one kept. */
export async function startLocalWorker(
  o: { port: number; schools: number; submit?: number; reuse?: string },
  log: (m: string) => void,
): Promise<LocalWorker> {
  const dir = o.reuse ? path.dirname(o.reuse) : mkdtempSync(path.join(tmpdir(), 'shixun-bench-'));
  const persistTo = path.join(dir, 'state');
  const tokensFile = path.join(dir, 'tokens.json');
  rmSync(tokensFile, { force: true });
  const args = [
    '--port',
    String(o.port),
    '--persist-to',
    persistTo,
    '--schools',
    String(o.schools),
    '--submit',
    String(o.submit ?? 0),
    '--tokens-out',
    tokensFile,
    '--parent-pid',
    String(process.pid),
  ];
  log(`starting the worker: tsx scripts/start.ts ${args.join(' ')}`);
  const child = spawn(process.execPath, [TSX, 'scripts/start.ts', ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const errLines: string[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    errLines.push(
      ...d
        .toString()
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
    errLines.splice(0, Math.max(0, errLines.length - 40));
  });
  const stop = async (opts: { keepData?: boolean } = {}) => {
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        // start.ts forwards SIGTERM to wrangler's own process group.
        process.kill(-child.pid, 'SIGTERM');
      } catch (e) {
        log(`stopping the worker: ${(e as Error).message}`);
      }
      if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) {
        log('the worker did not stop within 10 s: SIGKILL to its process group');
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
      }
    }
    if (!opts.keepData) rmSync(dir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${o.port}`;
  try {
    const deadline = Date.now() + 240_000;
    while (!existsSync(tokensFile)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start.ts failed:\n${errLines.join('\n')}`);
      await sleep(300);
    }
    await waitHealthy(base, child, Math.max(10_000, deadline - Date.now()));
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    base,
    tokens: JSON.parse(readFileSync(tokensFile, 'utf8')) as DemoTokens,
    persistTo,
    stop,
    stderrTail: () => [...errLines],
  };
}

export interface SqlResult {
  results: Record<string, unknown>[];
  /** D1's own measure of the statement, in ms (SQLite time, no process or HTTP overhead). */
  duration: number;
}

/** Statements on the local D1 (one --command, or a file for long scripts); one result per statement. */
export function sql(persistTo: string, statements: string): SqlResult[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'shixun-sql-'));
  const file = path.join(dir, 'q.sql');
  writeFileSync(file, statements);
  try {
    const r = spawnSync(
      WRANGLER,
      ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--json', '--yes', '--file', file],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true' },
      },
    );
    if (r.status !== 0) throw new Error(`wrangler d1 execute failed: ${(r.stderr || r.stdout).slice(0, 800)}`);
    return (JSON.parse(r.stdout) as { results: Record<string, unknown>[]; meta?: { duration?: number } }[]).map(
      (x) => ({
        results: x.results,
        duration: x.meta?.duration ?? Number.NaN,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
