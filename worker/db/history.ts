/**
 * The history lookup of archive.md §1: a roster's teachers' records in the current versions of the
 * bureau's other submissions. One D1 batch (one round trip, one snapshot) of four statements,
 * whatever the roster's size: the keyed hashes travel as one JSON parameter and json_each joins
 * them to the records through the id_hmac indexes, so there is no query per teacher.
 */
import type {
  HistoryDuty,
  HistoryMilestone,
  HistorySource,
  HistoryTraining,
  TeacherHistory,
} from '../../shared/api/history.js';
import type { History } from '../../shared/history/index.js';
import type { StoredRecognition } from '../recognition/apply.js';

export interface HistoryQuery {
  bureauId: string;
  /** The school and year being evaluated: their own ledger is the workbook, never history. */
  schoolCode: string;
  year: number;
  /** Keyed hashes of the roster's IDs; the answer's `teachers` follow this order. */
  hmacs: readonly string[];
}

export interface HistoryLookup {
  history: History;
  /** The submission id of each of history.sources, in the same order. */
  sourceIds: string[];
  /** bureaus.history_seq as the history was read (see store.ts's commit). */
  seq: number;
}

/** The lookup's answer where the bureau holds no other ledger of these teachers. */
export function emptyHistory(teachers: number): HistoryLookup {
  return {
    history: {
      sources: [],
      teachers: Array.from({ length: teachers }, () => ({ trainings: [], duties: [], milestones: [] })),
    },
    sourceIds: [],
    seq: 0,
  };
}

/**
 * SQL: whether what `subject`'s verdict read as its history at seq `seq` may have changed since (all
 * three are SQL expressions; `bureau` is the subject's bureau). Either a version of the bureau
 * holding one of its teachers was committed after `seq` (new or changed records), or a ledger it
 * counted records of is no longer current (records removed: the new version may not hold the
 * teacher any more). Versions of other teachers, and of other bureaus (their counters are not this
 * one's), do not count: a busy bureau does not keep re-evaluating verdicts an unrelated commit
 * raced. Cheap first: unless the bureau's counter moved past `seq` + `own` (the commits the caller
 * itself made in the same transaction), nothing was committed since and the rest is not evaluated.
 */
export function changedSince(subject: string, seq: string, bureau: string, own: 0 | 1): string {
  return `((SELECT history_seq FROM bureaus WHERE id = ${bureau}) > ${seq} + ${own}
    AND (EXISTS (SELECT 1 FROM submissions o
                   JOIN schools osc ON osc.code = o.school_code
                  WHERE o.committed_seq > ${seq} AND o.id <> ${subject} AND osc.bureau_id = ${bureau}
                    AND EXISTS (SELECT 1 FROM teachers t JOIN teachers nt ON nt.id_hmac = t.id_hmac
                                 WHERE t.submission_id = o.id AND nt.submission_id = ${subject}))
      OR EXISTS (SELECT 1 FROM submission_sources ss
                  WHERE ss.submission_id = ${subject}
                    AND NOT EXISTS (SELECT 1 FROM current_submissions c WHERE c.submission_id = ss.source_id))))`;
}

/** Statements of one lookup, for the benchmark's count. */
export const HISTORY_STATEMENTS = 4;

/** One teacher's records in one ledger: the ledger, and the records as a JSON array of arrays. */
interface Group {
  pos: number;
  sid: string;
  year: number;
  school_code: string;
  school_name: string;
  recs: string;
}

type TrainingTuple = [
  row: number,
  course: string,
  level: string,
  category: string,
  form: string,
  start: string,
  end: string,
  hours: number,
  code: string | null,
  recognition: StoredRecognition | null,
];
type DutyTuple = [
  row: number,
  semester: string,
  home: number,
  guided: number,
  observed: number,
  preps: number,
  lectures: number,
  led: string | null,
  small: number,
];
type MilestoneTuple = [row: number, milestone: string, result: string, date: string];

/**
 * CROSS JOIN fixes SQLite's join order: the roster's hashes first, then each one's records through
 * the id_hmac index, then whether their version is current. Left to itself the planner starts from
 * the bureau's schools and re-reads the JSON for every current version (measured: minutes for a
 * district of 1,500 ledgers, against milliseconds in this order). The records come back one row
 * per teacher and ledger, as a JSON array: a tenth of the rows and no column names repeated
 * (98,000 trainings of a 2,000-teacher school's four other years in 8,000 rows).
 */
