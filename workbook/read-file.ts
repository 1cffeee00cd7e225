/**
 * The one entry for reading a clerk's file, used by the CLI, the pane's Web Worker and (should it
 * accept files) the worker: bytes in, a grid of every sheet or a file error out. Host-neutral: it
 * uses only what Node 20, browsers and Workers all have (TextDecoder, DecompressionStream,
 * crypto.subtle), and loads SheetJS only when an .xls or .et arrives.
 */
import type { FileErrorCode, Lang } from '../shared/contract/codes.js';
import {
  type FileErrorDetails,
  type FileKind,
  type FileLimits,
  fileErrorMessage,
  InflateError,
  type Inflater,
  readSpreadsheet,
  type TextEncoding,
} from '../shared/files/index.js';
import type { WorkbookGrid } from '../shared/grid.js';

export interface ReadFileOptions {
  limits: FileLimits;
  /** The language of a failure's message (Chinese by default). */
  lang?: Lang;
  /** The file's name, used only as the sheet name of a CSV whose header matches no standard sheet. */
  name?: string;
  /** Also compute the SHA-256 of the bytes (what a receipt names). */
  hash?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export type ReadFileResult =
  | {
      ok: true;
      grid: WorkbookGrid;
      fileKind: FileKind;
      /** A CSV's encoding as decided from its bytes. */
      encoding?: TextEncoding;
      /** Lower-case hex SHA-256 of the bytes, when asked for. */
      contentHash?: string;
    }
  | { ok: false; code: FileErrorCode; message: string; details: FileErrorDetails };

export async function readWorkbookFile(bytes: Uint8Array, opts: ReadFileOptions): Promise<ReadFileResult> {
  const read = await readSpreadsheet(bytes, {
    limits: opts.limits,
    readXls: async (b, limits) => (await import('./xls.js')).readXls(b, limits),
    inflater: nativeInflater() ?? undefined,
    onProgress: opts.onProgress,
    csvSheetName: opts.name?.replace(/\.[^.]*$/, ''),
  });
  if (!read.ok) {
    return { ok: false, code: read.code, message: fileErrorMessage(read, opts.lang), details: read.details };
  }
  const contentHash = opts.hash ? await sha256Hex(bytes) : undefined;
  return {
    ok: true,
    grid: read.grid,
    fileKind: read.fileKind,
    ...(read.encoding ? { encoding: read.encoding } : {}),
    ...(contentHash ? { contentHash } : {}),
  };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The pieces Node's zlib inflates into: few enough that the per-piece cost of its stream does not count. */
const CHUNK = 512 * 1024;

let native: Inflater | null | undefined;

/**
 * The platform's own inflate: Node's zlib where the host has it (the CLI), else DecompressionStream
 * (zlib in Chromium, also in Workers), 1.5–4× faster than fflate's JavaScript; null where neither is
 * there or DecompressionStream lacks 'deflate-raw' (the reader then uses fflate).
 */
export function nativeInflater(): Inflater | null {
  if (native !== undefined) return native;
  native = nodeInflater();
  if (native || typeof DecompressionStream !== 'function') return native;
  try {
    new DecompressionStream('deflate-raw');
  } catch (err) {
    // An engine without 'deflate-raw' throws a TypeError: fflate is the fallback, not an error.
    if (!(err instanceof TypeError)) throw err;
    return native;
  }
  native = inflateNative;
  return native;
}

/** The little of node:zlib used here (this layer has no Node types: it runs in browsers too). */
interface NodeZlib {
  createInflateRaw(options: { chunkSize: number }): {
    on(event: 'data', listener: (chunk: Uint8Array<ArrayBuffer>) => void): void;
    on(event: 'error', listener: () => void): void;
    on(event: 'end', listener: () => void): void;
    end(data: Uint8Array): void;
    destroy(): void;
  };
}

/**
 * Node's zlib as an Inflater, found through process.getBuiltinModule (Node ≥ 20.16) so that no
 * bundle for a browser sees an import of it. DecompressionStream in Node is the same zlib behind web
 * streams in 16 KB pieces: this, in pieces of CHUNK, took a third of its CPU time on a 26 MB sheet.
 */
function nodeInflater(): Inflater | null {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = typeof host?.getBuiltinModule === 'function' ? (host.getBuiltinModule('node:zlib') as NodeZlib) : null;
  if (!zlib) return null;
  return (compressed, onChunk) =>
    new Promise<void>((resolve, reject) => {
      const inflate = zlib.createInflateRaw({ chunkSize: CHUNK });
      // Pieces are scanned in a microtask, not in the 'data' listener: zlib asks libuv's threads for
      // the next piece once the listener returns, so inflating and scanning overlap (a 20,000-teacher
      // check took 0.84× the time). A microtask runs before zlib's next callback, so at most a piece
      // or two wait here.
      const pending: Uint8Array[] = [];
      let scheduled = false;
      let ended = false;
      let failed = false;
      const scan = () => {
        scheduled = false;
        try {
          for (let next = pending.shift(); next && !failed; next = pending.shift()) onChunk(next);
        } catch (err) {
          // The consumer stopped (a limit, damaged XML): nothing more is wanted from the stream.
          failed = true;
          inflate.destroy();
          reject(err);
          return;
        }
        if (ended && !failed) resolve();
      };
      const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(scan);
      };
      inflate.on('data', (chunk) => {
        if (failed) return;
        // A plain view of the Buffer: the scan's loops then see one kind of array, never two.
        pending.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
        schedule();
      });
      inflate.on('error', () => {
        if (!failed) reject(new InflateError('invalid deflate data'));
        failed = true;
      });
      inflate.on('end', () => {
        ended = true;
        schedule();
      });
      inflate.end(compressed);
    });
}

const inflateNative: Inflater = async (compressed, onChunk) => {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // A write failure also errors the readable side, where it is handled below.
  writer
    .write(compressed as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => undefined);
  // Each piece goes on as it comes: the scan takes pieces of any size where they are (gathering
  // them into larger ones first cost a copy of every byte, for nothing since the scan reads bytes).
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      throw new InflateError('invalid deflate data');
    }
    if (step.done) break;
    try {
      onChunk(step.value);
    } catch (err) {
      // The consumer stopped (a limit, damaged XML): nothing more is wanted from the stream.
      await reader.cancel();
      throw err;
    }
  }
};
