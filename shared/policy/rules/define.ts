/**
 * The shape every rule shares: its id, scope, parameters (a zod schema's maker + defaults + one line
 * of documentation each) and its evaluation, which returns the report line with messages in the
 * requested language. A rule is written once, in its own file; the engine, the policy-file schema and
 * docs/POLICY.md all read these definitions.
 */
import type { z } from 'zod';
import type { Lang } from '../../contract/codes.js';
import { TRAINING_CATEGORIES } from '../../contract/enums.js';
import type { Text } from '../../labels/text.js';
import { countedHours } from '../../recognition/hours.js';
import type { RecognitionMode } from '../../recognition/types.js';
import type { DutyRecord, MilestoneRecord, SchoolRecord, TeacherRecord, TrainingRecord } from '../../records.js';
import type { RecordSheet, RuleStatus, SchoolRuleId, TeacherRuleId } from '../types.js';

/**
 * A record as the rules see it: a record set's carries its `source`; a workbook evaluated alone
 * passes its own records as they are, without one (each is source 0).
 */
export type Evaluated<T extends { row: number }> = T & { source?: number };

/** The records a rule counted, as the rule saw them; the engine turns them into references. */
export interface Counted {
  sheet: RecordSheet;
  records: readonly { source?: number; row: number }[];
}

/** What a rule reports for one teacher or the school; the engine adds the rule id. */
export interface Verdict {
  status: RuleStatus;
  actual: number;
  required: number;
  message: string;
  /** warn only: the day by which the rule must be met (RuleResult.deadline). */
  deadline?: string;
  /** The records behind `actual`, for a rule that counts records. */
  counted?: Counted;
}

/** zod's namespace, handed to a rule's `params` by the policy-file parser. */
export type Zod = typeof z;

/** A rule's parameters as zod checks them in a policy file. */
export type ParamsSchema<P> = z.ZodType<P> & Pick<z.ZodObject, 'shape'>;

/** The parameters of a rule that counts the trainings of one category (ethics_training, transfer_training). */
export const categoryCountParams = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    required: z.number().int().min(0),
    category: z.enum(TRAINING_CATEGORIES.values),
  });
export type CategoryCountParams = z.infer<ReturnType<typeof categoryCountParams>>;

export interface EvaluationFrame {
  year: number;
  /** YYYY-MM-DD. */
  asOf: string;
  /** 1 Jan and 31 Dec of the year, YYYY-MM-DD. */
  yearStart: string;
  yearEnd: string;
  lang: Lang;
  /** The policy's `recognition`: how a record's recognition status changes the hours it counts with. */
  recognition: RecognitionMode;
  /**
   * Whether the report lists the records each rule counted (EvaluateOptions.countedRecords): when
   * not, a rule that only sums hours need not collect them.
   */
  countedRecords: boolean;
}

export interface TeacherContext extends EvaluationFrame {
  teacher: TeacherRecord;
  /** The roster's startDate as YYYY-MM-DD (a year-month is its 1st). */
  startDate: string;
  /**
   * This teacher's trainings in the record set (the workbook, plus the history when the server's is
   * included) whose endDate is on or before asOf: no rule may see later ones.
   */
  trainings: readonly Evaluated<TrainingRecord>[];
  duties: readonly Evaluated<DutyRecord>[];
  /** This teacher's milestone results dated on or before asOf. */
  milestones: readonly Evaluated<MilestoneRecord>[];
}

export interface SchoolContext extends EvaluationFrame {
  school: SchoolRecord;
}

interface RuleBase<P extends { enabled: boolean }> {
  title: Text;
  /** Who or what the rule applies to, for the docs. */
  appliesTo: string;
  /**
   * Makes the schema of the parameters, strict: a key not in it is an error. Its shape lets a policy
   * file override parts. A maker rather than a schema, given zod by policy-file.ts, the one module
   * that parses: evaluating a ledger with the defaults then never loads zod, which took about 60 ms
   * of every `cli check`'s start (docs/FILES.md, "The CLI").
   */
  params: (zod: Zod) => ParamsSchema<P>;
  defaults: P;
  /** One line per parameter, for docs/POLICY.md. */
  paramDocs: { [K in keyof P]: string };
}

