/** Reading and writing the workbook files a command is given; every failure is exit status 2. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Lang } from '../../shared/contract/codes.js';
import { FILE_LIMITS, type FileKind, fileErrorMessage } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { readWorkbookFile as readBytes } from '../../workbook/read-file.js';
import { InputError, UsageError } from './io.js';

export interface WorkbookFile {
  path: string;
  bytes: Uint8Array;
  grid: WorkbookGrid;
  fileKind: FileKind;
}

/** What the CLI writes is always .xlsx (the template, a fixed copy). */
export function requireXlsxPath(path: string, what: string): void {
  if (extname(path).toLowerCase() !== '.xlsx') throw new UsageError(`${what} must be an .xlsx file: ${path}`);
}

/**
 * Any file of template.md's "Files", recognised by its content, never its name; a file that cannot
 * be read is refused with its file.* code and a message for the clerk, in the language asked for.
 */
export async function readWorkbookFile(path: string, lang: Lang): Promise<WorkbookFile> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(lang === 'en' ? `file not found: ${path}` : `找不到文件：${path}`);
  if (!info.isFile()) throw new InputError(lang === 'en' ? `not a file: ${path}` : `不是文件：${path}`);
  const limits = FILE_LIMITS.cli;
  // Refused before a byte is read: a 2 GB file would otherwise be loaded only to be turned away.
  if (info.size > limits.maxBytes) {
    const details = { limit: 'bytes', actual: info.size, max: limits.maxBytes, place: limits.place } as const;
    throw new InputError(`${path}: ${fileErrorMessage({ code: 'file.too_large', details }, lang)}`, 'file.too_large');
  }
  const bytes = new Uint8Array(await readFile(path));
  const read = await readBytes(bytes, { limits, lang, name: basename(path) });
  if (!read.ok) throw new InputError(`${path}: ${read.message}`, read.code);
  return { path, bytes, grid: read.grid, fileKind: read.fileKind };
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
