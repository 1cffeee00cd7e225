/** Writes docs/POLICY.md from the rule definitions; `--check` exits 1 when the file is out of date. */
import { renderPolicyDoc } from './policy-doc.js';
import { writeDoc } from './write-doc.js';

writeDoc(new URL('../docs/POLICY.md', import.meta.url), renderPolicyDoc(), 'npm run docs:policy');
