/**
 * A teacher's record set (archive.md §1): the workbook's records plus the same teachers' records in
 * the current versions of the bureau's other submissions, each distinct record once. The worker, the
 * CLI and the pane all build it here from the same history, so their verdicts agree.
 */
import type { HistoryResponse } from '../api/history.js';
import { toHalfWidth, trimText } from '../normalize/text.js';
import type { RecordSource } from '../policy/types.js';
import type {
  DutyRecord,
  InvalidTeacher,
  MilestoneRecord,
  Records,
  SchoolRecord,
  Sourced,
  TeacherRecord,
  TrainingRecord,
} from '../records.js';

export interface RecordSet {
  /** The workbook's school, roster and invalid rows: the roster facts every rule reads. */
  school: SchoolRecord | null;
  teachers: TeacherRecord[];
  invalidTeachers: InvalidTeacher[];
  /** The union, ordered by source, then row; a history record carries the roster's ID and name. */
  trainings: Sourced<TrainingRecord>[];
  duties: Sourced<DutyRecord>[];
  milestones: Sourced<MilestoneRecord>[];
  /** sources[0] is the workbook; sources[n] is the history's sources[n - 1]. */
  sources: RecordSource[];
  historyIncluded: boolean;
}

/** The part of a history answer the record set needs (the worker's own lookup has the same shape). */
export type History = Pick<HistoryResponse, 'sources' | 'teachers'>;

export function isRecordSet(x: Records | RecordSet): x is RecordSet {
  return 'sources' in x;
}

/** The IDs to ask the history for, in the order the answer's `teachers` must follow. */
export function rosterIds(records: Pick<Records, 'teachers'>): string[] {
  return records.teachers.map((t) => t.idNumber);
}

/** The course as two spellings of one training compare: trimmed, full-width folded. */
export function foldCourse(course: string): string {
  return toHalfWidth(trimText(course));
}

// Keys are built for every record of a set (120,000 for a large school's five years): template
// strings, no intermediate arrays. \u0001 cannot occur in a validated cell.

/** Two trainings are the same when ID, folded course, start and end dates and hours are equal. */
export function trainingKey(
  t: Pick<TrainingRecord, 'idNumber' | 'course' | 'startDate' | 'endDate' | 'hours'>,
): string {
  return `${t.idNumber}\u0001${foldCourse(t.course)}\u0001${t.startDate}\u0001${t.endDate}\u0001${t.hours}`;
}

/** Two duty rows are the same when every value is. */
export function dutyKey(d: Omit<DutyRecord, 'row' | 'name'>): string {
  return `${d.idNumber}\u0001${d.semester}\u0001${d.demoLessonsHome}\u0001${d.demoLessonsGuided}\u0001${d.observedLessons}\u0001${
    d.groupPreps
  }\u0001${d.lectures}\u0001${d.projectLed ?? ''}\u0001${d.smallProjects}`;
}

/** Two milestone results are the same when ID, milestone, result and date are. */
export function milestoneKey(m: Pick<MilestoneRecord, 'idNumber' | 'milestone' | 'result' | 'date'>): string {
  return `${m.idNumber}\u0001${m.milestone}\u0001${m.result}\u0001${m.date}`;
}

/**
 * Of identical copies in several ledgers, the ones kept are those of the earliest year's ledger
 * (the training was first reported there; a cumulative ledger only repeats it); in the same year
 * the workbook's own, then by school code.
 */
function sourceRanks(sources: readonly RecordSource[]): number[] {
  const order = sources
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        a.s.year - b.s.year ||
        Number(b.s.self) - Number(a.s.self) ||
        (a.s.schoolCode < b.s.schoolCode ? -1 : a.s.schoolCode > b.s.schoolCode ? 1 : 0),
    );
  const ranks = new Array<number>(sources.length);
  order.forEach(({ i }, rank) => (ranks[i] = rank));
  return ranks;
}

/**
 * Each record once across ledgers, in the order first seen (the workbook's rows, then the history's
 * as answered), so that the same inputs give the same set on the server and in every client. Copies within
 * one ledger are left as they are: its validation already dropped the repeats it found
 * (duplicate.training), and what it kept are its rows.
 */
function distinct<T extends { source: number }>(
  candidates: readonly T[],
  key: (r: T) => string,
  ranks: readonly number[],
): T[] {
  const kept = new Map<string, T>();
  // Further copies from the kept one's own ledger: rare, so kept apart from the one-per-key map.
  let same: Map<string, T[]> | null = null;
  for (const r of candidates) {
    const k = key(r);
    const other = kept.get(k);
    if (other === undefined) kept.set(k, r);
    else if (other.source === r.source) {
      same ??= new Map();
      const list = same.get(k);
      if (list) list.push(r);
      else same.set(k, [r]);
    } else if (ranks[r.source]! < ranks[other.source]!) {
      kept.set(k, r);
      same?.delete(k);
    }
  }
  if (same === null) return [...kept.values()];
  const out: T[] = [];
  for (const [k, r] of kept) {
    out.push(r);
    const more = same.get(k);
    if (more) out.push(...more);
  }
  return out;
}

