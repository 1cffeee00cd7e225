/**
 * The Shixun worker: the JSON API under /api/v1 (Hono on Cloudflare Workers + D1); everything else
 * is the static pane and dashboard from the ASSETS binding. `createApp` takes test-only options
 * (a clock, storage fault hooks); the deployed worker uses none.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, AppOptions } from './env.js';
import { errorBody, notFound, onError } from './errors.js';
import { drainUnreadBody } from './middleware/drain-body.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { admin } from './routes/admin.js';
import { bureau } from './routes/bureau.js';
import { bureauExports } from './routes/bureau-exports.js';
import { catalogue } from './routes/catalogue.js';
import { history } from './routes/history.js';
import { meta } from './routes/meta.js';
import { policies } from './routes/policies.js';
import { recognition } from './routes/recognition.js';
import { statistics } from './routes/statistics.js';
import { submissions } from './routes/submissions.js';

/** The add-in's pages, served at /NAME.html (wrangler.toml's run_worker_first lists them too). */
const ADDIN_PAGES = ['taskpane', 'commands'] as const;

// Workers forbid eval/new Function at request time; zod's JIT would use them.
z.config({ jitless: true });

function buildApi() {
  return new Hono<AppEnv>()
    .route('/', meta)
    .route('/submissions', submissions)
    .route('/history', history)
    .route('/bureau/exports', bureauExports)
    .route('/bureau', bureau)
    .route('/policies', policies)
    .route('/catalogue', catalogue)
    .route('/recognition', recognition)
    .route('/statistics', statistics)
    .route('/admin', admin);
}

export type ApiType = ReturnType<typeof buildApi>;

export function createApp(options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('options', options);
    await next();
  });
  app.use('*', securityHeaders);
  app.use('*', drainUnreadBody);
  app.use('/api/*', requestLog);
  app.onError(onError);
  const routes = app.route('/api/v1', buildApi());
  app.all('/api/*', (c) => c.json(errorBody(notFound()), 404));
  // The manifest names the pages with their .html, which the assets' default html handling would
  // answer with a redirect; Office loads the pane straight, with _host_Info kept in the query.
  for (const page of ADDIN_PAGES) {
    app.get(`/${page}.html`, (c) =>
      c.env.ASSETS ? c.env.ASSETS.fetch(new URL(`/${page}`, c.req.url)) : c.json(errorBody(notFound()), 404),
    );
  }
  app.all('*', (c) => {
    // No source map is served, even one left in the assets by hand (scripts/build.ts keeps them out).
    if (!c.env.ASSETS || c.req.path.endsWith('.map')) return c.json(errorBody(notFound()), 404);
    return c.env.ASSETS.fetch(c.req.raw);
  });
  return routes;
}

const app = createApp();

/** The whole API's type, for `hc<AppType>(baseUrl)` in the add-in, the CLI and the dashboard. */
export type AppType = typeof app;

export default app;
