/**
 * The size of a built page's scripts, as a browser fetches them: the entry with every chunk it
 * imports statically (what the first load costs), and each chunk it loads later with import(),
 * raw and gzipped (level 9, what a CDN or the worker's compression would send at most).
 * Reads dist/public as `npm run build` leaves it, so the figures are the real bundle's.
 * Usage: tsx scripts/bundle-size.ts [entry …]   (default: taskpane.js validation-worker.js)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/public');

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(files: Iterable<string>): Size {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(f);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** `import … from "./x.js"` and `import "./x.js"` (static), `import("./x.js")` (lazy). */
function imports(file: string): { static: string[]; lazy: string[] } {
  const code = readFileSync(file, 'utf8');
  const at = (spec: string) => resolve(dirname(file), spec);
  const statics = [...code.matchAll(/(?:\bfrom|\bimport)\s*"(\.[^"]+)"/g)].map((m) => at(m[1]!));
  const lazy = [...code.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)].map((m) => at(m[1]!));
  return { static: statics, lazy };
}

function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const s of imports(f).static) visit(s);
  };
  visit(entry);
  return seen;
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

function report(entryName: string): void {
  const entry = join(root, entryName);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const initial = closure(entry);
  const first = sizeOf(initial);
  console.log(`${entryName}: first load ${kb(first.raw)} raw, ${kb(first.gzip)} gzip (${initial.size} files)`);
  // Every chunk loaded later (directly or from another lazy chunk), with what it adds to the first load.
  const lazyEntries = new Set<string>();
  const seen = new Set<string>();
  const collect = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const next = imports(f);
    for (const l of next.lazy) lazyEntries.add(l);
    for (const g of [...next.static, ...next.lazy]) collect(g);
  };
  collect(entry);
  for (const l of [...lazyEntries].sort()) {
    const s = sizeOf([...closure(l)].filter((f) => !initial.has(f)));
    console.log(`  + import(${relative(root, l)}): ${kb(s.raw)} raw, ${kb(s.gzip)} gzip beyond the first load`);
  }
}

const entries = process.argv.slice(2);
for (const e of entries.length ? entries : ['taskpane.js', 'validation-worker.js']) report(e);