/**
 * The union for one sheet, teacher by teacher (small maps, and nothing to compare for a teacher the
 * history holds nothing of): each roster teacher's own rows, then theirs from the history; the
 * workbook's rows of anyone not on the roster as they are.
 */
function unite<T extends { idNumber: string; source: number }>(
  own: T[],
  others: readonly (readonly T[])[],
  roster: readonly { idNumber: string }[],
  key: (r: T) => string,
  ranks: readonly number[],
): T[] {
  if (others.every((o) => o.length === 0)) return own;
  const byId = new Map<string, T[]>();
  for (const r of own) {
    const list = byId.get(r.idNumber);
    if (list) list.push(r);
    else byId.set(r.idNumber, [r]);
  }
  const out: T[] = [];
  roster.forEach((t, i) => {
    const mine = byId.get(t.idNumber) ?? [];
    byId.delete(t.idNumber);
    const more = others[i]!;
    if (more.length === 0) out.push(...mine);
    else out.push(...distinct(mine.length === 0 ? more : [...mine, ...more], key, ranks));
  });
  for (const rest of byId.values()) out.push(...rest);
  return out;
}

type Who = { idNumber: string; name: string };

// One object of one shape per record (no spread and rest): a large school's history is 100,000 of them.
// The history answers no organizer or certificate (no rule reads them): null in its records.
type TrainingLike = Omit<TrainingRecord, 'idNumber' | 'name' | 'organizer' | 'certificate'> &
  Partial<Pick<TrainingRecord, 'organizer' | 'certificate'>>;
const trainingOf = (t: TrainingLike, who: Who, source: number): Sourced<TrainingRecord> => ({
  row: t.row,
  idNumber: who.idNumber,
  name: who.name,
  course: t.course,
  level: t.level,
  category: t.category,
  form: t.form,
  startDate: t.startDate,
  endDate: t.endDate,
  hours: t.hours,
  organizer: t.organizer ?? null,
  certificate: t.certificate ?? null,
  catalogueCode: t.catalogueCode,
  recognition: t.recognition ?? null,
  source,
});
const dutyOf = (d: Omit<DutyRecord, 'idNumber' | 'name'>, who: Who, source: number): Sourced<DutyRecord> => ({
  row: d.row,
  idNumber: who.idNumber,
  name: who.name,
  semester: d.semester,
  demoLessonsHome: d.demoLessonsHome,
  demoLessonsGuided: d.demoLessonsGuided,
  observedLessons: d.observedLessons,
  groupPreps: d.groupPreps,
  lectures: d.lectures,
  projectLed: d.projectLed,
  smallProjects: d.smallProjects,
  source,
});
const milestoneOf = (
  m: Omit<MilestoneRecord, 'idNumber' | 'name'>,
  who: Who,
  source: number,
): Sourced<MilestoneRecord> => ({
  row: m.row,
  idNumber: who.idNumber,
  name: who.name,
  milestone: m.milestone,
  result: m.result,
  date: m.date,
  source,
});

function selfSource(records: Records, year: number): RecordSource {
  return {
    year,
    schoolCode: records.school?.schoolCode ?? '',
    schoolName: records.school?.schoolName ?? '',
    self: true,
  };
}

/**
 * The record set of a workbook for `year`: with `history` (whose `teachers` follow rosterIds), the
 * union of archive.md §1; with null, the workbook alone (`historyIncluded` false).
 * Throws RangeError when the history does not answer one entry per roster teacher.
 */
export function buildRecordSet(records: Records, year: number, history: History | null): RecordSet {
  const sources: RecordSource[] = [
    selfSource(records, year),
    ...(history?.sources ?? []).map((s) => ({
      year: s.year,
      schoolCode: s.schoolCode,
      schoolName: s.schoolName,
      self: false,
    })),
  ];
  const trainings = records.trainings.map((t) => trainingOf(t, t, 0));
  const duties = records.duties.map((d) => dutyOf(d, d, 0));
  const milestones = records.milestones.map((m) => milestoneOf(m, m, 0));
  const base = {
    school: records.school,
    teachers: records.teachers,
    invalidTeachers: records.invalidTeachers,
    sources,
  };
  if (!history) return { ...base, trainings, duties, milestones, historyIncluded: false };
  if (history.teachers.length !== records.teachers.length) {
    throw new RangeError(
      `the history answers ${history.teachers.length} teachers for a roster of ${records.teachers.length}`,
    );
  }
  const ranks = sourceRanks(sources);
  const roster = records.teachers;
  const h = history.teachers;
  const theirs = {
    trainings: roster.map((who, i) => h[i]!.trainings.map((t) => trainingOf(t, who, t.source + 1))),
    duties: roster.map((who, i) => h[i]!.duties.map((d) => dutyOf(d, who, d.source + 1))),
    milestones: roster.map((who, i) => h[i]!.milestones.map((m) => milestoneOf(m, who, m.source + 1))),
  };
  return {
    ...base,
    trainings: unite(trainings, theirs.trainings, roster, trainingKey, ranks),
    duties: unite(duties, theirs.duties, roster, dutyKey, ranks),
    milestones: unite(milestones, theirs.milestones, roster, milestoneKey, ranks),
    historyIncluded: true,
  };
}
