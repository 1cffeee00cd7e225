/**
 * The pane's read calls to the worker (the submission itself goes through api/submit.ts). Every
 * call answers a value: the body, or an error with the worker's stable code and message.
 */
import type { ApiErrorBody } from '../../shared/api/errors.js';
import type { BureauSummary, Health, Me, SubmissionList, TeacherPage } from '../../shared/api/responses.js';

export interface Connection {
  server: string;
  token: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number | null; code: string; message: string };

async function getJson<T>(conn: Connection, path: string, auth = true): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(new URL(path, conn.server).toString(), {
      headers: auth ? { authorization: `Bearer ${conn.token}` } : {},
    });
  } catch (err) {
    return { ok: false, status: null, code: 'network.unreachable', message: err instanceof Error ? err.message : String(err) };
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok && body !== null) return { ok: true, value: body as T };
  const error = (body as ApiErrorBody | null)?.error;
  return { ok: false, status: res.status, code: error?.code ?? `http.${res.status}`, message: error?.message ?? res.statusText };
}

export const health = (conn: Connection) => getJson<Health>(conn, '/api/v1/health', false);
export const whoAmI = (conn: Connection) => getJson<Me>(conn, '/api/v1/me');
export const submissions = (conn: Connection, year: number) => getJson<SubmissionList>(conn, `/api/v1/submissions?year=${year}`);
export const bureauSummary = (conn: Connection, year: number) => getJson<BureauSummary>(conn, `/api/v1/bureau/summary?year=${year}`);

/** Every page of one school's teachers (the API pages at 500 at most). */
export async function schoolTeachers(conn: Connection, year: number, school: string): Promise<ApiResult<TeacherPage['items']>> {
  const items: TeacherPage['items'] = [];
  for (let page = 1; ; page++) {
    const r = await getJson<TeacherPage>(conn, `/api/v1/bureau/teachers?year=${year}&school=${encodeURIComponent(school)}&page=${page}&pageSize=500`);
    if (!r.ok) return r;
    items.push(...r.value.items);
    if (items.length >= r.value.total || r.value.items.length === 0) return { ok: true, value: items };
  }
}
