/**
 * The zip container of an .xlsx: its central directory read by hand (a few dozen lines, and it is
 * what tells a file cut short from a damaged one), entries inflated as a stream of chunks so that
 * a 100 MB sheet never sits in memory whole. Inflation is fflate's by default; a host with a native
 * inflater (node:zlib, DecompressionStream) passes it in (workbook/read-file.ts), and fflate is then
 * never loaded: its module builds its tables and loads node:worker_threads as it is evaluated, ~8 ms
 * of every CLI run that needed none of it.
 */
import { type FileFailure, fileFailure } from './errors.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when the entry is read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
}

export interface ZipDirectory {
  entries: Map<string, ZipEntry>;
}

/**
 * Inflates raw DEFLATE data, handing the output on in chunks of any size, in order; bad data
 * rejects with an InflateError.
 */
export type Inflater = (compressed: Uint8Array, onChunk: (chunk: Uint8Array) => void) => Promise<void>;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** Slices handed to fflate's stream: large enough to keep its per-push cost low, small enough to stream. */
const PUSH_SIZE = 256 * 1024;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;

const truncated = () => fileFailure('file.corrupt', { reason: 'truncated' });
const damaged = () => fileFailure('file.corrupt', { reason: 'damaged' });

/**
 * The central directory. A file cut short has lost it (it is at the end), so a missing end record
 * is `truncated`; an end record that points outside the file or at garbage is `damaged`.
 */
export function readZipDirectory(b: Uint8Array): ZipDirectory | FileFailure {
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - MAX_COMMENT); i--) {
    if (u32(b, i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return truncated();
  let count = u16(b, end + 10);
  let size = u32(b, end + 12);
  let offset = u32(b, end + 16);
  if (end >= 20 && u32(b, end - 20) === EOCD64_LOCATOR) {
    const at = u64(b, end - 12);
    if (at + 56 > b.length || u32(b, at) !== EOCD64) return damaged();
    count = u64(b, at + 32);
    size = u64(b, at + 40);
    offset = u64(b, at + 48);
  }
  if (offset + size > b.length) return truncated();
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > offset + size || u32(b, p) !== CENTRAL) return damaged();
    const flags = u16(b, p + 8);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    const entry: ZipEntry = {
      name: names.decode(b.subarray(p + 46, p + 46 + nameLength)),
      method: u16(b, p + 10),
      encrypted: (flags & 1) !== 0,
      compressedSize: u32(b, p + 20),
      size: u32(b, p + 24),
      headerOffset: u32(b, p + 42),
    };
    readZip64Extra(b, p + 46 + nameLength, extraLength, entry);
    entries.set(entry.name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries };
}

/** Sizes and offsets that did not fit in 32 bits are in the zip64 extra field, in this order. */
function readZip64Extra(b: Uint8Array, start: number, length: number, e: ZipEntry): void {
  const MAX = 0xffffffff;
  if (e.size !== MAX && e.compressedSize !== MAX && e.headerOffset !== MAX) return;
  for (let p = start; p + 4 <= start + length; ) {
    const id = u16(b, p);
    const len = u16(b, p + 2);
    if (id === 1) {
      let q = p + 4;
      if (e.size === MAX) {
        e.size = u64(b, q);
        q += 8;
      }
      if (e.compressedSize === MAX) {
        e.compressedSize = u64(b, q);
        q += 8;
      }
      if (e.headerOffset === MAX) e.headerOffset = u64(b, q);
      return;
    }
    p += 4 + len;
  }
}

/** The entry's compressed bytes, found through its local header (whose name and extra lengths may differ). */
function entryData(b: Uint8Array, e: ZipEntry): Uint8Array | FileFailure {
  const h = e.headerOffset;
  if (h + 30 > b.length) return truncated();
  if (u32(b, h) !== LOCAL) return damaged();
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length) return truncated();
  return b.subarray(start, start + e.compressedSize);
}

/** Bytes that are no valid DEFLATE stream. */
export class InflateError extends Error {
  override readonly name = 'InflateError';
}

/** More bytes than the directory declares: a damaged (or hostile) entry, stopped at once. */
class OverflowError extends Error {}

/** fflate throws an Error with a numeric `code` for invalid data. */
function isFflateError(err: unknown): boolean {
  return err instanceof Error && typeof (err as { code?: unknown }).code === 'number';
}

/** fflate's streaming inflate, pushed in slices so that its output comes in chunks. */
export const fflateInflater: Inflater = async (compressed, onChunk) => {
  const { Inflate } = await import('fflate');
  const inflate = new Inflate((chunk) => onChunk(chunk));
  try {
    if (compressed.length === 0) inflate.push(compressed, true);
    for (let i = 0; i < compressed.length; i += PUSH_SIZE) {
      inflate.push(compressed.subarray(i, i + PUSH_SIZE), i + PUSH_SIZE >= compressed.length);
    }
  } catch (err) {
    if (isFflateError(err)) throw new InflateError('invalid deflate data');
    throw err;
  }
};

/**
 * Streams an entry's bytes to `onChunk`. The inflated size must be the one the directory declares:
 * more is a damaged (or hostile) file and stops at once, less is a damaged one.
 */
export async function streamEntry(
  b: Uint8Array,
  e: ZipEntry,
  onChunk: (chunk: Uint8Array) => void,
  inflater: Inflater = fflateInflater,
): Promise<FileFailure | null> {
  if (e.encrypted) return fileFailure('file.encrypted');
  const data = entryData(b, e);
  if (!(data instanceof Uint8Array)) return data;
  if (e.method === 0) {
    if (data.length !== e.size) return damaged();
    onChunk(data);
    return null;
  }
  if (e.method !== 8) return damaged();
  let produced = 0;
  try {
    await inflater(data, (chunk) => {
      produced += chunk.length;
      if (produced > e.size) throw new OverflowError();
      onChunk(chunk);
    });
  } catch (err) {
    // A bad deflate stream and an overflow are both the file's fault; anything else is ours.
    if (!(err instanceof OverflowError) && !(err instanceof InflateError)) throw err;
    return damaged();
  }
  return produced === e.size ? null : damaged();
}

/** A whole small entry (workbook.xml, styles.xml, the rels) at once, through the same inflater. */
export async function entryBytes(
  b: Uint8Array,
  e: ZipEntry,
  inflater: Inflater = fflateInflater,
): Promise<Uint8Array | FileFailure> {
  const chunks: Uint8Array[] = [];
  const failed = await streamEntry(b, e, (chunk) => chunks.push(chunk), inflater);
  if (failed) return failed;
  if (chunks.length === 1) return chunks[0]!;
  // streamEntry has held the chunks to the declared size.
  const whole = new Uint8Array(e.size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
