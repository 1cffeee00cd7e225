/**
 * The shape every rule shares: its id, scope, parameters (zod schema + defaults + one line of
 * documentation each) and its evaluation, which returns the report line with messages in the
 * requested language. A rule is written once, in its own file; the engine, the policy-file schema and
 * docs/POLICY.md all read these definitions.
 */
import type { z } from 'zod';
import type { Lang } from '../../contract/codes.js';
import type { Text } from '../../labels/text.js';
import type { DutyRecord, MilestoneRecord, SchoolRecord, TeacherRecord, TrainingRecord } from '../../records.js';
import { countedHours } from '../../recognition/hours.js';
import type { RecognitionMode } from '../../recognition/types.js';
import type { RuleStatus, SchoolRuleId, TeacherRuleId } from '../types.js';

/** What a rule reports for one teacher or the school; the engine adds the rule id. */
export interface Verdict {
  status: RuleStatus;
  actual: number;
  required: number;
  message: string;
}

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
}

export interface TeacherContext extends EvaluationFrame {
  teacher: TeacherRecord;
  /** The roster's startDate as YYYY-MM-DD (a year-month is its 1st). */
  startDate: string;
  /** This teacher's trainings whose endDate is on or before asOf (no rule may see later ones). */
  trainings: readonly TrainingRecord[];
  duties: readonly DutyRecord[];
  /** This teacher's milestone results dated on or before asOf. */
  milestones: readonly MilestoneRecord[];
}

export interface SchoolContext extends EvaluationFrame {
  school: SchoolRecord;
}


interface RuleBase<P extends { enabled: boolean }> {
  title: Text;
  /** Who or what the rule applies to, for the docs. */
  appliesTo: string;
  /** Strict: a key not in the schema is an error. The shape lets a policy file override parts. */
  params: z.ZodType<P> & Pick<z.ZodObject, 'shape'>;
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

/**
 * The usual deadline status: met → pass; short while the deadline is still ahead of asOf → warn;
 * short on or after the deadline → fail.
 */
export function deadlineStatus(met: boolean, asOf: string, deadline: string): RuleStatus {
  if (met) return 'pass';
  return asOf >= deadline ? 'fail' : 'warn';
}

export function sumHours(trainings: readonly TrainingRecord[], keep: (t: TrainingRecord) => boolean): number {
  let total = 0;
  for (const t of trainings) if (keep(t)) total += t.hours;
  return roundHours(total);
}

/**
 * Hours as recognition counts them (archive.md §2): a record of 区级 or higher with a status counts
 * what its status gives under the policy's mode; every other record its recorded hours.
 */
export function sumRecognizedHours(
  trainings: readonly TrainingRecord[],
  mode: RecognitionMode,
  keep: (t: TrainingRecord) => boolean,
): number {
  let total = 0;
  for (const t of trainings) if (keep(t)) total += countedHours(t.hours, t.recognition, mode);
  return roundHours(total);
}

export type { Text } from '../../labels/text.js';
