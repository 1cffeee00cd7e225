/**
 * The esbuild options of the task pane's build, shared by scripts/build.ts (which writes
 * dist/public) and the bundle-size test (test/scripts/bundle-size.test.ts, which builds the same
 * bundle in memory), so that the size checked is the size served.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const COMMON: BuildOptions = {
  bundle: true,
  platform: 'browser',
  target: 'es2020',
  minify: true,
  // Maps without the sourceMappingURL comment; moveSourceMaps takes them out of what is served.
  sourcemap: 'external',
  legalComments: 'linked',
  logLevel: 'warning',
  // exceljs's browser bundle references these Node globals; a browser has neither.
  define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
  // The pane's components are JSX on Preact (addin/tsconfig.json says the same to tsc).
  jsx: 'automatic',
  jsxImportSource: 'preact',
};

/** The pane and its validation Web Worker: ES modules with splitting, so what is lazy stays lazy. */
export function paneBuild(outdir: string): BuildOptions {
  return {
    ...COMMON,
    entryPoints: {
      taskpane: join(ROOT, 'addin/main.ts'),
      'validation-worker': join(ROOT, 'addin/validation-worker.ts'),
    },
    outdir,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  };
}
