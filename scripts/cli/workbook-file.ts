/** Reading and writing the workbook files a command is given; every failure is exit status 2. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { FILE_LIMITS, type FileKind, fileErrorMessage } from '../../shared/files/index.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { CLI_ERRORS } from '../../shared/labels/cli.js';
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
  if (extname(path).toLowerCase() !== '.xlsx') throw new UsageError(CLI_ERRORS.notXlsx(what, path));
}

/**
 * Any file of template.md's "Files", recognised by its content, never its name; a file that cannot
 * be read is refused with its file.* code and a message for the clerk, in both languages (the
 * dispatcher prints the call's).
 */
export async function readWorkbookFile(path: string): Promise<WorkbookFile> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(CLI_ERRORS.fileNotFound(path));
  if (!info.isFile()) throw new InputError(CLI_ERRORS.notAFile(path));
  const limits = FILE_LIMITS.cli;
  // Refused before a byte is read: a 2 GB file would otherwise be loaded only to be turned away.
  if (info.size > limits.maxBytes) {
    const details = { limit: 'bytes', actual: info.size, max: limits.maxBytes, place: limits.place } as const;
    const error = { code: 'file.too_large', details } as const;
    const message = { zh: fileErrorMessage(error, 'zh'), en: fileErrorMessage(error, 'en') };
    throw new InputError(CLI_ERRORS.unreadable(path, message), 'file.too_large');
  }
  const bytes = new Uint8Array(await readFile(path));
  const read = await readBytes(bytes, { limits, name: basename(path) });
  if (!read.ok)
    throw new InputError(
      CLI_ERRORS.unreadable(path, { zh: fileErrorMessage(read, 'zh'), en: fileErrorMessage(read, 'en') }),
      read.code,
    );
  return { path, bytes, grid: read.grid, fileKind: read.fileKind };
}

/** Writes OUT.xlsx; refuses to overwrite the input, which is never modified. */
export async function writeWorkbookFile(out: string, bytes: Uint8Array, input?: string): Promise<void> {
  requireXlsxPath(out, '--out');
  if (input !== undefined && resolve(out) === resolve(input)) {
    throw new UsageError(CLI_ERRORS.outIsInput(out));
  }
  try {
    await writeFile(out, bytes);
  } catch (e) {
    throw new InputError(CLI_ERRORS.cannotWrite(out, e instanceof Error ? e.message : String(e)));
  }
}
