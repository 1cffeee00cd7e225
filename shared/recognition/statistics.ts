/**
 * archive.md §4, the shape of the national form 教基4068 (专任教师接受培训情况) for one school's
 * records: 专任教师 by the year's hours, each level's teachers and hours, and the training funds.
 * Hours are the ones the bureau counts — recorded hours with recognition applied under the policy's
 * mode — so the statistics and the compliance report never disagree about a teacher's year.
 */
import { TRAINING_LEVELS, type TrainingLevel } from '../contract/enums.js';
import type { Records, SchoolRecord } from '../records.js';
import { countedHours } from './hours.js';
import type { RecognitionMode } from './types.js';

/** Up to 36 学时 (36 itself: the next bucket is "more than 36"), up to 72, up to 108, more than 108. */
export const HOURS_BUCKETS = ['upTo36', 'upTo72', 'upTo108', 'over108'] as const;
export type HoursBucket = (typeof HOURS_BUCKETS)[number];

export interface TrainingStatisticsRow {
  /** 专任教师 on the roster, and how many fall in each bucket of the year's hours (all levels, as counted). */
  fullTimeTeachers: number;
  buckets: Record<HoursBucket, number>;
  /** Per level: teachers with at least one record of it in the year, and those records' hours (as counted). */
  levels: Record<TrainingLevel, { teachers: number; hours: number }>;
  publicBudget: number;
  trainingFunds: number;
  /** trainingFunds / publicBudget, 4 decimals; null when the budget is 0. */
  fundsShare: number | null;
}

export function bucketOf(hours: number): HoursBucket {
  if (hours <= 36) return 'upTo36';
  if (hours <= 72) return 'upTo72';
  if (hours <= 108) return 'upTo108';
  return 'over108';
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const share = (funds: number, budget: number) => (budget > 0 ? Math.round((funds / budget) * 10_000) / 10_000 : null);

export function emptyStatisticsRow(): TrainingStatisticsRow {
  return {
    fullTimeTeachers: 0,
    buckets: { upTo36: 0, upTo72: 0, upTo108: 0, over108: 0 },
    levels: Object.fromEntries(
      TRAINING_LEVELS.values.map((l) => [l, { teachers: 0, hours: 0 }]),
    ) as TrainingStatisticsRow['levels'],
    publicBudget: 0,
    trainingFunds: 0,
    fundsShare: null,
  };
}

/**
 * One school's row for year Y: the valid roster's teachers, and their records whose endDate is in Y
 * and on or before asOf (policy.md's "counts for Y").
 */
export function trainingStatistics(
  records: Pick<Records, 'teachers' | 'trainings'> & { school: SchoolRecord | null },
  opts: { year: number; asOf: string; mode: RecognitionMode },
): TrainingStatisticsRow {
  const row = emptyStatisticsRow();
  const prefix = `${opts.year}-`;
  const onRoster = new Map(records.teachers.map((t) => [t.idNumber, t]));
  const yearHours = new Map<string, number>();
  const byLevel = new Map<TrainingLevel, Set<string>>();
  for (const t of records.trainings) {
    if (!t.endDate.startsWith(prefix) || t.endDate > opts.asOf || !onRoster.has(t.idNumber)) continue;
    const h = countedHours(t.hours, t.recognition, opts.mode);
    yearHours.set(t.idNumber, (yearHours.get(t.idNumber) ?? 0) + h);
    row.levels[t.level].hours += h;
    let who = byLevel.get(t.level);
    if (!who) byLevel.set(t.level, (who = new Set()));
    who.add(t.idNumber);
  }
  for (const t of records.teachers) {
    if (t.post !== '专任教师') continue;
    row.fullTimeTeachers++;
    row.buckets[bucketOf(round2(yearHours.get(t.idNumber) ?? 0))]++;
  }
  for (const level of TRAINING_LEVELS.values) {
    row.levels[level].teachers = byLevel.get(level)?.size ?? 0;
    row.levels[level].hours = round2(row.levels[level].hours);
  }
  row.publicBudget = records.school?.publicBudget ?? 0;
  row.trainingFunds = records.school?.trainingFunds ?? 0;
  row.fundsShare = share(row.trainingFunds, row.publicBudget);
  return row;
}

/** The district's row: the schools' sums, its share from the summed funds. */
export function sumStatistics(rows: readonly TrainingStatisticsRow[]): TrainingStatisticsRow {
  const total = emptyStatisticsRow();
  for (const r of rows) {
    total.fullTimeTeachers += r.fullTimeTeachers;
    for (const b of HOURS_BUCKETS) total.buckets[b] += r.buckets[b];
    for (const l of TRAINING_LEVELS.values) {
      total.levels[l].teachers += r.levels[l].teachers;
      total.levels[l].hours += r.levels[l].hours;
    }
    total.publicBudget += r.publicBudget;
    total.trainingFunds += r.trainingFunds;
  }
  for (const l of TRAINING_LEVELS.values) total.levels[l].hours = round2(total.levels[l].hours);
  total.fundsShare = share(total.trainingFunds, total.publicBudget);
  return total;
}
