/** The catalogue per bureau and year, its attendee lists (keyed hashes only) and the queue decisions, in D1. */
import type { CatalogueEntryInfo } from '../../shared/api/catalogue.js';
import type { TrainingCategory, TrainingForm } from '../../shared/contract/enums.js';
import { maskIdNumbersIn } from '../../shared/policy/index.js';
import {
  type CatalogueEntry,
  type CatalogueLevel,
  foldCode,
  type GroupDecision,
} from '../../shared/recognition/index.js';
import { chunkRows } from '../submission/store.js';

export type EntrySource = 'import' | 'edit' | 'queue';

export interface EntryRow {
  bureau_id: string;
  year: number;
  code: string;
  code_key: string;
  course: string;
  level: CatalogueLevel;
  category: TrainingCategory;
  form: TrainingForm;
  start_date: string;
  end_date: string;
  hours: number;
  organizer: string | null;
  attendees: number;
  source: EntrySource;
  updated_at: string;
  updated_by: string;
}

export const toEntry = (r: EntryRow): CatalogueEntry => ({
  code: r.code,
  course: r.course,
  level: r.level,
  category: r.category,
  form: r.form,
  startDate: r.start_date,
  endDate: r.end_date,
  hours: r.hours,
  organizer: r.organizer,
});

/** What a token may read of an entry: clerks never learn whether a list exists, let alone who is on it. */
export function toEntryInfo(r: EntryRow, bureauStaff: boolean): CatalogueEntryInfo {
  const attendeeList = r.attendees > 0;
  return bureauStaff
    ? { ...toEntry(r), attendeeList, attendees: r.attendees, source: r.source, updatedAt: r.updated_at }
    : { ...toEntry(r), attendeeList };
}

const ENTRY_SELECT = `SELECT bureau_id, year, code, code_key, course, level, category, form, start_date, end_date, hours,
  organizer, attendees, source, updated_at, updated_by FROM catalogue_entries`;

export async function listEntries(db: D1Database, bureauId: string, year: number): Promise<EntryRow[]> {
  const sql = `${ENTRY_SELECT} WHERE bureau_id = ?1 AND year = ?2 ORDER BY code_key`;
  return (await db.prepare(sql).bind(bureauId, year).all<EntryRow>()).results;
}

export function getEntry(db: D1Database, bureauId: string, year: number, code: string): Promise<EntryRow | null> {
  return db
    .prepare(`${ENTRY_SELECT} WHERE bureau_id = ?1 AND year = ?2 AND code_key = ?3`)
    .bind(bureauId, year, foldCode(code))
    .first<EntryRow>();
}

/** The codes (compared form) the year already holds. */
export async function existingCodes(db: D1Database, bureauId: string, year: number): Promise<Set<string>> {
  const r = await db
    .prepare('SELECT code_key FROM catalogue_entries WHERE bureau_id = ?1 AND year = ?2')
    .bind(bureauId, year)
    .all<{ code_key: string }>();
  return new Set(r.results.map((x) => x.code_key));
}

const ENTRY_COLUMNS = [
  'code',
  'code_key',
  'course',
  'level',
  'category',
  'form',
  'start_date',
  'end_date',
  'hours',
  'organizer',
] as const;

/** Inserts or replaces entries by code; an entry's attendee count is kept (replaceAttendees sets it). */
export function upsertEntries(
  db: D1Database,
  p: {
    bureauId: string;
    year: number;
    entries: readonly CatalogueEntry[];
    source: EntrySource;
    by: string;
    at: string;
  },
): D1PreparedStatement[] {
  // Free text is stored with any full ID number in it masked, as every table keeps free text.
  const rows = p.entries.map((e) => [
    e.code,
    foldCode(e.code),
    maskIdNumbersIn(e.course),
    e.level,
    e.category,
    e.form,
    e.startDate,
    e.endDate,
    e.hours,
    e.organizer === null ? null : maskIdNumbersIn(e.organizer),
  ]);
  const values = ENTRY_COLUMNS.map((_, i) => `json_extract(j.value, '$[${i}]')`).join(', ');
  const updates = ENTRY_COLUMNS.filter((c) => c !== 'code_key')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  // The WHERE on the SELECT keeps SQLite from reading ON CONFLICT as part of a join.
  const sql = `INSERT INTO catalogue_entries (bureau_id, year, ${ENTRY_COLUMNS.join(', ')}, source, updated_at, updated_by)
    SELECT ?1, ?2, ${values}, ?4, ?5, ?6 FROM json_each(?3) AS j WHERE 1
    ON CONFLICT (bureau_id, year, code_key) DO UPDATE SET ${updates}, source = excluded.source,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`;
  return chunkRows(rows).map((chunk) => db.prepare(sql).bind(p.bureauId, p.year, chunk, p.source, p.at, p.by));
}

