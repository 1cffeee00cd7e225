/**
 * The pane's read calls to the worker (the submission itself goes through api/submit.ts), through
 * the typed client: every call answers a value, the body or the worker's stable error.
 */
import { api, call, type ApiResult, type Connection } from '../api/client.js';

export type { ApiResult, Connection };

export const health = (conn: Connection) => call(() => api(conn).health.$get());
export const whoAmI = (conn: Connection) => call(() => api(conn).me.$get());
export const submissions = (conn: Connection, year: number) => call(() => api(conn).submissions.$get({ query: { year: String(year) } }));
export const bureauSummary = (conn: Connection, year: number) => call(() => api(conn).bureau.summary.$get({ query: { year: String(year) } }));

type TeacherItems = Extract<Awaited<ReturnType<typeof teacherPage>>, { ok: true }>['value']['items'];

const teacherPage = (conn: Connection, year: number, school: string, page: number) =>
  call(() => api(conn).bureau.teachers.$get({ query: { year: String(year), school, page: String(page), pageSize: '500' } }));

/** Every page of one school's teachers (the API pages at 500 at most). */
export async function schoolTeachers(conn: Connection, year: number, school: string): Promise<ApiResult<TeacherItems>> {
  const items: TeacherItems = [];
  for (let page = 1; ; page++) {
    const r = await teacherPage(conn, year, school, page);
    if (!r.ok) return r;
    items.push(...r.value.items);
    if (items.length >= r.value.total || r.value.items.length === 0) return { ok: true, value: items };
  }
}
