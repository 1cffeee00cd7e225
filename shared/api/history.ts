/**
 * The teachers' history across years and schools (archive.md §1): what a clerk asks for and what
 * the worker answers, and the teacher view of the bureau API. The answer never holds an ID number:
 * `teachers[i]` is the history of `ids[i]` of the request, mapped back by position.
 */
import { z } from 'zod';
import type { TrainingCategory, TrainingForm, TrainingLevel } from '../contract/enums.js';
import type { RecordSheet, RuleId, RuleStatus, TeacherStatus } from '../policy/types.js';
import type { Recognition, RecognitionMode } from '../recognition/types.js';
import type { DutyRecord, MilestoneRecord } from '../records.js';

/** The most IDs one history request may carry: the roster of a very large school, with room. */
export const HISTORY_MAX_IDS = 20_000;

/** POST /api/v1/history (clerk): the roster's IDs in the body, never in a URL. */
export const historyRequestSchema = z
  .object({
    /** The year the workbook is evaluated for: this school's own ledger of that year is left out. */
    year: z.number().int().min(2000).max(2100),
    ids: z.array(z.string().regex(/^\d{17}[\dX]$/, '18-character resident ID')).max(HISTORY_MAX_IDS),
  })
  .strict();
export type HistoryRequest = z.infer<typeof historyRequestSchema>;

/** A ledger of the history: the current version of another submission of the bureau. */
export interface HistorySource {
  year: number;
  schoolCode: string;
  schoolName: string;
}

/** `source` indexes HistoryResponse.sources; `row` is the record's row in that ledger's sheet. */
interface HistoryRecord {
  source: number;
  row: number;
}

/** What the rules and the union read of a training (not its organizer or certificate). */
export interface HistoryTraining extends HistoryRecord {
  course: string;
  level: TrainingLevel;
  category: TrainingCategory;
  form: TrainingForm;
  startDate: string;
  endDate: string;
  hours: number;
  /** 项目编号 as the school wrote it; null without one. */
  catalogueCode: string | null;
  /**
   * Its recognition where it was submitted (archive.md §2): the hours it counts with there count the
   * same here; null when it has none (below 区级, no catalogue for its year, or recognition off).
   */
  recognition: Recognition | null;
}

/** A duty record as its ledger holds it, less the teacher's identity (the request's ID maps it back). */
export interface HistoryDuty extends HistoryRecord, Omit<DutyRecord, 'idNumber' | 'name'> {}

/** A milestone record as its ledger holds it, less the teacher's identity. */
export interface HistoryMilestone extends HistoryRecord, Omit<MilestoneRecord, 'idNumber' | 'name'> {}

/** One teacher's records in the other ledgers, each list ordered by source, then row. */
export interface TeacherHistory {
  trainings: HistoryTraining[];
  duties: HistoryDuty[];
  milestones: HistoryMilestone[];
}

/** POST /api/v1/history → 200 */
export interface HistoryResponse {
  year: number;
  /** The token's school, whose ledger of `year` the history leaves out. */
  school: { code: string; name: string };
  /** Ordered by year, then school code. */
  sources: HistorySource[];
  /** Parallel to the request's `ids`. */
  teachers: TeacherHistory[];
}

/** A counted record with where it came from, as the bureau's teacher view shows it. */
export type TeacherViewRecord =
  | ({
      sheet: 'trainings';
      organizer: string | null;
      certificate: string | null;
      /**
       * The hours this record adds to the rule's `actual` (as the policy's `recognition` gives them
       * where the rule counts with it); null in a rule that counts trainings, not hours.
       */
      countedHours: number | null;
    } & Omit<HistoryTraining, 'source'> &
      TeacherViewOrigin)
  | ({ sheet: 'duties' } & Omit<HistoryDuty, 'source'> & TeacherViewOrigin)
  | ({ sheet: 'milestones' } & Omit<HistoryMilestone, 'source'> & TeacherViewOrigin);

export interface TeacherViewOrigin {
  year: number;
  schoolCode: string;
  schoolName: string;
  /** True when the record is in the ledger the verdict belongs to, false for one from the history. */
  self: boolean;
}

export interface TeacherViewRule {
  rule: RuleId;
  status: RuleStatus;
  actual: number;
  required: number;
  message: string;
  /** null for a rule that counts no record (eligibility). */
  sheet: RecordSheet | null;
  /** What `actual` counts: the records' hours, or the records themselves; null with no records. */
  counts: 'hours' | 'records' | null;
  records: TeacherViewRecord[];
}

/** GET /api/v1/bureau/schools/:code/teachers/:row?year= (reviewer; admin with &bureau=). */
export interface TeacherView {
  year: number;
  submission: { id: string; version: number; asOf: string };
  school: { code: string; name: string };
  teacher: { row: number; idMasked: string; name: string; status: TeacherStatus };
  /** The policy's `recognition` the verdict was made under (archive.md §2). */
  recognition: RecognitionMode;
  /** The other schools whose ledgers hold records of this teacher (a transfer shows here). */
  otherSchools: { code: string; name: string; years: number[] }[];
  rules: TeacherViewRule[];
}
