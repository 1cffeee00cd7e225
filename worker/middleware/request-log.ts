/**
 * One log line per request: id, method, route pattern, status and milliseconds. Never the URL's
 * query, a header or a body (they can carry names and ID numbers).
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

export const requestLog = createMiddleware<AppEnv>(async function requestLog(c, next) {
  const started = Date.now();
  const requestId = c.req.header('cf-ray') ?? crypto.randomUUID();
  c.set('requestId', requestId);
  c.header('X-Request-Id', requestId);
  await next();
  // Answers carry names and masked IDs: no shared cache may keep them.
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  console.log(
    JSON.stringify({
      rid: requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Date.now() - started,
    }),
  );
});
