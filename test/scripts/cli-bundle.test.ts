/**
 * What a `cli check` loads before it reads the file. With the default policy it loads no zod (its
 * source is most of the check's code, parsed and run on every start: policy-file.ts alone needs it
 * and is loaded only for --policy), nor exceljs or SheetJS, nor fflate (node:zlib inflates; fflate's
 * module builds its tables and loads worker_threads as it is evaluated). Built in memory with the options of
 * scripts/cli/run.mjs, as the real bundle is; the files, not times, so the test is deterministic.
 */
import { join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { closure, lazyChunks, type Reader } from '../../scripts/bundle-size.js';
import { cliBuildOptions } from '../../scripts/cli/bundle-options.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const outdir = join(ROOT, 'dist/.cli-bundle-test');
let read: Reader;
let metafile: Metafile;
let outputs: string[];

const inputsOf = (files: Iterable<string>) =>
  [...files].flatMap((f) => Object.keys(metafile.outputs[relative(ROOT, f)]?.inputs ?? {}));
/** A command's chunk: main.mjs loads each command with import() from a chunk named after it. */
const commandChunk = (name: string) => {
  const found = outputs.filter((f) => relative(outdir, f).startsWith(`${name}-`) && f.endsWith('.mjs'));
  expect(found, name).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  const result = await build({
    ...cliBuildOptions(ROOT, outdir),
    write: false,
    absWorkingDir: ROOT,
    logLevel: 'error',
  });
  const files = new Map(result.outputFiles.map((f) => [resolve(f.path), f.contents]));
  read = (f) => {
    const bytes = files.get(resolve(f));
    if (!bytes) throw new Error(`${f} was not built`);
    return bytes;
  };
  outputs = [...files.keys()];
  metafile = result.metafile;
}, 120_000);

describe('what cli check loads', () => {
  it('should read, validate and evaluate without loading any package: no zod, exceljs, SheetJS or fflate', () => {
    const main = join(outdir, 'main.mjs');
    const check = commandChunk('check');
    expect(lazyChunks(main, read)).toContain(check);
    const first = inputsOf(new Set([...closure(main, read), ...closure(check, read)]));
    expect(first).toContain('shared/validate/index.ts');
    expect(first).toContain('shared/policy/evaluate.ts');
    expect(first).toContain('shared/files/xlsx.ts');
    expect(first.filter((i) => i.includes('node_modules/'))).toEqual([]);
    expect(first).not.toContain('shared/policy/policy-file.ts');
  });

  it('should load the policy-file parser, and zod with it, when --policy asks for it', () => {
    const later = lazyChunks(commandChunk('check'), read).flatMap((c) => [...closure(c, read)]);
    const inputs = inputsOf(later);
    expect(inputs).toContain('shared/policy/policy-file.ts');
    expect(inputs.some((i) => i.startsWith('node_modules/zod/'))).toBe(true);
  });
});
