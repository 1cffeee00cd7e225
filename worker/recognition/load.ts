/**
 * The catalogues a set of records is recognised against, read from D1 in one round trip: the
 * entries and decisions of the years the records end in, and of the attendee lists only the rows of
 * the teachers concerned (a district's lists can hold every teacher; one school's evaluation needs
 * its own roster's).
 */
import {
  type CatalogueEntry,
  CatalogueIndex,
  Catalogues,
  type GroupDecision,
  Recognizer,
} from '../../shared/recognition/index.js';
import { type DecisionRow, type EntryRow, toEntry } from '../db/catalogue.js';

/**
 * The indexes of the catalogues read lately, by bureau and year. Every evaluation reads its
 * catalogue afresh, but the index of its entries and decisions — folding, the pair lists, and what
 * each training typed in the district matched — is built again only when what was read differs
 * from what it was built from: the submissions of a district and the re-evaluations of one queue
 * decision share it, and each training is matched once, not once per school. What it holds never
 * depends on the request (attendee lists stay with each evaluation's Recognizer).
 */
const INDEXES = new Map<string, CatalogueIndex>();
const KEPT_INDEXES = 16;

function indexOf(
  bureauId: string,
  year: number,
  entries: CatalogueEntry[],
  decisions: ReadonlyMap<string, GroupDecision>,
): CatalogueIndex {
  const key = `${bureauId}|${year}`;
  const known = INDEXES.get(key);
  const index =
    known && sameEntries(known.entries, entries) && sameDecisions(known.decisions, decisions)
      ? known
      : new CatalogueIndex(entries, decisions);
  // Most recently used last: the first is the one to forget.
  INDEXES.delete(key);
  INDEXES.set(key, index);
  if (INDEXES.size > KEPT_INDEXES) INDEXES.delete(INDEXES.keys().next().value!);
  return index;
}

function sameDecisions(a: ReadonlyMap<string, GroupDecision>, b: ReadonlyMap<string, GroupDecision>): boolean {
  if (a.size !== b.size) return false;
  for (const [group, x] of a) {
    const y = b.get(group);
    if (y === undefined || x.action !== y.action) return false;
    if (x.action === 'link' ? x.code !== (y as typeof x).code : x.reason !== (y as typeof x).reason) return false;
  }
  return true;
}

function sameEntries(a: readonly CatalogueEntry[], b: readonly CatalogueEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.code !== y.code ||
      x.course !== y.course ||
      x.level !== y.level ||
      x.category !== y.category ||
      x.form !== y.form ||
      x.startDate !== y.startDate ||
      x.endDate !== y.endDate ||
      x.hours !== y.hours ||
      x.organizer !== y.organizer
    )
      return false;
  }
  return true;
}

export async function loadCatalogues(
  db: D1Database,
  bureauId: string,
  years: readonly number[],
  teacherHmacs: Iterable<string>,
): Promise<Catalogues> {
  if (years.length === 0) return new Catalogues(new Map());
  const yearList = JSON.stringify(years);
  const [entries, decisions, attendees] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT year, code, code_key, course, level, category, form, start_date, end_date, hours, organizer, attendees
           FROM catalogue_entries WHERE bureau_id = ?1 AND year IN (SELECT value FROM json_each(?2))
          ORDER BY year, code_key`,
      )
      .bind(bureauId, yearList),
    db
      .prepare(
        `SELECT year, group_key, action, code_key, reason FROM recognition_decisions
          WHERE bureau_id = ?1 AND year IN (SELECT value FROM json_each(?2))`,
      )
      .bind(bureauId, yearList),
    db
      .prepare(
        `SELECT year, code_key, id_hmac FROM catalogue_attendees
          WHERE bureau_id = ?1 AND year IN (SELECT value FROM json_each(?2)) 
            AND id_hmac IN (SELECT value FROM json_each(?3))`,
      )
      .bind(bureauId, yearList, JSON.stringify([...new Set(teacherHmacs)])),
  ]);
  const byYear = new Map<
    number,
    { entries: EntryRow[]; decisions: Map<string, GroupDecision>; lists: Map<string, Set<string>> }
  >();
  const yearOf = (y: number) => {
    let v = byYear.get(y);
    if (!v) byYear.set(y, (v = { entries: [], decisions: new Map(), lists: new Map() }));
    return v;
  };
  for (const e of entries!.results as unknown as EntryRow[]) {
    const y = yearOf(e.year);
    y.entries.push(e);
    // An entry with a list whose rows hold none of these teachers still has a list: they are all off it.
    if (e.attendees > 0) y.lists.set(e.code, new Set());
  }
  const codeOfKey = new Map<string, string>();
  for (const e of entries!.results as unknown as EntryRow[]) codeOfKey.set(`${e.year}|${e.code_key}`, e.code);
  for (const d of decisions!.results as unknown as DecisionRow[]) {
    const decision: GroupDecision =
      d.action === 'link'
        ? { action: 'link', code: codeOfKey.get(`${d.year}|${d.code_key}`) ?? d.code_key! }
        : { action: 'reject', reason: d.reason! };
    yearOf(d.year).decisions.set(d.group_key, decision);
  }
  for (const a of attendees!.results as unknown as { year: number; code_key: string; id_hmac: string }[]) {
    const code = codeOfKey.get(`${a.year}|${a.code_key}`);
    if (code !== undefined) yearOf(a.year).lists.get(code)?.add(a.id_hmac);
  }
  const recognizers = new Map<number, Recognizer>();
  for (const [y, v] of byYear) {
    const index = indexOf(bureauId, y, v.entries.map(toEntry), v.decisions);
    recognizers.set(y, new Recognizer({ index, attendees: v.lists }));
  }
  return new Catalogues(recognizers);
}
