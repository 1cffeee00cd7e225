/**
 * The worker's API as typed routes: paths, parameters and answers come from the worker's own
 * `AppType` through Hono's `hc`, so a renamed route or a changed answer breaks the build of every
 * client (pane, dashboard, CLI), not a clerk's afternoon. This is the one place that knows where the
 * API lives; nothing else builds an API URL.
 */
import { hc } from 'hono/client';
import type { AppType } from '../worker/index.js';

export interface Connection {
  /** The worker's origin, e.g. https://shixun.example.workers.dev; '' for the page's own origin. */
  server: string;
  /** The bearer token, or a function read at every call (a session that can sign out); null sends none. */
  token: string | null | (() => string | null);
  /** Replaces fetch (tests, the submission's gzip body). */
  fetch?: typeof fetch;
}

/** The `/api/v1` routes for one connection, with its bearer token on every call. */
export function api(conn: Connection) {
  const { token } = conn;
  return hc<AppType>(conn.server, {
    headers: (): Record<string, string> => {
      const value = typeof token === 'function' ? token() : token;
      return value ? { authorization: `Bearer ${value}` } : {};
    },
    ...(conn.fetch ? { fetch: conn.fetch } : {}),
  }).api.v1;
}

export type Routes = ReturnType<typeof api>;
