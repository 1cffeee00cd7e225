/**
 * The pane's first load stays small (issue 10: at most 250 KB gzipped; ~67 KB in docs/PANE.md):
 * the pane is built in memory with the very options of `npm run build` (scripts/build-options.ts)
 * and measured as scripts/bundle-size.ts measures dist/public. Sizes, not times: deterministic.
 */
import { join, relative, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { paneBuild, ROOT } from '../../scripts/build-options.js';
import { closure, lazyChunks, type Reader, sizeOf } from '../../scripts/bundle-size.js';

const FIRST_LOAD_GZIP_MAX = 250_000;
/** The two workbook libraries, hundreds of KB each: loaded only when a workbook is written or an .xls read. */
const HEAVY = { exceljs: 'node_modules/exceljs/', sheetjs: 'node_modules/@e965/xlsx/' };

const outdir = join(ROOT, 'dist/.bundle-size-test');
let read: Reader;
let metafile: Metafile;
const entry = (name: string) => join(outdir, name);

/** The source files bundled into the given outputs, as paths relative to the project. */
function inputsOf(files: Iterable<string>): string[] {
  return [...files].flatMap((f) => Object.keys(metafile.outputs[relative(ROOT, f)]?.inputs ?? {}));
}

beforeAll(async () => {
  // Written nowhere: the outputs stay in memory (maps are left out, they are never served).
  const result = await build({
    ...paneBuild(outdir),
    sourcemap: false,
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
  });
  const files = new Map(result.outputFiles.map((f) => [resolve(f.path), f.contents]));
  read = (f) => {
    const bytes = files.get(resolve(f));
    if (!bytes) throw new Error(`${f} was not built`);
    return bytes;
  };
  metafile = result.metafile;
}, 120_000);

describe('the pane’s first load', () => {
  it('should be at most 250 KB gzipped: taskpane.js with every chunk it imports statically', () => {
    const first = closure(entry('taskpane.js'), read);
    expect(first.size).toBeGreaterThan(1);
    const size = sizeOf(first, read);
    expect(size.gzip).toBeGreaterThan(10_000);
    expect(size.gzip).toBeLessThanOrEqual(FIRST_LOAD_GZIP_MAX);
  });

  it('should leave exceljs and SheetJS out of the first load, and have them in a chunk loaded later', () => {
    const first = closure(entry('taskpane.js'), read);
    const firstInputs = inputsOf(first);
    expect(firstInputs.some((i) => i.startsWith('addin/'))).toBe(true);
    for (const [name, dir] of Object.entries(HEAVY)) {
      expect(
        firstInputs.filter((i) => i.startsWith(dir)),
        name,
      ).toEqual([]);
    }
    // Still part of the pane (writing a workbook, reading an .xls): in the chunks import() reaches.
    const later = [entry('taskpane.js'), entry('validation-worker.js')]
      .flatMap((e) => lazyChunks(e, read))
      .flatMap((l) => [...closure(l, read)]);
    expect(inputsOf(later).some((i) => i.startsWith(HEAVY.exceljs))).toBe(true);
    expect(inputsOf(later).some((i) => i.startsWith(HEAVY.sheetjs))).toBe(true);
  });

  it('should keep the workbook libraries out of the validation worker’s own first load too', () => {
    const inputs = inputsOf(closure(entry('validation-worker.js'), read));
    expect(inputs.some((i) => i.startsWith('shared/validate/'))).toBe(true);
    expect(inputs.filter((i) => i.startsWith(HEAVY.sheetjs))).toEqual([]);
  });
});
