// How the CLI's bundle is built: scripts/cli/run.mjs builds it with these options, and
// test/scripts/cli-bundle.test.ts builds it in memory with the same ones to check what a command
// loads. Plain JavaScript, like run.mjs, which imports it only when it rebuilds.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Loaded with import() only when a command needs them: large, and not needed to start. */
const LAZY_PACKAGES = ['exceljs', '@e965/xlsx', 'iconv-lite'];

/**
 * zod's namespace `z` carries every one of its ~50 message locales (`z.locales`), half of zod's
 * source, parsed whenever a command loads zod. The CLI uses none but English, zod's default: the
 * bundle gets `en` as it is and, for each other locale, a function that says it was left out,
 * rather than an `undefined` that fails somewhere later.
 */
const zodLocalesOnlyEnglish = {
  name: 'zod-locales-only-english',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) =>
      a.importer.includes(join('node_modules', 'zod'))
        ? { path: join(a.resolveDir, a.path), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (a) => {
      const index = readFileSync(a.path, 'utf8');
      const names = [...index.matchAll(/export \{ default as (\w+) \}/g)].map((m) => m[1]);
      if (!names.includes('en'))
        throw new Error(`zod's locales (${a.path}) no longer export en: see ${fileURLToPath(import.meta.url)}`);
      const others = names.filter((n) => n !== 'en').map((n) => `export const ${n} = leftOut(${JSON.stringify(n)});`);
      const leftOut = `function leftOut(name) {
  return () => { throw new Error('zod locale ' + name + ' is not in the CLI bundle (scripts/cli/bundle-options.mjs)'); };
}`;
      return {
        contents: [`export { default as en } from './en.js';`, leftOut, ...others].join('\n'),
        resolveDir: dirname(a.path),
      };
    });
  },
};

/**
 * The bundle of scripts/cli/main.ts into `outDir`, split at its dynamic imports (each command, the
 * client, the policy-file parser, SheetJS's glue): a run parses only the chunks of its own command.
 */
export function cliBuildOptions(root, outDir) {
  return {
    entryPoints: [join(root, 'scripts/cli/main.ts')],
    // Chunks sit next to main.mjs, two folders deep as it is.
    outdir: outDir,
    splitting: true,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: LAZY_PACKAGES,
    // Less source to parse on every run; names are kept, so stack traces stay readable (and
    // `node --enable-source-maps` maps them to the TypeScript: run.mjs writes the maps).
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    plugins: [zodLocalesOnlyEnglish],
  };
}
