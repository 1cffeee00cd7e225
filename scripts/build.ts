/**
 * Builds everything the worker serves as static assets into dist/public:
 * - the task pane (addin/main.ts → taskpane.js, ES modules so the standalone code loads only in a
 *   plain browser), its validation Web Worker (validation-worker.js, a module worker sharing the
 *   page's chunks, so SheetJS and exceljs load only when an .xls arrives or a workbook is written)
 *   and the ribbon's function file (addin/office/commands.ts → commands.js);
 * - addin/public/* (taskpane.html, css) and the icons, drawn by scripts/icons.ts;
 * - the bureau dashboard (worker/dashboard/main.tsx → bureau/app.js and worker/dashboard/public/*),
 *   when that folder exists;
 * - the CLI's bundle (dist/cli/main.mjs, by scripts/cli/run.mjs, which also rebuilds it when stale).
 * Source maps go to dist/sourcemaps, beside what is served, never into it: the worker serves
 * dist/public to anyone, and a map would hand out the sources (the worker also refuses *.map).
 * Usage: tsx scripts/build.ts
 */

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { COMMON, paneBuild, ROOT as root } from './build-options.js';
import { drawIcon, ICON_SIZES } from './icons.js';

const target = join(root, 'dist/public');
// Built beside the target and swapped in at the end: a server already serving dist/public (another
// `npm start`, a test run) never sees a half-empty folder.
const out = join(root, `dist/.public-${process.pid}`);
const maps = join(root, 'dist/sourcemaps');

async function buildAddin(): Promise<void> {
  await build(paneBuild(out));
  await build({
    ...COMMON,
    entryPoints: { commands: join(root, 'addin/office/commands.ts') },
    outdir: out,
    format: 'iife',
  });
  await cp(join(root, 'addin/public'), out, { recursive: true });
  await mkdir(join(out, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) await writeFile(join(out, `icons/icon-${size}.png`), drawIcon(size));
}

async function buildDashboard(): Promise<boolean> {
  const entry = join(root, 'worker/dashboard/main.tsx');
  const statics = join(root, 'worker/dashboard/public');
  if (!existsSync(entry) && !existsSync(statics)) return false;
  const target = join(out, 'bureau');
  await mkdir(target, { recursive: true });
  if (existsSync(entry)) {
    // ES modules with splitting: zod and the policy schema load only when the policy page opens.
    await build({
      ...COMMON,
      entryPoints: { app: entry },
      outdir: target,
      format: 'esm',
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
    });
  }
  if (existsSync(statics)) await cp(statics, target, { recursive: true });
  return true;
}

/** Every *.map of the build, moved from the served folder to dist/sourcemaps (same relative paths). */
async function moveSourceMaps(): Promise<number> {
  await rm(maps, { recursive: true, force: true });
  const files = (await readdir(out, { recursive: true })).filter((f) => f.endsWith('.map'));
  for (const f of files) {
    await mkdir(dirname(join(maps, f)), { recursive: true });
    await rename(join(out, f), join(maps, f));
  }
  return files.length;
}

async function main(): Promise<void> {
  const started = Date.now();
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await buildAddin();
  const dashboard = await buildDashboard();
  await moveSourceMaps();
  execFileSync(process.execPath, [join(root, 'scripts/cli/run.mjs'), '--build'], { stdio: 'inherit' });
  const old = `${out}-old`;
  if (existsSync(target)) await rename(target, old);
  await rename(out, target);
  await rm(old, { recursive: true, force: true });
  process.stderr.write(
    `build: dist/public (task pane${dashboard ? ', bureau dashboard' : ''}) and dist/cli in ${Date.now() - started} ms\n`,
  );
}

main().catch(async (err: unknown) => {
  await rm(out, { recursive: true, force: true });
  process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
