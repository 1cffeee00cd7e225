/** Writes docs/CONTRACT.md from shared/contract; `--check` exits 1 when the file is out of date. */
import { renderContractDoc } from './contract-doc.js';
import { writeDoc } from './write-doc.js';

writeDoc(new URL('../docs/CONTRACT.md', import.meta.url), renderContractDoc(), 'npm run docs:contract');
