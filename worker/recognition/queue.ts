/**
 * The reviewer's recognition queue (archive.md §2): the unmatched and not-on-list records of the
 * district's current versions whose training ends in the year, grouped by folded course, level and
 * dates, with the schools and teacher counts. Three aggregate reads; nothing per record leaves D1.
 */
import type { EntryRef, QueueGroup, RecognitionQueue } from '../../shared/api/catalogue.js';
import type { TrainingLevel } from '../../shared/contract/enums.js';
import { foldCode } from '../../shared/recognition/index.js';
import { listDecisions, listEntries } from '../db/catalogue.js';
import type { BureauRow } from '../db/tenants.js';

const AWAITING = `FROM trainings t
  JOIN current_submissions c ON c.submission_id = t.submission_id
  JOIN schools sc ON sc.code = c.school_code
 WHERE sc.bureau_id = ?1 AND t.recognition IN ('unmatched', 'not_on_list') AND t.end_date BETWEEN ?2 AND ?3`;

interface GroupRow {
  group_key: string;
  status: QueueGroup['status'];
  level: TrainingLevel;
  start_date: string;
  end_date: string;
  records: number;
  teachers: number;
  min_hours: number;
  max_hours: number;
  code: string | null;
  likely: string | null;
  rejected: number;
}

/** What a decision needs to know of a group: its records' shared facts and most common values. */
export interface GroupFacts {
  group: string;
  level: TrainingLevel;
  startDate: string;
  endDate: string;
  records: number;
  schools: number;
  course: string;
  category: string;
  form: string;
  organizer: string | null;
}

export async function queueOf(
  db: D1Database,
  bureau: BureauRow,
  year: number,
  state: RecognitionQueue['state'],
): Promise<RecognitionQueue> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [groups, spellings, schools] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT t.group_key, t.recognition AS status, t.level, t.start_date, t.end_date, COUNT(*) AS records,
                COUNT(DISTINCT t.id_hmac) AS teachers, MIN(t.hours) AS min_hours, MAX(t.hours) AS max_hours,
                MAX(json_extract(t.recognition_json, '$.code')) AS code,
                MAX(json_extract(t.recognition_json, '$.likely')) AS likely,
                MAX(json_extract(t.recognition_json, '$.basis') = 'rejected') AS rejected
           ${AWAITING}
          GROUP BY t.group_key, t.recognition
          ORDER BY COUNT(DISTINCT t.id_hmac) DESC, t.group_key`,
      )
      .bind(bureau.id, from, to),
    db
      .prepare(
        `SELECT t.group_key, t.course, COUNT(*) AS n ${AWAITING} GROUP BY t.group_key, t.course ORDER BY n DESC, t.course`,
      )
      .bind(bureau.id, from, to),
    db
      .prepare(
        `SELECT t.group_key, c.school_code AS code, sc.name, COUNT(DISTINCT t.id_hmac) AS teachers, COUNT(*) AS records
           ${AWAITING} GROUP BY t.group_key, c.school_code ORDER BY c.school_code`,
      )
      .bind(bureau.id, from, to),
  ]);
  const entries = new Map((await listEntries(db, bureau.id, year)).map((e) => [e.code_key, e]));
  const decisions = new Map((await listDecisions(db, bureau.id, year)).map((d) => [d.group_key, d]));
  const ref = (code: string | null): EntryRef | null => {
    const e = code === null ? undefined : entries.get(foldCode(code));
    return e ? { code: e.code, course: e.course, hours: e.hours } : null;
  };
  const spellingsOf = new Map<string, string[]>();
  for (const s of spellings!.results as { group_key: string; course: string }[]) {
    const list = spellingsOf.get(s.group_key);
    if (list) list.push(s.course);
    else spellingsOf.set(s.group_key, [s.course]);
  }
  const schoolsOf = new Map<string, QueueGroup['schools']>();
  for (const s of schools!.results as unknown as ({ group_key: string } & QueueGroup['schools'][number])[]) {
    const list = schoolsOf.get(s.group_key) ?? [];
    list.push({ code: s.code, name: s.name, teachers: s.teachers, records: s.records });
    schoolsOf.set(s.group_key, list);
  }
  const out: QueueGroup[] = [];
  for (const g of groups!.results as unknown as GroupRow[]) {
    const rejected = g.rejected === 1;
    if ((state === 'pending' && rejected) || (state === 'rejected' && !rejected)) continue;
    const [course, ...others] = spellingsOf.get(g.group_key) ?? [''];
    const d = decisions.get(g.group_key);
    out.push({
      group: g.group_key,
      status: g.status,
      course: course!,
      spellings: others,
      level: g.level,
      startDate: g.start_date,
      endDate: g.end_date,
      records: g.records,
      teachers: g.teachers,
      hours: { min: g.min_hours, max: g.max_hours },
      schools: schoolsOf.get(g.group_key) ?? [],
      entry: g.status === 'not_on_list' ? ref(g.code) : null,
      likely: g.status === 'unmatched' ? ref(g.likely) : null,
      rejection:
        rejected && d?.action === 'reject'
          ? { reason: d.reason!, decidedBy: d.decided_by, decidedAt: d.decided_at }
          : null,
    });
  }
  return { bureau: { id: bureau.id, name: bureau.name }, year, state, groups: out };
}

/** The group's facts for a decision, from the bureau's current versions; null when no record is in it. */
export async function groupFacts(db: D1Database, bureauId: string, group: string): Promise<GroupFacts | null> {
  const base = `FROM trainings t JOIN current_submissions c ON c.submission_id = t.submission_id
    JOIN schools sc ON sc.code = c.school_code WHERE sc.bureau_id = ?1 AND t.group_key = ?2`;
  const mostCommon = (column: string) =>
    db
      .prepare(
        `SELECT t.${column} AS v, COUNT(*) AS n ${base} GROUP BY t.${column} ORDER BY n DESC, t.${column} LIMIT 1`,
      )
      .bind(bureauId, group);
  const [facts, course, category, form, organizer] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT t.level, t.start_date, t.end_date, COUNT(*) AS records, COUNT(DISTINCT c.school_code) AS schools ${base}`,
      )
      .bind(bureauId, group),
    mostCommon('course'),
    mostCommon('category'),
    mostCommon('form'),
    db
      .prepare(
        `SELECT t.organizer AS v, COUNT(*) AS n ${base} AND t.organizer IS NOT NULL
           GROUP BY t.organizer ORDER BY n DESC LIMIT 1`,
      )
      .bind(bureauId, group),
  ]);
  const f = facts!.results[0] as
    | { level: TrainingLevel; start_date: string; end_date: string; records: number; schools: number }
    | undefined;
  if (!f || f.records === 0) return null;
  const v = (r: D1Result<Record<string, unknown>> | undefined) => (r?.results[0]?.v as string | undefined) ?? null;
  return {
    group,
    level: f.level,
    startDate: f.start_date,
    endDate: f.end_date,
    records: f.records,
    schools: f.schools,
    course: v(course)!,
    category: v(category)!,
    form: v(form)!,
    organizer: v(organizer),
  };
}
