/** `npm run cli` runs a bundle of the CLI, rebuilt before it runs whenever a source is newer. */
import { execFileSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
});