/** Replaces the attendee lists of these entries (code → keyed hashes; an empty list removes it). */
export function replaceAttendees(
  db: D1Database,
  p: { bureauId: string; year: number; lists: ReadonlyMap<string, readonly string[]> },
): D1PreparedStatement[] {
  const keys = JSON.stringify([...p.lists.keys()].map(foldCode));
  const rows: unknown[][] = [];
  for (const [code, hmacs] of p.lists) for (const h of new Set(hmacs)) rows.push([foldCode(code), h]);
  return [
    db
      .prepare(
        `DELETE FROM catalogue_attendees
          WHERE bureau_id = ?1 AND year = ?2 AND code_key IN (SELECT value FROM json_each(?3))`,
      )
      .bind(p.bureauId, p.year, keys),
    ...chunkRows(rows).map((chunk) =>
      db
        .prepare(
          `INSERT INTO catalogue_attendees (bureau_id, year, code_key, id_hmac)
           SELECT ?1, ?2, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]') FROM json_each(?3) AS j`,
        )
        .bind(p.bureauId, p.year, chunk),
    ),
    db
      .prepare(
        `UPDATE catalogue_entries SET attendees = (SELECT COUNT(*) FROM catalogue_attendees a
            WHERE a.bureau_id = catalogue_entries.bureau_id AND a.year = catalogue_entries.year
              AND a.code_key = catalogue_entries.code_key)
          WHERE bureau_id = ?1 AND year = ?2 AND code_key IN (SELECT value FROM json_each(?3))`,
      )
      .bind(p.bureauId, p.year, keys),
  ];
}

export function deleteEntry(db: D1Database, bureauId: string, year: number, code: string): D1PreparedStatement[] {
  const key = foldCode(code);
  return [
    db
      .prepare('DELETE FROM catalogue_attendees WHERE bureau_id = ?1 AND year = ?2 AND code_key = ?3')
      .bind(bureauId, year, key),
    db
      .prepare('DELETE FROM catalogue_entries WHERE bureau_id = ?1 AND year = ?2 AND code_key = ?3')
      .bind(bureauId, year, key),
  ];
}

/** Groups linked to this entry: it cannot be removed while a decision rests on it. */
export async function decisionsLinkedTo(db: D1Database, bureauId: string, year: number, code: string): Promise<number> {
  const r = await db
    .prepare(
      `SELECT COUNT(*) AS n FROM recognition_decisions
        WHERE bureau_id = ?1 AND year = ?2 AND action = 'link' AND code_key = ?3`,
    )
    .bind(bureauId, year, foldCode(code))
    .first<{ n: number }>();
  return r?.n ?? 0;
}

export interface DecisionRow {
  year: number;
  group_key: string;
  action: 'link' | 'reject';
  code_key: string | null;
  reason: string | null;
  decided_by: string;
  decided_at: string;
}

export function putDecision(
  db: D1Database,
  p: { bureauId: string; year: number; group: string; decision: GroupDecision; by: string; at: string },
): D1PreparedStatement {
  const d = p.decision;
  return db
    .prepare(
      `INSERT INTO recognition_decisions (bureau_id, year, group_key, action, code_key, reason, decided_by, decided_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
       ON CONFLICT (bureau_id, year, group_key) DO UPDATE SET action = excluded.action, code_key = excluded.code_key,
         reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
    )
    .bind(
      p.bureauId,
      p.year,
      p.group,
      d.action,
      d.action === 'link' ? foldCode(d.code) : null,
      d.action === 'reject' ? d.reason : null,
      p.by,
      p.at,
    );
}

export async function listDecisions(db: D1Database, bureauId: string, year: number): Promise<DecisionRow[]> {
  const r = await db
    .prepare(
      `SELECT year, group_key, action, code_key, reason, decided_by, decided_at FROM recognition_decisions
        WHERE bureau_id = ?1 AND year = ?2`,
    )
    .bind(bureauId, year)
    .all<DecisionRow>();
  return r.results;
}
