/** `npm run cli` runs a bundle of the CLI, rebuilt before it runs whenever a source is newer. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messyWorkbook } from '../cli/workbooks.js';

const ROOT = join(import.meta.dirname, '..', '..');
const LAUNCHER = join(ROOT, 'scripts/cli/run.mjs');
const BUNDLE = join(ROOT, 'dist/cli/main.mjs');

const run = (...args: string[]) => execFileSync(process.execPath, [LAUNCHER, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('the CLI launcher', () => {
  it('should run the CLI from its bundle, and rebuild the bundle first when a source is newer', () => {
    expect(run('help')).toContain('用法：npm run --silent cli');
    expect(run('help', '--lang', 'en')).toContain('usage: npm run --silent cli');
    const old = new Date(Date.UTC(2000, 0, 1));
    utimesSync(BUNDLE, old, old);
    expect(run('help')).toContain('validate 文件');
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(old.getTime());
  }, 60_000);

  it('should not rebuild a current bundle', () => {
    run('--build');
    const built = statSync(BUNDLE).mtimeMs;
    run('help');
    expect(statSync(BUNDLE).mtimeMs).toBe(built);
  }, 60_000);

  it('should drop its output quietly and still finish, with its own status, when the reader stops reading', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shixun-pipe-')), 'school.xlsx');
    // A workbook with errors: validate runs to its end and says so with exit status 1.
    writeFileSync(file, await messyWorkbook());
    const child = spawn(process.execPath, [LAUNCHER, 'validate', file, '--json'], { cwd: ROOT });
    // As `… --json | head -c 0` does: the pipe is closed before the CLI writes to it.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(1);
  }, 60_000);
});
