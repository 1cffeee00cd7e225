// The baseline of bench:files: load FILE with exceljs exactly as the reader before ours did
// (the same ignored nodes), and print the milliseconds the load took, elapsed and of CPU, as JSON on stdout.
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
const cpuStart = process.cpuUsage();
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(bytes, { ignoreNodes: IGNORED_NODES });
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
// cpuMs: the load's CPU time (user + system, all threads: zlib and the collector's helpers too).
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, sheets: workbook.worksheets.length })}\n`);
