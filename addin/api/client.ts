/**
 * The worker's API as a typed client: routes, parameters and answers come from the worker's own
 * `AppType` through Hono's `hc`, so a renamed route or a changed answer breaks the pane's build,
 * not a clerk's afternoon. The type is read from the declarations `npm run typecheck` emits for the
 * worker (dist/types), because the worker's sources need the Workers types the browser lacks.
 */
import { hc, type ClientResponse } from 'hono/client';
import type { ApiErrorBody } from '../../shared/api/errors.js';
import type { AppType } from '../../dist/types/worker/index.js';

export interface Connection {
  server: string;
  token: string;
  /** A fetch of its own (tests route it to the app in process); the global one by default. */
  fetch?: typeof fetch;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number | null; code: string; message: string };

/** The `/api/v1` routes for one connection, with its bearer token on every call. */
export function api(conn: Connection) {
  return hc<AppType>(conn.server, { headers: { authorization: `Bearer ${conn.token}` }, ...(conn.fetch ? { fetch: conn.fetch } : {}) }).api.v1;
}

/** Sends one call and turns every outcome into a value: the success body, or the worker's error. */
export async function call<T>(send: () => Promise<ClientResponse<T>>): Promise<ApiResult<T>> {
  let res: ClientResponse<T>;
  try {
    res = await send();
  } catch (err) {
    return { ok: false, status: null, code: 'network.unreachable', message: err instanceof Error ? err.message : String(err) };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && body !== null) return { ok: true, value: body as T };
  const error = (body as ApiErrorBody | null)?.error;
  return { ok: false, status: res.status, code: error?.code ?? `http.${res.status}`, message: error?.message ?? res.statusText };
}
