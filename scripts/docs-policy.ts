/** Writes docs/POLICY.md from the rule definitions; `--check` exits 1 when the file is out of date. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderPolicyDoc } from './policy-doc.js';

const target = new URL('../docs/POLICY.md', import.meta.url);
const doc = renderPolicyDoc();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (current !== doc) {
    process.stderr.write('docs/POLICY.md is out of date: run npm run docs:policy\n');
    process.exit(1);
  }
} else {
  writeFileSync(target, doc);
  process.stdout.write('wrote docs/POLICY.md\n');
}
