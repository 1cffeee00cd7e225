/**
 * The pane's calls to the worker, through the one client (client/): every call answers a value,
 * the body or a failure with a stable code, never an exception.
 */

import { type ApiResult, createClient, type ShixunClient } from '../../client/index.js';
import type { TeacherRow } from '../../shared/api/responses.js';
import { entryFields } from '../../shared/recognition/types.js';
import type { PreviewCatalogue } from './recognition-preview.js';

export type { ApiFailure, ApiResult } from '../../client/index.js';

/** The pane's connection: a server the clerk typed (checked first) and the token they pasted. */
export interface Connection {
  server: string;
  token: string;
}

/** A client for one connection; the token goes only into its own requests' headers. */
export function clientOf(conn: Connection): ShixunClient {
  return createClient({ server: conn.server, token: conn.token === '' ? null : conn.token });
}

/** The API pages teachers at 500 at most. */
const PAGE_SIZE = 500;

/** Every page of one school's teachers. */
export async function schoolTeachers(
  client: ShixunClient,
  year: number,
  school: string,
): Promise<ApiResult<TeacherRow[]>> {
  const items: TeacherRow[] = [];
  for (let page = 1; ; page++) {
    const r = await client.bureau.teachers({ year, school, page, pageSize: PAGE_SIZE });
    if (!r.ok) return r;
    items.push(...r.value.items);
    if (items.length >= r.value.total || r.value.items.length === 0) return { ok: true, value: items };
  }
}

/**
 * The bureau's catalogues of these years as the preview's recognition reads them (a clerk's view:
 * entries, and which have an attendee list). One request a year; a ledger's records end in one or
 * two years.
 */
export async function cataloguesOf(
  client: ShixunClient,
  years: readonly number[],
): Promise<ApiResult<PreviewCatalogue[]>> {
  const lists = await Promise.all(years.map((y) => client.catalogue.list(y)));
  const out: PreviewCatalogue[] = [];
  for (const r of lists) {
    if (!r.ok) return r;
    out.push({
      year: r.value.year,
      entries: r.value.entries.map(entryFields),
      listed: r.value.entries.filter((e) => e.attendeeList === true).map((e) => e.code),
    });
  }
  return { ok: true, value: out };
}
