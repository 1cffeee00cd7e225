// The baseline of bench:files: load FILE with exceljs exactly as the reader before ours did
// (the same ignored nodes), and print the milliseconds the load took as JSON on stdout.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'drawing',
  'picture',
  'legacyDrawing',
  'tableParts',
  'extLst',
];

const bytes = await readFile(process.argv[2]);
const start = performance.now();
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(bytes, { ignoreNodes: IGNORED_NODES });
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, sheets: workbook.worksheets.length })}\n`);
