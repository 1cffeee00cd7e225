/**
 * The Chromium the browser tests and the dashboard benchmark drive (playwright-core; no browser is
 * ever downloaded): SHIXUN_CHROMIUM when set, else the first of the usual install paths.
 *
 *   tsx scripts/chromium.ts --ensure   (npm test runs it before any test)
 *
 * finds it, or installs Debian's chromium when this machine can (root and apt-get), or stops at once
 * with one line saying how to install it.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Debian and Ubuntu's packages first, then Google's. */
export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
] as const;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const INSTALL_HINT =
  'install Debian’s chromium (sudo apt-get install -y chromium) or set SHIXUN_CHROMIUM to a Chromium binary';

export type Found = { ok: true; path: string } | { ok: false; reason: string };

export interface Probe {
  env: Record<string, string | undefined>;
  executable: (path: string) => boolean;
}

const realProbe: Probe = { env: process.env, executable: isExecutable };

export function findChromium(probe: Probe = realProbe): Found {
  const chosen = probe.env.SHIXUN_CHROMIUM;
  if (chosen) {
    // Named explicitly: a wrong path is an error to report, not a reason to pick another browser.
    return probe.executable(chosen)
      ? { ok: true, path: chosen }
      : { ok: false, reason: `SHIXUN_CHROMIUM=${chosen} is not an executable file` };
  }
  const path = CHROMIUM_PATHS.find((p) => probe.executable(p));
  return path ? { ok: true, path } : { ok: false, reason: `no Chromium at ${CHROMIUM_PATHS.join(', ')}` };
}

/** The browser's path, or an Error whose message is the one line to show. */
export function chromiumPath(probe: Probe = realProbe): string {
  const found = findChromium(probe);
  if (!found.ok) throw new Error(`Chromium not found (${found.reason}): ${INSTALL_HINT}`);
  return found.path;
}

export type Plan = { action: 'use'; path: string } | { action: 'install' } | { action: 'stop'; message: string };

/** What `--ensure` does on this machine: use what is there, install it (root with apt-get), or stop. */
export function ensurePlan(found: Found, machine: { root: boolean; aptGet: boolean; explicit: boolean }): Plan {
  if (found.ok) return { action: 'use', path: found.path };
  // A wrong SHIXUN_CHROMIUM is the caller's mistake: installing a package would not fix it.
  if (machine.root && machine.aptGet && !machine.explicit) return { action: 'install' };
  return { action: 'stop', message: `Chromium not found (${found.reason}): ${INSTALL_HINT}` };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    // Missing or not executable: either way not a browser we can start.
    return false;
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));
}

function ensure(): number {
  const machine = {
    root: process.getuid?.() === 0,
    aptGet: onPath('apt-get'),
    explicit: Boolean(process.env.SHIXUN_CHROMIUM),
  };
  const plan = ensurePlan(findChromium(), machine);
  if (plan.action === 'use') return 0;
  if (plan.action === 'stop') {
    process.stderr.write(`${plan.message}\n`);
    return 1;
  }
  process.stderr.write('Chromium not found: installing Debian’s chromium with apt-get (the browser tests need it)\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      process.stderr.write(`apt-get ${args[0]} failed (exit ${r.status ?? r.signal}): ${INSTALL_HINT}\n`);
      return 1;
    }
  }
  const after = findChromium();
  if (!after.ok) {
    process.stderr.write(`apt-get installed chromium but ${after.reason}: ${INSTALL_HINT}\n`);
    return 1;
  }
  process.stderr.write(`installed ${after.path}\n`);
  return 0;
}

if (process.argv[1] === import.meta.filename && process.argv.includes('--ensure')) process.exitCode = ensure();
