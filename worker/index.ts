/**
 * The Shixun worker: the JSON API under /api/v1 (Hono on Cloudflare Workers + D1); everything else
 * is the static pane and dashboard from the ASSETS binding. `createApp` takes test-only options
 * (a clock, storage fault hooks); the deployed worker uses none.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, AppOptions } from './env.js';
import { errorBody, notFound, onError } from './errors.js';
import { requestLog } from './middleware/request-log.js';
import { admin } from './routes/admin.js';
import { bureau } from './routes/bureau.js';
import { bureauExports } from './routes/bureau-exports.js';
import { meta } from './routes/meta.js';
import { policies } from './routes/policies.js';
import { submissions } from './routes/submissions.js';

// Workers forbid eval/new Function at request time; zod's JIT would use them.
z.config({ jitless: true });

function buildApi() {
  return new Hono<AppEnv>()
    .route('/', meta)
    .route('/submissions', submissions)
    .route('/bureau/exports', bureauExports)
    .route('/bureau', bureau)
    .route('/policies', policies)
    .route('/admin', admin);
}

export type ApiType = ReturnType<typeof buildApi>;

export function createApp(options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('options', options);
    await next();
  });
  app.use('/api/*', requestLog);
  app.onError(onError);
  const routes = app.route('/api/v1', buildApi());
  app.all('/api/*', (c) => c.json(errorBody(notFound()), 404));
  app.all('*', (c) => (c.env.ASSETS ? c.env.ASSETS.fetch(c.req.raw) : c.json(errorBody(notFound()), 404)));
  return routes;
}

const app = createApp();

/** The whole API's type, for `hc<AppType>(baseUrl)` in the add-in, the CLI and the dashboard. */
export type AppType = typeof app;

export default app;
