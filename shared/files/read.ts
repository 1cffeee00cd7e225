/**
 * Bytes → WorkbookGrid for every file kind of template.md's "Files", or a file error: the size
 * limit first, then the container by its first bytes, then the reader for it. Everything here is
 * pure; what needs a library or a host (SheetJS for .xls, a native inflater) is passed in by
 * workbook/read-file.ts.
 */
import type { WorkbookGrid } from '../grid.js';
import { readCompoundFile } from './cfb.js';
import { readCsv, type TextEncoding } from './csv.js';
import { type FileFailure, fileFailure } from './errors.js';
import type { FileLimits } from './limits.js';
import { compoundKind, sniff } from './sniff.js';
import { readXlsxPackage, zipKind } from './xlsx.js';
import { type Inflater, readZipDirectory } from './zip.js';

export type FileKind = 'xlsx' | 'xls' | 'csv';

export type GridRead = { ok: true; grid: WorkbookGrid } | FileFailure;

/** Reads an Excel 97–2003 / WPS workbook already known to be one (and not encrypted). */
export type XlsReader = (bytes: Uint8Array, limits: FileLimits) => Promise<GridRead>;

export interface ReadBytesOptions {
  limits: FileLimits;
  readXls: XlsReader;
  inflater?: Inflater;
  onProgress?: (done: number, total: number) => void;
  /** The sheet name of a CSV whose header row is none of the standard sheets' (e.g. the file's name). */
  csvSheetName?: string;
}

export type BytesRead = { ok: true; grid: WorkbookGrid; fileKind: FileKind; encoding?: TextEncoding } | FileFailure;

export async function readSpreadsheet(bytes: Uint8Array, opts: ReadBytesOptions): Promise<BytesRead> {
  const { limits } = opts;
  if (bytes.length > limits.maxBytes) {
    return fileFailure('file.too_large', {
      limit: 'bytes',
      actual: bytes.length,
      max: limits.maxBytes,
      place: limits.place,
    });
  }
  const container = sniff(bytes);
  if (typeof container !== 'string') return container;
  const done = () => opts.onProgress?.(1, 1);
  if (container === 'zip') {
    const dir = readZipDirectory(bytes);
    if ('ok' in dir) return dir;
    const kind = zipKind(dir);
    if (kind !== 'xlsx') return fileFailure('file.unsupported', { detected: kind });
    const read = await readXlsxPackage(bytes, dir, { limits, inflater: opts.inflater, onProgress: opts.onProgress });
    return read.ok ? { ok: true, grid: read.grid, fileKind: 'xlsx' } : read;
  }
  if (container === 'compound') {
    const cfb = readCompoundFile(bytes);
    if ('ok' in cfb) return cfb;
    const kind = compoundKind(cfb);
    if (kind !== 'xls') return kind;
    const read = await opts.readXls(bytes, limits);
    if (read.ok) done();
    return read.ok ? { ok: true, grid: read.grid, fileKind: 'xls' } : read;
  }
  const read = readCsv(bytes, limits, opts.csvSheetName ?? 'Sheet1');
  if (read.ok) done();
  return read.ok ? { ok: true, grid: read.grid, fileKind: 'csv', encoding: read.encoding } : read;
}
