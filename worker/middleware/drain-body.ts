/**
 * Reads away whatever part of a request body a handler left unread, before the answer goes out.
 * A request refused early (401, 403, 415, 413 on its declared length, 429, 404) never touches its
 * body, and workerd's HTTP server (wrangler dev's local runtime) then cannot find the next request
 * on that keep-alive connection: the client's next call hung until a timeout (docs/SECURITY.md has
 * the measurements). Draining costs reading bytes the client sends anyway; it keeps nothing.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

/** Past this many unread bytes the rest is cancelled instead: a client that sends more is not served twice. */
const DRAIN_LIMIT = 128 * 1024 * 1024;

/**
 * Reads and drops the rest of a body nobody holds (up to DRAIN_LIMIT, then cancels it); a body read
 * to its end just reports done. A body handed on (to ASSETS.fetch) is locked and left alone.
 */
export async function drainBody(req: Request): Promise<void> {
  const body = req.body;
  if (!body || body.locked) return;
  const reader = body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > DRAIN_LIMIT) {
        await reader.cancel();
        return;
      }
    }
  } catch (e) {
    // A client that hung up mid-body leaves nothing to drain; the answer it will not read is still sent.
    if (!(e instanceof Error)) throw e;
  }
}

export const drainUnreadBody = createMiddleware<AppEnv>(async function drainUnreadBody(c, next) {
  await next();
  await drainBody(c.req.raw);
});
