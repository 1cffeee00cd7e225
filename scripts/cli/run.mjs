// `npm run cli`: runs the CLI from one bundle of its TypeScript (dist/cli/main.mjs) instead of
// transpiling every module on every run. The bundle is rebuilt here, before it runs, whenever it is
// missing or any source it was built from is newer or gone (esbuild's metafile lists them), so an
// edited source is never run stale. The small packages every command needs are bundled too (zod
// alone is hundreds of files, over a second to load one by one on a busy machine); exceljs and
// SheetJS stay outside, loaded from node_modules only when a command needs them. Plain JavaScript,
// so that nothing is compiled before it can decide.
//
//   node scripts/cli/run.mjs <command> [options]   run the CLI (rebuilding first if stale)
//   node scripts/cli/run.mjs --build                 only (re)build the bundle (npm run build does)
//
// Stack traces name the bundle's functions; `node --enable-source-maps scripts/cli/run.mjs …` maps
// them to the TypeScript. Not on by default: Node then reads and parses every chunk's map as it
// loads it, 10–14 ms of each run, for traces that only a bug in the CLI ever prints.
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Two folders deep like scripts/cli, so that paths the CLI resolves from its own location still hold.
const outDir = join(root, 'dist', 'cli');
const bundle = join(outDir, 'main.mjs');
const inputsFile = join(outDir, 'inputs.json');

function mtime(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? null;
}

/** The bundle is current when it exists and none of the sources it lists is newer than it, or gone. */
function isCurrent() {
  const built = mtime(bundle);
  if (built === null) return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT' || err instanceof SyntaxError) return false;
    throw err;
  }
  // The inputs are esbuild's relative, normalised paths: joined as text, not by path.join, which
  // was half of this check's time for its hundred-odd files.
  for (const input of inputs) {
    const t = mtime(`${root}/${input}`);
    if (t === null || t > built) return false;
  }
  return true;
}

async function buildCli() {
  const { build } = await import('esbuild');
  const { cliBuildOptions } = await import('./bundle-options.mjs');
  const result = await build({ ...cliBuildOptions(root, outDir), sourcemap: 'linked', logLevel: 'warning' });
  await mkdir(outDir, { recursive: true });
  // The chunks of earlier builds (their names carry a hash of their content) are left behind.
  const written = new Set(Object.keys(result.metafile.outputs).map((p) => resolve(root, p)));
  for (const name of await readdir(outDir)) {
    const path = join(outDir, name);
    if (/\.mjs(\.map)?$/.test(name) && !written.has(path)) await rm(path);
  }
  // Our sources, the lock file for the bundled packages (an npm install rebuilds it too) and the
  // options it was built with.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules')),
    'package-lock.json',
    'scripts/cli/bundle-options.mjs',
  ];
  await writeFile(inputsFile, JSON.stringify(inputs));
}

const args = process.argv.slice(2);
if (args[0] === '--build') {
  await buildCli();
} else {
  if (!isCurrent()) await buildCli();
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}
