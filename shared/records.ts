/**
 * The normalized records that validation produces from a grid and the policy engine consumes.
 * Only rows without errors become records; dates are ISO strings (YYYY-MM-DD, or YYYY-MM where a
 * year-month is enough).
 */
import type {
  BackboneLevel,
  BackboneTitle,
  Education,
  Gender,
  Milestone,
  MilestoneResult,
  Post,
  SchoolType,
  Stage,
  StudioRole,
  Subject,
  Title,
  TrainingCategory,
  TrainingForm,
  TrainingLevel,
} from './contract/enums.js';
import type { Recognition } from './recognition/types.js';

export interface SchoolRecord {
  schoolCode: string;
  schoolName: string;
  schoolType: SchoolType;
  rural: boolean;
  publicBudget: number;
  trainingFunds: number;
  planSubmittedOn: string | null;
}

export interface TeacherRecord {
  /** The roster's own 1-based row number. */
  row: number;
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string | null;
  phone: string | null;
  stage: Stage;
  subject: Subject;
  title: Title;
  education: Education;
  startDate: string;
  post: Post;
  postStartDate: string | null;
  backbone: BackboneTitle;
  backboneLevel: BackboneLevel | null;
  studioRole: StudioRole;
  transferred: boolean;
  note: string | null;
}

/** A roster row with at least one error: listed in compliance as `invalid`, never evaluated. */
export interface InvalidTeacher {
  row: number;
  name: string | null;
  /** The cell's text as read (masked before it reaches any report). */
  idNumber: string | null;
}

export interface TrainingRecord {
  row: number;
  idNumber: string;
  name: string;
  course: string;
  level: TrainingLevel;
  category: TrainingCategory;
  form: TrainingForm;
  startDate: string;
  endDate: string;
  hours: number;
  organizer: string | null;
  certificate: string | null;
  /** 项目编号: the bureau's code of the training in its catalogue (archive.md), as written; null when empty. */
  catalogueCode: string | null;
  /**
   * The record's recognition against the bureau's catalogue (archive.md §2), set by the server (or a
   * connected preview) before evaluation; absent or null: no status, the recorded hours count.
   */
  recognition?: Recognition | null;
}

export interface DutyRecord {
  row: number;
  idNumber: string;
  name: string;
  /** "YYYY-YYYY-1" (autumn) or "YYYY-YYYY-2" (spring). */
  semester: string;
  demoLessonsHome: number;
  demoLessonsGuided: number;
  observedLessons: number;
  groupPreps: number;
  lectures: number;
  projectLed: string | null;
  smallProjects: number;
}

export interface MilestoneRecord {
  row: number;
  idNumber: string;
  name: string;
  milestone: Milestone;
  result: MilestoneResult;
  date: string;
}

/**
 * A record of a teacher's record set (archive.md §1): `source` is the index of the ledger it came
 * from in the record set's `sources` (0 = the workbook being evaluated), `row` its row there.
 */
export type Sourced<T extends { row: number }> = T & { source: number };

export interface Records {
  /** null when 学校概况 is missing or has an error. */
  school: SchoolRecord | null;
  teachers: TeacherRecord[];
  invalidTeachers: InvalidTeacher[];
  /** Valid rows; a row flagged duplicate.training is left out so its hours count once. */
  trainings: TrainingRecord[];
  duties: DutyRecord[];
  milestones: MilestoneRecord[];
}
