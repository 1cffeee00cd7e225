/**
 * Calls to the worker's JSON API with the session's bearer token; every failure becomes an ApiError
 * whose code is one of shared/api/errors.ts's (the API's, or the client's own for no answer or an
 * error page that is not the API's), as client/ names them. The dashboard's rewrite moves to client/.
 */
import type { ErrorCode } from '../../shared/api/errors.js';
import { getToken } from './session.js';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

let onUnauthorized: () => void = () => undefined;

/** What to do when the session's token stops working (revoked, expired): main signs out. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, body?: unknown, explicitToken?: string): Promise<Response> {
  const token = explicitToken ?? getToken();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, 'network.unreachable', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && explicitToken === undefined) onUnauthorized();
    throw err;
  }
  return res;
}

/** The worker's one error shape is {error: {code, message}}; anything else still yields a readable error. */
async function toError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: ErrorCode; message?: string } };
    return new ApiError(res.status, body.error?.code ?? `http.${res.status}`, body.error?.message ?? text);
  } catch {
    // Not JSON (a proxy's page): the status names it.
    return new ApiError(res.status, `http.${res.status}`, text || res.statusText);
  }
}

export async function getJson<T>(path: string, query?: Query, token?: string): Promise<T> {
  const res = await send('GET', withQuery(path, query), undefined, token);
  return (await res.json()) as T;
}

export async function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const res = await send(method, path, body);
  return (await res.json()) as T;
}

/** Downloads go through fetch so that the token stays in a header and never lands in a URL or a log. */
export async function download(path: string, query: Query, fallbackName: string): Promise<void> {
  const res = await send('GET', withQuery(path, query));
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1] ?? match[2] ?? fallbackName) : fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
