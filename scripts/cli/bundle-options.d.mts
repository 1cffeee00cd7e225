import type { BuildOptions } from 'esbuild';

/** The esbuild options of the CLI's bundle (bundle-options.mjs). */
export function cliBuildOptions(root: string, outDir: string): BuildOptions & { metafile: true };
