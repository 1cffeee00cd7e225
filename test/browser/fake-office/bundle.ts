/**
 * The office.js stand-in (office.ts) bundled for the page, with office-addin-mock replaced by its
 * stub: what a browser test answers the office.js CDN request with.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

export async function officeStandIn(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'office.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    alias: { 'office-addin-mock': resolve(import.meta.dirname, 'office-addin-mock-stub.ts') },
  });
  return out.outputFiles[0]!.text;
}
