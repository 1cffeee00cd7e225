/**
 * The history lookup of archive.md §1: a roster's teachers' records in the current versions of the
 * bureau's other submissions. One D1 batch (one round trip, one snapshot) of four statements,
 * whatever the roster's size: the keyed hashes travel as one JSON parameter and json_each joins
 * them to the records through the id_hmac indexes, so there is no query per teacher.
 */
import type { HistoryDuty, HistoryMilestone, HistorySource, HistoryTraining, TeacherHistory } from '../../shared/api/history.js';
import type { History } from '../../shared/history/index.js';
import type { DUTIES, MILESTONES, RowOf, TRAININGS } from './schema.js';

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
    history: { sources: [], teachers: Array.from({ length: teachers }, () => ({ trainings: [], duties: [], milestones: [] })) },
    sourceIds: [],
    seq: 0,
  };
}

/** Statements of one lookup, for the benchmark's count. */
export const HISTORY_STATEMENTS = 4;

interface Origin {
  pos: number;
  sid: string;
  year: number;
  school_code: string;
  school_name: string;
}

type TrainingRow = Origin & Omit<RowOf<typeof TRAININGS>, 'submission_id' | 'id_hmac' | 'organizer' | 'certificate'>;
type DutyRow = Origin & Omit<RowOf<typeof DUTIES>, 'submission_id' | 'id_hmac'>;
type MilestoneRow = Origin & Omit<RowOf<typeof MILESTONES>, 'submission_id' | 'id_hmac'>;

/**
 * CROSS JOIN fixes SQLite's join order: the roster's hashes first, then each one's records through
 * the id_hmac index, then whether their version is current. Left to itself the planner starts from
 * the bureau's schools and re-reads the JSON for every current version (measured: minutes for a
 * district of 1,500 ledgers, against milliseconds in this order).
 */
function recordsOf(table: 'trainings' | 'duties' | 'milestones', columns: string): string {
  return `WITH ids (pos, h) AS (SELECT key, value FROM json_each(?1))
    SELECT ids.pos, c.submission_id AS sid, c.year, c.school_code, sc.name AS school_name, ${columns}
      FROM ids
      CROSS JOIN ${table} r ON r.id_hmac = ids.h
      CROSS JOIN current_submissions c ON c.submission_id = r.submission_id
      CROSS JOIN schools sc ON sc.code = c.school_code
     WHERE sc.bureau_id = ?2 AND NOT (c.school_code = ?3 AND c.year = ?4)`;
}

const TRAININGS_SQL = recordsOf(
  'trainings',
  'r.row, r.course, r.level, r.category, r.form, r.start_date, r.end_date, r.hours',
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
  const t = trainings!.results as unknown as TrainingRow[];
  const d = duties!.results as unknown as DutyRow[];
  const m = milestones!.results as unknown as MilestoneRow[];

  // Sources by year, then school code: the order the record set and every client rely on.
  const found = new Map<string, Origin>();
  for (const r of [...t, ...d, ...m]) if (!found.has(r.sid)) found.set(r.sid, r);
  const origins = [...found.values()].sort((a, b) => a.year - b.year || (a.school_code < b.school_code ? -1 : a.school_code > b.school_code ? 1 : 0));
  const index = new Map(origins.map((o, i) => [o.sid, i]));
  const sources: HistorySource[] = origins.map((o) => ({ year: o.year, schoolCode: o.school_code, schoolName: o.school_name }));

  const teachers: TeacherHistory[] = q.hmacs.map(() => ({ trainings: [], duties: [], milestones: [] }));
  for (const r of t) {
    const h: HistoryTraining = {
      source: index.get(r.sid)!, row: r.row, course: r.course, level: r.level as HistoryTraining['level'],
      category: r.category as HistoryTraining['category'], form: r.form as HistoryTraining['form'], startDate: r.start_date,
      endDate: r.end_date, hours: r.hours,
      // The trainings table keeps no 项目编号 yet: recognition's migration adds it (docs/HISTORY.md).
      catalogueCode: null,
    };
    teachers[r.pos]!.trainings.push(h);
  }
  for (const r of d) {
    const h: HistoryDuty = {
      source: index.get(r.sid)!, row: r.row, semester: r.semester, demoLessonsHome: r.demo_lessons_home,
      demoLessonsGuided: r.demo_lessons_guided, observedLessons: r.observed_lessons, groupPreps: r.group_preps,
      lectures: r.lectures, projectLed: r.project_led, smallProjects: r.small_projects,
    };
    teachers[r.pos]!.duties.push(h);
  }
  for (const r of m) {
    const h: HistoryMilestone = {
      source: index.get(r.sid)!, row: r.row, milestone: r.milestone as HistoryMilestone['milestone'],
      result: r.result as HistoryMilestone['result'], date: r.date,
    };
    teachers[r.pos]!.milestones.push(h);
  }
  const bySource = (a: { source: number; row: number }, b: { source: number; row: number }) => a.source - b.source || a.row - b.row;
  for (const h of teachers) {
    h.trainings.sort(bySource);
    h.duties.sort(bySource);
    h.milestones.sort(bySource);
  }
  const seqRow = seq!.results[0] as { history_seq: number } | undefined;
  return { history: { sources, teachers }, sourceIds: origins.map((o) => o.sid), seq: seqRow?.history_seq ?? 0 };
}
