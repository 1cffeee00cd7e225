/** Writes a generated doc, or with `--check` exits 1 when the file on disk differs from it. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function writeDoc(target: URL, doc: string, command: string): void {
  const name = path.relative(path.resolve(import.meta.dirname, '..'), fileURLToPath(target));
  if (!process.argv.includes('--check')) {
    writeFileSync(target, doc);
    process.stdout.write(`wrote ${name}\n`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current !== doc) {
    process.stderr.write(`${name} is out of date: run ${command}\n`);
    process.exit(1);
  }
}
