/**
 * Starts the whole project as a user would (`tsx scripts/start.ts`: build, local D1, demo data,
 * wrangler dev) on its own port and database folder, waits for its health check, hands the base URL
 * and the demo tokens' file to the tests, and stops the server's whole process group afterwards:
 * after the run, when the run is interrupted (SIGINT, SIGTERM), and, through start.ts's
 * --parent-pid, within seconds of this process dying in any other way (SIGKILL, a crash).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createClient } from '../../client/index.js';
import { chromiumPath } from '../../scripts/chromium.js';

const PORT = Number(process.env.SHIXUN_BROWSER_PORT ?? 8799);
const READY_TIMEOUT_MS = 240_000;

async function waitForHealth(url: string, tokensFile: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  // One attempt per poll (not listening yet is expected): this loop is the retry.
  const probe = createClient({ server: url, token: null, retry: { maxAttempts: 1, timeoutMs: 5_000 } });
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${log()}`);
    // The demo tokens are written once the demo district is seeded.
    if ((await probe.health()).ok && existsSync(tokensFile)) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error(`the server did not become healthy within ${READY_TIMEOUT_MS / 1000} s:\n${log()}`);
}

/** Signals the server's whole process group (npx → tsx → wrangler → workerd); gone already is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Before minutes of building and seeding: no browser, no point (the message says how to get one).
  chromiumPath();
  const root = resolve(import.meta.dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'shixun-browser-'));
  const tokensFile = join(dir, 'tokens.json');
  const args = [
    '--port',
    String(PORT),
    '--persist-to',
    join(dir, 'd1'),
    '--tokens-out',
    tokensFile,
    '--parent-pid',
    String(process.pid),
  ];
  const child = spawn('npx', ['tsx', 'scripts/start.ts', ...args], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${PORT}`;
  // An interrupted run: stop the server's group at once. Vitest's own handler (if any) then ends
  // the run; without one, the signal is raised again so that it ends this process as it would have.
  const onSignal = (signal: NodeJS.Signals) => {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const onExit = () => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', onExit);
  const stop = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
    if (child.pid !== undefined) {
      signalGroup(child.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 1_500));
      signalGroup(child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, tokensFile, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('tokensFile', tokensFile);
  return stop;
}
