/** Running the CLI in-process (captured output) and as a real subprocess (exit status, pure stdout). */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../scripts/cli/dispatch.js';
import type { CliIo } from '../../scripts/cli/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function captureIo(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), stderrIsTty: false, now: () => 0 },
    out: () => out,
    err: () => err,
  };
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  const { io, out, err } = captureIo();
  const code = await main(argv, io);
  return { code, stdout: out(), stderr: err() };
}

const ROOT = join(import.meta.dirname, '..', '..');

/** `node --import tsx scripts/cli/main.ts …`, what `npm run --silent cli --` runs. */
export function spawnCli(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/cli/main.ts'), ...argv], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export async function tempDir(): Promise<{
  dir: string;
  file: (name: string, bytes?: Uint8Array | string) => Promise<string>;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'shixun-cli-'));
  return {
    dir,
    file: async (name, bytes) => {
      const path = join(dir, name);
      if (bytes !== undefined) await writeFile(path, bytes);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
