/**
 * The catalogue, recognition and statistics routes of archive.md §2 and §4: request schemas (the
 * worker validates with them, clients build from the inferred types) and the bodies they answer.
 *
 *   GET    /api/v1/catalogue/template                       blank catalogue workbook (.xlsx)
 *   GET    /api/v1/catalogue/:year[?bureau=]                 CatalogueList (clerks: whether a list, no counts)
 *   POST   /api/v1/catalogue/:year/import[?bureau=]          CatalogueImportRequest → CatalogueImportResult
 *   PUT    /api/v1/catalogue/:year/entries/:code[?bureau=]   CatalogueEntryInput → CatalogueChangeResult
 *   DELETE /api/v1/catalogue/:year/entries/:code[?bureau=]   → CatalogueChangeResult
 *   GET    /api/v1/catalogue/:year/export[?bureau=]          the catalogue as .xlsx (re-importable)
 *   GET    /api/v1/recognition/:year/queue[?bureau=&state=]  RecognitionQueue
 *   POST   /api/v1/recognition/:year/decisions[?bureau=]     RecognitionDecisionRequest → RecognitionDecisionResult
 *   GET    /api/v1/statistics?year=[&bureau=]                TrainingStatistics
 *   GET    /api/v1/statistics/export?year=[&bureau=]         the statistics as .xlsx (one sheet)
 *
 * Reviewers work on their own bureau; admins name it with ?bureau=; clerks only read the catalogue.
 */
import { z } from 'zod';
import type { Finding, Fix } from '../contract/codes.js';
import { TRAINING_CATEGORIES, TRAINING_FORMS, type TrainingLevel } from '../contract/enums.js';
import type { ComplianceSummary } from '../policy/types.js';
import type { TrainingStatisticsRow } from '../recognition/statistics.js';
import {
  type CatalogueEntry,
  RECOGNIZED_LEVELS,
  type RecognitionBasis,
  type RecognitionMode,
  type RecognitionStatus,
} from '../recognition/types.js';
import { bureauId, isoDate, year } from './fields.js';
import { storedText } from './requests.js';
import { encodedWorkbookSchema } from './submission.js';

export { HOURS_BUCKETS, type HoursBucket, type TrainingStatisticsRow } from '../recognition/statistics.js';

const code = z.string().trim().min(1).max(40);

export const catalogueYearParamSchema = z.object({ year });
export const catalogueEntryParamSchema = z.object({ year, code });
export const bureauQuerySchema = z.object({ bureau: bureauId.optional() });

export const catalogueImportRequestSchema = z.object({ workbook: encodedWorkbookSchema }).strict();
export type CatalogueImportRequest = z.infer<typeof catalogueImportRequestSchema>;

/** An entry as the dashboard edits it (its code is in the path). */
export const catalogueEntryInputSchema = z
  .object({
    course: storedText(2, 100),
    level: z.enum(RECOGNIZED_LEVELS),
    category: z.enum(TRAINING_CATEGORIES.values),
    form: z.enum(TRAINING_FORMS.values),
    startDate: isoDate,
    endDate: isoDate,
    hours: z.number().positive().max(300).multipleOf(0.5),
    organizer: storedText(0, 100).nullable().optional(),
  })
  .strict()
  .refine((e) => e.endDate >= e.startDate, { message: 'endDate before startDate', path: ['endDate'] });
export type CatalogueEntryInput = z.infer<typeof catalogueEntryInputSchema>;

export const queueQuerySchema = z.object({
  bureau: bureauId.optional(),
  /** pending (default): groups without a decision; rejected: groups a reviewer rejected; all. */
  state: z.enum(['pending', 'rejected', 'all']).default('pending'),
});
export type QueueQuery = z.input<typeof queueQuerySchema>;

const group = z.string().min(3).max(400);
export const recognitionDecisionRequestSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('add'),
      group,
      /** 认定学时 of the new entry. */
      hours: z.number().positive().max(300).multipleOf(0.5),
      /** 项目编号 of the new entry; omitted = the next free Q<year>-NNN. */
      code: code.optional(),
      /** The course as the catalogue should name it; omitted = the group's most common spelling. */
      course: storedText(2, 100).optional(),
    })
    .strict(),
  z.object({ action: z.literal('link'), group, code }).strict(),
  z.object({ action: z.literal('reject'), group, reason: storedText(1, 500) }).strict(),
]);
export type RecognitionDecisionRequest = z.infer<typeof recognitionDecisionRequestSchema>;

export const statisticsQuerySchema = z.object({ year: year.optional(), bureau: bureauId.optional() });

/** One entry as the catalogue routes answer it. */
export interface CatalogueEntryInfo extends CatalogueEntry {
  /**
   * Whether the entry has an attendee list (every role: the pane's preview says 待核对参训名单 for a
   * record matched to it instead of claiming 已认定). Never the list, nor its size to a clerk.
   */
  attendeeList?: boolean;
  /** Reviewers and admins only: rows of the entry's attendee list (0 = no list). Never the list itself. */
  attendees?: number;
  /** Reviewers and admins only: how the entry came to be. */
  source?: 'import' | 'edit' | 'queue';
  updatedAt?: string;
}

