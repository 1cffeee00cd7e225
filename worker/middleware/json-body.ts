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
  return new ApiError(413, 'request.too_large', `请求体超过上限 ${mb} MB（解压后计算）`, `The body exceeds ${mb} MB (after decompression)`, {
    limitBytes: limit,
  });
}

/** The next piece of text, or null when the bytes are not UTF-8 (the fatal decoder throws). */
function decodeOrNull(decoder: TextDecoder, bytes?: Uint8Array): string | null {
  try {
    return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
  } catch {
    return null;
  }
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
    throw new ApiError(415, 'request.unsupported_encoding', '只接受 gzip 压缩或不压缩的请求体', 'Only gzip or identity bodies are accepted');
  }
  const source = req.body;
  if (!source) return '';
  let piping: Promise<void> | null = null;
  let stream: ReadableStream<Uint8Array> = source;
  if (encoding === 'gzip') {
    const inflate = new DecompressionStream('gzip');
    // preventCancel: stopping the inflater must not cancel the request body (see above).
    // Its failure (corrupt gzip, or the cancel below) reaches the reader too, which reports it.
    piping = source.pipeTo(inflate.writable, { preventCancel: true }).catch(() => undefined);
    stream = inflate.readable;
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const corrupt = () =>
    new ApiError(400, 'request.invalid_body', '请求体损坏（无法解压或不是 UTF-8 文本）', 'The body is corrupt (bad gzip or not UTF-8)');
  const parts: string[] = [];
  let total = 0;
  let failure: ApiError | null = null;
  // Whether the stream itself failed (bad gzip): then there is nothing left to cancel.
  let streamFailed = false;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The inflater's error says only "not gzip"; which body it was is the caller's to say.
      streamFailed = true;
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
  if (piping) {
    if (failure && !streamFailed) await reader.cancel();
    await piping;
  } else reader.releaseLock();
  if (failure) throw failure;
  return parts.join('');
}

export const jsonBody = createMiddleware<AppEnv>(async function jsonBody(c, next) {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(415, 'request.unsupported_media_type', '请求体必须是 application/json', 'The body must be application/json');
  }
  const limit = Number(c.env.MAX_BODY_BYTES ?? DEFAULT_LIMIT);
  const text = await readLimitedText(c.req.raw, limit);
  // Hono caches body reads as promises keyed by the reader's name (its type says otherwise).
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
  await next();
});
