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

export async function readLimitedText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('Content-Length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const encoding = (req.headers.get('Content-Encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ApiError(415, 'request.unsupported_encoding', '只接受 gzip 压缩或不压缩的请求体', 'Only gzip or identity bodies are accepted');
  }
  if (!req.body) return '';
  const stream = encoding === 'gzip' ? req.body.pipeThrough(new DecompressionStream('gzip')) : req.body;
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const parts: string[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw tooLarge(limit);
      }
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(400, 'request.invalid_body', '请求体损坏（无法解压或不是 UTF-8 文本）', 'The body is corrupt (bad gzip or not UTF-8)');
  }
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
