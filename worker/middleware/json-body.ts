/**
 * Reads a JSON request body with an explicit limit that also applies after gzip decompression
 * (a small gzip body can expand a thousandfold), then hands the text to zValidator through Hono's
 * body cache so validation and typing stay the standard ones.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';
import { ApiError } from '../errors.js';

const DEFAULT_LIMIT = 48 * 1024 * 1024;

function tooLarge(limit: number): ApiError {
  const mb = (limit / 1024 / 1024).toFixed(1);
  return new ApiError(
    413,
    'request.too_large',
    `请求体超过上限 ${mb} MB（解压后计算）`,
    `The body exceeds ${mb} MB (after decompression)`,
    {
      limitBytes: limit,
    },
  );
}

/** The next piece of text, or null when the bytes are not UTF-8 (the fatal decoder throws). */
function decodeOrNull(decoder: TextDecoder, bytes?: Uint8Array): string | null {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    return null;
  }
}

/** A body's bytes as they are read: straight, or through a gzip inflater that this code feeds itself. */
interface Bytes {
  reader: ReadableStreamDefaultReader<Uint8Array>;
  /** Stops reading (what is left of the body stays unread but unlocked) and waits until it has. */
  finish(stopEarly: boolean): Promise<void>;
}

function straight(source: ReadableStream<Uint8Array>): Bytes {
  const reader = source.getReader();
  return {
    reader,
    finish: async () => reader.releaseLock(),
  };
}

/**
 * The inflater is fed chunk by chunk from the body's own reader rather than by pipeTo: when the
 * gzip is corrupt or too large, workerd's native pipe cancels the request body whatever
 * preventCancel says (the next request on the connection then hung under wrangler dev), while here
 * the body is simply left where it stopped.
 */
function inflated(source: ReadableStream<Uint8Array>): Bytes {
  const raw = source.getReader();
  const inflate = new DecompressionStream('gzip');
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const feeding = (async () => {
    try {
      for (;;) {
        const { done, value } = await raw.read();
        if (done) return await writer.close();
        await writer.write(value);
      }
    } catch (e) {
      // The inflater refused the bytes (its error reaches `reader` too) or the client hung up
      // (then `reader` must fail rather than wait for bytes that will not come).
      // abort fails only when the inflater has failed already, which is the case being handled.
      await writer.abort(e).catch(() => undefined);
    } finally {
      raw.releaseLock();
    }
  })();
  return {
    reader,
    async finish(stopEarly) {
      // cancel fails only on an inflater that failed already: then it is stopped anyway.
      if (stopEarly) await reader.cancel().catch(() => undefined);
      await feeding;
    },
  };
}

/**
 * The body as UTF-8 text, at most `limit` bytes after decompression. Whatever is refused leaves the
 * rest of the body unread but unlocked (never cancelled: workerd then stops reading the connection),
 * so drain-body.ts reads it away before the answer goes out.
 */
export async function readLimitedText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('Content-Length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const encoding = (req.headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ApiError(
      415,
      'request.unsupported_encoding',
      '只接受 gzip 压缩或不压缩的请求体',
      'Only gzip or identity bodies are accepted',
    );
  }
  const source = req.body;
  if (!source) return '';
  const bytes = encoding === 'gzip' ? inflated(source) : straight(source);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const corrupt = () =>
    new ApiError(
      400,
      'request.invalid_body',
      '请求体损坏（无法解压或不是 UTF-8 文本）',
      'The body is corrupt (bad gzip or not UTF-8)',
    );
  const parts: string[] = [];
  let total = 0;
  let failure: ApiError | null = null;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await bytes.reader.read();
    } catch {
      // The inflater's error says only "not gzip" (or the client hung up mid-body): a corrupt body.
      failure = corrupt();
      break;
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > limit) {
      failure = tooLarge(limit);
      break;
    }
    const text = decodeOrNull(decoder, chunk.value);
    if (text === null) {
      failure = corrupt();
      break;
    }
    parts.push(text);
  }
  if (!failure) {
    const rest = decodeOrNull(decoder);
    if (rest === null) failure = corrupt();
    else parts.push(rest);
  }
  await bytes.finish(failure !== null);
  if (failure) throw failure;
  return parts.join('');
}

export const jsonBody = createMiddleware<AppEnv>(async function jsonBody(c, next) {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(
      415,
      'request.unsupported_media_type',
      '请求体必须是 application/json',
      'The body must be application/json',
    );
  }
  const limit = Number(c.env.MAX_BODY_BYTES ?? DEFAULT_LIMIT);
  const text = await readLimitedText(c.req.raw, limit);
  // Hono caches body reads as promises keyed by the reader's name (its type says otherwise).
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
  await next();
});
