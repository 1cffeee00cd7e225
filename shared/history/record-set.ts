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

const SEP = '\u0001';

/** Two trainings are the same when ID, folded course, start and end dates and hours are equal. */
export function trainingKey(
  t: Pick<TrainingRecord, 'idNumber' | 'course' | 'startDate' | 'endDate' | 'hours'>,
): string {
  return [t.idNumber, foldCourse(t.course), t.startDate, t.endDate, String(t.hours)].join(SEP);
}

/** Two duty rows are the same when every value is. */
export function dutyKey(d: Omit<DutyRecord, 'row' | 'name'>): string {
  return [
    d.idNumber,
    d.semester,
    d.demoLessonsHome,
    d.demoLessonsGuided,
    d.observedLessons,
    d.groupPreps,
    d.lectures,
    d.projectLed ?? '',
    d.smallProjects,
  ].join(SEP);
}

/** Two milestone results are the same when ID, milestone, result and date are. */
export function milestoneKey(m: Pick<MilestoneRecord, 'idNumber' | 'milestone' | 'result' | 'date'>): string {
  return [m.idNumber, m.milestone, m.result, m.date].join(SEP);
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
 * Each record once across ledgers. Copies within one ledger are left as they are: its validation
 * already dropped the repeats it found (duplicate.training), and what it kept are its rows.
 */
function distinct<T extends { source: number; row: number }>(
  candidates: readonly T[],
  key: (r: T) => string,
  ranks: readonly number[],
): T[] {
  const kept = new Map<string, T[]>();
  for (const r of candidates) {
    const k = key(r);
    const copies = kept.get(k);
    if (!copies) kept.set(k, [r]);
    else if (copies[0]!.source === r.source) copies.push(r);
    else if (ranks[r.source]! < ranks[copies[0]!.source]!) kept.set(k, [r]);
  }
  return [...kept.values()].flat().sort((a, b) => a.source - b.source || a.row - b.row);
}

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
  const trainings: Sourced<TrainingRecord>[] = records.trainings.map((t) => ({ ...t, source: 0 }));
  const duties: Sourced<DutyRecord>[] = records.duties.map((d) => ({ ...d, source: 0 }));
  const milestones: Sourced<MilestoneRecord>[] = records.milestones.map((m) => ({ ...m, source: 0 }));
  if (history) {
    if (history.teachers.length !== records.teachers.length) {
      throw new RangeError(
        `the history answers ${history.teachers.length} teachers for a roster of ${records.teachers.length}`,
      );
    }
    records.teachers.forEach((teacher, i) => {
      const h = history.teachers[i]!;
      const who = { idNumber: teacher.idNumber, name: teacher.name };
      for (const { source, ...t } of h.trainings) trainings.push({ ...t, ...who, source: source + 1 });
      for (const { source, ...d } of h.duties) duties.push({ ...d, ...who, source: source + 1 });
      for (const { source, ...m } of h.milestones) milestones.push({ ...m, ...who, source: source + 1 });
    });
  }
  const ranks = sourceRanks(sources);
  return {
    school: records.school,
    teachers: records.teachers,
    invalidTeachers: records.invalidTeachers,
    trainings: distinct(trainings, trainingKey, ranks),
    duties: distinct(duties, dutyKey, ranks),
    milestones: distinct(milestones, milestoneKey, ranks),
    sources,
    historyIncluded: history !== null,
  };
}
