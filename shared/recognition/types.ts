/** The training catalogue and the recognition of hours (archive.md §2), as plain data. */
import type { TrainingCategory, TrainingForm, TrainingLevel } from '../contract/enums.js';

/** The levels a catalogue holds and whose records are recognised: 区级 or higher. */
export const RECOGNIZED_LEVELS = ['国家级', '省级', '市级', '区级'] as const satisfies readonly TrainingLevel[];
export type CatalogueLevel = (typeof RECOGNIZED_LEVELS)[number];

const RECOGNIZED = new Set<string>(RECOGNIZED_LEVELS);

export function isRecognizedLevel(level: string): level is CatalogueLevel {
  return RECOGNIZED.has(level);
}

/** One training of the bureau's catalogue for a year. */
export interface CatalogueEntry {
  /** 项目编号: unique in the bureau and year. */
  code: string;
  course: string;
  level: CatalogueLevel;
  category: TrainingCategory;
  form: TrainingForm;
  /** YYYY-MM-DD. */
  startDate: string;
  endDate: string;
  /** 认定学时: > 0, a multiple of 0.5. */
  hours: number;
  organizer: string | null;
}

/**
 * An entry's own fields, from any answer that carries more (the API's counts, `attendeeList`,
 * `source`): what the pane's preview matches on and what the dashboard's form edits.
 */
export function entryFields(e: CatalogueEntry): CatalogueEntry {
  return {
    code: e.code,
    course: e.course,
    level: e.level,
    category: e.category,
    form: e.form,
    startDate: e.startDate,
    endDate: e.endDate,
    hours: e.hours,
    organizer: e.organizer,
  };
}

export const RECOGNITION_STATUSES = ['recognized', 'hours_exceed', 'not_on_list', 'unmatched'] as const;
export type RecognitionStatus = (typeof RECOGNITION_STATUSES)[number];

/** The policy parameter `recognition`: no statuses, statuses shown, or only what the table says counts. */
export const RECOGNITION_MODES = ['off', 'flag', 'require'] as const;
export type RecognitionMode = (typeof RECOGNITION_MODES)[number];

/**
 * Why a record is unmatched or how it came to its status:
 * - `catalogue`: the catalogue alone decided it;
 * - `code_unknown`: the record's 项目编号 is not in the catalogue (so its course was not matched);
 * - `linked`: a reviewer's queue decision linked its group to an entry;
 * - `rejected`: a reviewer rejected its group (the reason is shown to the clerks).
 */
export type RecognitionBasis = 'catalogue' | 'code_unknown' | 'linked' | 'rejected';

/** The recognition of one record of level 区级 or higher. */
export interface Recognition {
  status: RecognitionStatus;
  basis: RecognitionBasis;
  /** The entry matched or linked (recognized, hours_exceed, not_on_list); null when unmatched. */
  code: string | null;
  /** unmatched: the entry whose course is close and whose dates overlap, when there is one. */
  likely: string | null;
  /** The matched entry's 认定学时; null when unmatched. */
  catalogueHours: number | null;
  /** The reviewer's reason when the group was rejected. */
  reason: string | null;
  /** The queue group: folded course, level and dates (groupKey). */
  group: string;
}

/** What recognition reads of a training record (a TrainingRecord has all of it). */
export interface RecognizableRecord {
  course: string;
  level: TrainingLevel;
  startDate: string;
  endDate: string;
  hours: number;
  /** 项目编号 as the clerk entered it; absent or null without one. */
  catalogueCode?: string | null;
}

/** A reviewer's decision for a queue group, as matching applies it. */
export type GroupDecision = { action: 'link'; code: string } | { action: 'reject'; reason: string };
