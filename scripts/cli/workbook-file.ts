/** Reading and writing the workbook files a command is given; every failure is exit status 2. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { readXlsx } from '../../workbook/read.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { InputError, UsageError } from './io.js';

export interface WorkbookFile {
  path: string;
  bytes: Uint8Array;
  grid: WorkbookGrid;
}

export function requireXlsxPath(path: string, what: string): void {
  if (extname(path).toLowerCase() !== '.xlsx') {
    const hint = extname(path).toLowerCase() === '.xls' ? ' (an old .xls workbook: open it in Excel and save it as .xlsx)' : '';
    throw new UsageError(`${what} must be an .xlsx file: ${path}${hint}`);
  }
}

export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  requireXlsxPath(path, 'the workbook');
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(`file not found: ${path}`);
  if (!info.isFile()) throw new InputError(`not a file: ${path}`);
  const bytes = new Uint8Array(await readFile(path));
  const read = await readXlsx(bytes);
  if (!read.ok) throw new InputError(`cannot read ${path} as an .xlsx workbook (${read.message})`);
  return { path, bytes, grid: read.grid };
}

/** Writes OUT.xlsx; refuses to overwrite the input, which is never modified. */
export async function writeWorkbookFile(out: string, bytes: Uint8Array, input?: string): Promise<void> {
  requireXlsxPath(out, '--out');
  if (input !== undefined && resolve(out) === resolve(input)) {
    throw new UsageError(`--out must differ from the input file: the original is never modified (${out})`);
  }
  try {
    await writeFile(out, bytes);
  } catch (e) {
    throw new InputError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