export interface TeacherRule<P extends { enabled: boolean }> extends RuleBase<P> {
  id: TeacherRuleId;
  scope: 'teacher';
  /** null when the rule does not apply to this teacher (then it is not reported). */
  evaluate(ctx: TeacherContext, params: P): Verdict | null;
}

export interface SchoolRule<P extends { enabled: boolean }> extends RuleBase<P> {
  id: SchoolRuleId;
  scope: 'school';
  evaluate(ctx: SchoolContext, params: P): Verdict | null;
}

export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

/** Rounds away floating-point noise from sums of hours (0.1 + 0.2) without hiding half hours. */
export function roundHours(n: number): number {
  return Math.round(n * 100) / 100;
}

export function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Rounds up to a multiple of `step`, tolerant of binary noise (30.000000001 stays 30). */
export function ceilToStep(n: number, step: number): number {
  return Math.ceil(Math.round((n / step) * 1e6) / 1e6) * step;
}

/** The verdict's deadline: the day given while the rule is open (warn), undefined otherwise. */
export function openUntil(status: RuleStatus, deadline: string): string | undefined {
  return status === 'warn' ? deadline : undefined;
}

/**
 * `make(params, year)` kept for the last parameters and year it was asked for: what a rule derives
 * from them alone (labels, the cycle, sentences) is then made once per evaluation instead of once
 * per teacher, since all of a policy's teachers share both. `make` must depend on nothing else.
 */
export function perPolicyYear<P, T>(make: (p: P, year: number) => T): (p: P, year: number) => T {
  let lastParams: P | undefined;
  let lastYear = Number.NaN;
  let last: T | undefined;
  return (p, year) => {
    if (p !== lastParams || year !== lastYear) {
      last = make(p, year);
      lastParams = p;
      lastYear = year;
    }
    return last as T;
  };
}

/**
 * The usual deadline status: met → pass; short while the deadline is still ahead of asOf → warn;
 * short on or after the deadline → fail.
 */
export function deadlineStatus(met: boolean, asOf: string, deadline: string): RuleStatus {
  if (met) return 'pass';
  return asOf >= deadline ? 'fail' : 'warn';
}

/**
 * The hours of the trainings `keep` accepts, and those trainings as the rule's counted records
 * (none when `list` is false: the report lists no counted records).
 * With a recognition mode (archive.md §2), a record of 区级 or higher that has a recognition status
 * counts what its status gives under it; every other record its recorded hours.
 */
export function countHours(
  trainings: readonly Evaluated<TrainingRecord>[],
  keep: (t: TrainingRecord) => boolean,
  recognition: RecognitionMode = 'off',
  list = true,
): { hours: number; counted: Counted | undefined } {
  let total = 0;
  const records: Evaluated<TrainingRecord>[] | null = list ? [] : null;
  // Indexed, not for…of: before the engine compiles this loop, each step of an iterator is an object.
  for (let i = 0; i < trainings.length; i++) {
    const t = trainings[i]!;
    if (!keep(t)) continue;
    total += countedHours(t.hours, t.recognition, recognition);
    records?.push(t);
  }
  return { hours: roundHours(total), counted: records ? { sheet: 'trainings', records } : undefined };
}

/** The trainings `keep` accepts, counted one by one (rules that count trainings, not hours). */
export function countTrainings(
  trainings: readonly Evaluated<TrainingRecord>[],
  keep: (t: TrainingRecord) => boolean,
): Counted {
  return { sheet: 'trainings', records: trainings.filter(keep) };
}

export type { Text } from '../../labels/text.js';
