/**
 * bench:files' measure of the reader alone: read FILE with readWorkbookFile (as the CLI does) in a
 * fresh process and print the milliseconds the read took as JSON, like exceljs-load.mjs does for
 * exceljs. bench/files.ts bundles it first, so no transpiling is timed.
 */
import { readFile } from 'node:fs/promises';
import { FILE_LIMITS } from '../../shared/files/index.js';
import { readWorkbookFile } from '../../workbook/read-file.js';

const bytes = new Uint8Array(await readFile(process.argv[2]!));
const start = performance.now();
const read = await readWorkbookFile(bytes, { limits: FILE_LIMITS.cli });
const ms = performance.now() - start;
if (!read.ok) throw new Error(read.message);
process.stdout.write(`${JSON.stringify({ ms, sheets: read.grid.sheets.length })}\n`);