/** GET /catalogue/:year */
export interface CatalogueList {
  bureau: { id: string; name: string };
  year: number;
  entries: CatalogueEntryInfo[];
}

/**
 * A version a catalogue change or a decision re-evaluated in the same request, with its summary before
 * and after; the ones beyond one request's budget are counted in `pending` (and marked stale).
 */
export interface ReevaluatedSubmission {
  submissionId: string;
  schoolCode: string;
  schoolName: string;
  year: number;
  before: ComplianceSummary;
  after: ComplianceSummary;
}

/** POST /catalogue/:year/import → 200; an import with errors is 400 catalogue.invalid (details: CatalogueInvalidDetails). */
export interface CatalogueImportResult {
  year: number;
  counts: { entries: number; attendees: number; errors: 0; warnings: number; fixes: number };
  findings: Finding[];
  fixes: Fix[];
  /** Entries new to the year, entries replaced (same code), and attendee rows stored. */
  imported: { added: number; updated: number; attendees: number };
  reevaluated: ReevaluatedSubmission[];
  /** Versions also affected, marked stale: the next reads of their verdicts re-evaluate them first. */
  pending: number;
}

export interface CatalogueInvalidDetails {
  counts: { errors: number; warnings: number };
  findings: Finding[];
}

/** PUT or DELETE /catalogue/:year/entries/:code */
export interface CatalogueChangeResult {
  entry: CatalogueEntryInfo | null;
  reevaluated: ReevaluatedSubmission[];
  pending: number;
}

/** An entry named beside a queue group: the one its records matched (not on list) or most likely mean. */
export interface EntryRef {
  code: string;
  course: string;
  hours: number;
}

export interface QueueSchool {
  code: string;
  name: string;
  teachers: number;
  records: number;
}

/** One training as the queue shows it: every record of the district with this course, level and dates. */
export interface QueueGroup {
  /** Pass it back in a decision. */
  group: string;
  status: Extract<RecognitionStatus, 'unmatched' | 'not_on_list'>;
  /** The most common spelling, and every other one the schools used. */
  course: string;
  spellings: string[];
  level: TrainingLevel;
  startDate: string;
  endDate: string;
  records: number;
  teachers: number;
  /** The hours the schools recorded, lowest and highest. */
  hours: { min: number; max: number };
  schools: QueueSchool[];
  /** not_on_list: the entry matched; unmatched: the likely entry, if one is close. */
  entry: EntryRef | null;
  likely: EntryRef | null;
  /** Set for a rejected group (state=rejected or all). */
  rejection: { reason: string; decidedBy: string; decidedAt: string } | null;
}

/** GET /recognition/:year/queue */
export interface RecognitionQueue {
  bureau: { id: string; name: string };
  year: number;
  state: 'pending' | 'rejected' | 'all';
  groups: QueueGroup[];
}

/** POST /recognition/:year/decisions → 200 */
export interface RecognitionDecisionResult {
  group: string;
  action: 'add' | 'link' | 'reject';
  /** The entry added or linked to. */
  entry: CatalogueEntryInfo | null;
  records: number;
  reevaluated: ReevaluatedSubmission[];
  pending: number;
}

/** One record's recognition, as the receipt and the compliance route list it (districts' records only). */
export interface RecordRecognition {
  /** The 培训记录 row. */
  row: number;
  course: string;
  level: TrainingLevel;
  startDate: string;
  endDate: string;
  /** Recorded, and counted under the policy's mode. */
  hours: number;
  countedHours: number;
  status: RecognitionStatus;
  basis: RecognitionBasis;
  code: string | null;
  likely: string | null;
  /** A rejected group: the reviewer's reason. */
  reason: string | null;
}

/** A submission's recognition (absent records: no status, recorded hours count). */
export interface SubmissionRecognition {
  mode: RecognitionMode;
  counts: Record<RecognitionStatus, number>;
  records: RecordRecognition[];
}

export interface TrainingStatisticsSchool extends TrainingStatisticsRow {
  code: string;
  name: string;
  submissionId: string;
  /** The version's verdict waits for a re-evaluation (more changed than one request re-evaluates). */
  stale: boolean;
}

/** GET /statistics?year= : the schools with a current version for the year, and the district's sums. */
export interface TrainingStatistics {
  bureau: { id: string; name: string };
  year: number;
  mode: RecognitionMode;
  schools: TrainingStatisticsSchool[];
  /** Sums of the schools' rows; fundsShare = the sums' share. */
  district: TrainingStatisticsRow;
  /** Schools of the bureau without a current version for the year (not in the sums). */
  missing: { code: string; name: string }[];
}
