/**
 * The size of a built page's scripts, as a browser fetches them: the entry with every chunk it
 * imports statically (what the first load costs), and each chunk it loads later with import(),
 * raw and gzipped (level 9, what a CDN or the worker's compression would send at most).
 * Reads dist/public as `npm run build` leaves it, so the figures are the real bundle's; the
 * functions take any reader, so test/scripts/bundle-size.test.ts measures an in-memory build the same way.
 * Usage: tsx scripts/bundle-size.ts [entry …]   (default: taskpane.js validation-worker.js)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/public');

/** A built file's bytes by its absolute path. */
export type Reader = (file: string) => Uint8Array;

export interface Size {
  raw: number;
  gzip: number;
}

export function sizeOf(files: Iterable<string>, read: Reader): Size {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = read(f);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** `import … from "./x.js"` and `import "./x.js"` (static), `import("./x.js")` (lazy). */
function imports(file: string, read: Reader): { static: string[]; lazy: string[] } {
  const code = new TextDecoder().decode(read(file));
  const at = (spec: string) => resolve(dirname(file), spec);
  const statics = [...code.matchAll(/(?:\bfrom|\bimport)\s*"(\.[^"]+)"/g)].map((m) => at(m[1]!));
  const lazy = [...code.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)].map((m) => at(m[1]!));
  return { static: statics, lazy };
}

/** The entry and every file it imports statically, directly or not: the first load. */
export function closure(entry: string, read: Reader): Set<string> {
  const seen = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    for (const s of imports(f, read).static) visit(s);
  };
  visit(entry);
  return seen;
}

/** Every chunk loaded later with import() (directly or from another lazy chunk). */
export function lazyChunks(entry: string, read: Reader): string[] {
  const lazyEntries = new Set<string>();
  const seen = new Set<string>();
  const collect = (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    const next = imports(f, read);
    for (const l of next.lazy) lazyEntries.add(l);
    for (const g of [...next.static, ...next.lazy]) collect(g);
  };
  collect(entry);
  return [...lazyEntries].sort();
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

function report(entryName: string): void {
  const read: Reader = (f) => readFileSync(f);
  const entry = join(root, entryName);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const initial = closure(entry, read);
  const first = sizeOf(initial, read);
  console.log(`${entryName}: first load ${kb(first.raw)} raw, ${kb(first.gzip)} gzip (${initial.size} files)`);
  // Each lazy chunk with what it adds to the first load.
  for (const l of lazyChunks(entry, read)) {
    const s = sizeOf(
      [...closure(l, read)].filter((f) => !initial.has(f)),
      read,
    );
    console.log(`  + import(${relative(root, l)}): ${kb(s.raw)} raw, ${kb(s.gzip)} gzip beyond the first load`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const entries = process.argv.slice(2);
  for (const e of entries.length ? entries : ['taskpane.js', 'validation-worker.js']) report(e);
}