function recordsOf(table: 'trainings' | 'duties' | 'milestones', columns: string): string {
  return `WITH ids (pos, h) AS (SELECT key, value FROM json_each(?1))
    SELECT ids.pos, c.submission_id AS sid, c.year, c.school_code, sc.name AS school_name,
           json_group_array(json_array(${columns})) AS recs
      FROM ids
      CROSS JOIN ${table} r ON r.id_hmac = ids.h
      CROSS JOIN current_submissions c ON c.submission_id = r.submission_id
      CROSS JOIN schools sc ON sc.code = c.school_code
     WHERE sc.bureau_id = ?2 AND NOT (c.school_code = ?3 AND c.year = ?4)
     GROUP BY ids.pos, c.submission_id`;
}

// json(): the stored recognition goes in as an object, not as a string to parse a second time.
const TRAININGS_SQL = recordsOf(
  'trainings',
  'r.row, r.course, r.level, r.category, r.form, r.start_date, r.end_date, r.hours, r.catalogue_code, json(r.recognition_json)',
);
const DUTIES_SQL = recordsOf(
  'duties',
  `r.row, r.semester, r.demo_lessons_home, r.demo_lessons_guided, r.observed_lessons, r.group_preps, r.lectures,
   r.project_led, r.small_projects`,
);
const MILESTONES_SQL = recordsOf('milestones', 'r.row, r.milestone, r.result, r.date');

export async function lookupHistory(db: D1Database, q: HistoryQuery): Promise<HistoryLookup> {
  const binds = [JSON.stringify(q.hmacs), q.bureauId, q.schoolCode, q.year] as const;
  const [trainings, duties, milestones, seq] = await db.batch<Record<string, unknown>>([
    db.prepare(TRAININGS_SQL).bind(...binds),
    db.prepare(DUTIES_SQL).bind(...binds),
    db.prepare(MILESTONES_SQL).bind(...binds),
    db.prepare('SELECT history_seq FROM bureaus WHERE id = ?1').bind(q.bureauId),
  ]);
  const t = trainings!.results as unknown as Group[];
  const d = duties!.results as unknown as Group[];
  const m = milestones!.results as unknown as Group[];

  // Sources by year, then school code: the order the record set and every client rely on.
  const found = new Map<string, Group>();
  for (const g of [...t, ...d, ...m]) if (!found.has(g.sid)) found.set(g.sid, g);
  const origins = [...found.values()].sort(
    (a, b) => a.year - b.year || (a.school_code < b.school_code ? -1 : a.school_code > b.school_code ? 1 : 0),
  );
  const index = new Map(origins.map((o, i) => [o.sid, i]));
  const sources: HistorySource[] = origins.map((o) => ({
    year: o.year,
    schoolCode: o.school_code,
    schoolName: o.school_name,
  }));

  const teachers: TeacherHistory[] = q.hmacs.map(() => ({ trainings: [], duties: [], milestones: [] }));
  for (const g of t) {
    const source = index.get(g.sid)!;
    const into = teachers[g.pos]!.trainings;
    for (const [row, course, level, category, form, startDate, endDate, hours, code, recognition] of JSON.parse(
      g.recs,
    ) as TrainingTuple[]) {
      const h: HistoryTraining = {
        source,
        row,
        course,
        level: level as HistoryTraining['level'],
        category: category as HistoryTraining['category'],
        form: form as HistoryTraining['form'],
        startDate,
        endDate,
        hours,
        catalogueCode: code,
        // The recognition is the ledger's own: where it was submitted, it was matched against the catalogue.
        recognition,
      };
      into.push(h);
    }
  }
  for (const g of d) {
    const source = index.get(g.sid)!;
    const into = teachers[g.pos]!.duties;
    for (const [row, semester, home, guided, observed, preps, lectures, led, small] of JSON.parse(
      g.recs,
    ) as DutyTuple[]) {
      const h: HistoryDuty = {
        source,
        row,
        semester,
        demoLessonsHome: home,
        demoLessonsGuided: guided,
        observedLessons: observed,
        groupPreps: preps,
        lectures,
        projectLed: led,
        smallProjects: small,
      };
      into.push(h);
    }
  }
  for (const g of m) {
    const source = index.get(g.sid)!;
    const into = teachers[g.pos]!.milestones;
    for (const [row, milestone, result, date] of JSON.parse(g.recs) as MilestoneTuple[]) {
      const h: HistoryMilestone = {
        source,
        row,
        milestone: milestone as HistoryMilestone['milestone'],
        result: result as HistoryMilestone['result'],
        date,
      };
      into.push(h);
    }
  }
  const bySource = (a: { source: number; row: number }, b: { source: number; row: number }) =>
    a.source - b.source || a.row - b.row;
  for (const h of teachers) {
    h.trainings.sort(bySource);
    h.duties.sort(bySource);
    h.milestones.sort(bySource);
  }
  const seqRow = seq!.results[0] as { history_seq: number } | undefined;
  return { history: { sources, teachers }, sourceIds: origins.map((o) => o.sid), seq: seqRow?.history_seq ?? 0 };
}
