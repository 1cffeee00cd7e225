import type { z } from 'zod';
import { RULE_TITLES } from '../../labels/rules.js';
import type { TrainingRecord } from '../../records.js';
import { yearEnd, yearOf, yearStart } from '../dates.js';
import {
  countHours,
  deadlineStatus,
  openUntil,
  perPolicyYear,
  type TeacherRule,
  type Text,
  type Zod,
} from './define.js';
import { HOURS, thresholdMessage } from './message.js';

const params = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    hoursPerYear: z.number().min(0),
    cycleYears: z.number().int().min(1),
    firstCycleStart: z.number().int().min(1950).max(2100),
  });
type Params = z.infer<ReturnType<typeof params>>;

export interface Cycle {
  first: number;
  last: number;
}

/** The cycle that contains year y (cycles tile the calendar both ways from firstCycleStart). */
export function cycleOf(y: number, p: Pick<Params, 'cycleYears' | 'firstCycleStart'>): Cycle {
  const first = p.firstCycleStart + Math.floor((y - p.firstCycleStart) / p.cycleYears) * p.cycleYears;
  return { first, last: first + p.cycleYears - 1 };
}

/**
 * The year's cycle and its words, made once per evaluation: the sentence of the basis depends on a
 * teacher only through the first year they count from (the cycle's, or a later start year).
 */
const cycleFrame = perPolicyYear((p: Params, year: number) => {
  const cycle = cycleOf(year, p);
  const lastYear = year === cycle.last;
  const span = `${cycle.first}–${cycle.last}`;
  const bases = new Map<number, Text>();
  const basisFrom = (from: number): Text => {
    let basis = bases.get(from);
    if (basis === undefined) {
      const years = (to: number) => (from === to ? `${from}` : `${from}–${to}`);
      basis = lastYear
        ? {
            zh: `${span} 周期，${years(cycle.last)} 年每年 ${p.hoursPerYear} 学时`,
            en: `cycle ${span}, ${p.hoursPerYear} a year for ${years(cycle.last)}`,
          }
        : {
            zh: `${span} 周期进度，${years(year)} 年每年 ${p.hoursPerYear} 学时`,
            en: `cycle ${span} pace, ${p.hoursPerYear} a year for ${years(year)}`,
          };
      bases.set(from, basis);
    }
    return basis;
  };
  return { cycle, lastYear, first: yearStart(cycle.first), end: yearEnd(cycle.last), basisFrom };
});

const SUBJECT: Text = { zh: '本周期累计培训', en: 'training in this cycle' };
const TODO: Text = {
  zh: '请按周期进度安排培训并及时登记',
  en: 'keep up with the cycle by attending and recording training',
};

export const cycleHours: TeacherRule<Params> = {
  id: 'cycle_hours',
  scope: 'teacher',
  title: RULE_TITLES.cycle_hours,
  appliesTo: 'every teacher',
  params,
  defaults: { enabled: true, hoursPerYear: 72, cycleYears: 5, firstCycleStart: 2021 },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    hoursPerYear:
      "hours of any level required per cycle year served (360 over a whole five-year cycle); the district-level-or-above share counts with the hours the policy's `recognition` gives it",
    cycleYears: 'length of a cycle in calendar years',
    firstCycleStart: 'first year of a cycle; the others follow every cycleYears years (2021–2025, 2026–2030, …)',
  },
  evaluate(ctx, p) {
    const { cycle, lastYear, first, end, basisFrom } = cycleFrame(p, ctx.year);
    const from = Math.max(cycle.first, yearOf(ctx.startDate));
    // Hours after 31 Dec Y belong to a later year's evaluation, even when asOf is later.
    const until = ctx.asOf < ctx.yearEnd ? ctx.asOf : ctx.yearEnd;
    const inCycle = (t: TrainingRecord) => t.endDate >= first && t.endDate <= until;
    const { hours: actual, counted } = countHours(ctx.trainings, inCycle, ctx.recognition, ctx.countedRecords);
    const required = p.hoursPerYear * ((lastYear ? cycle.last : ctx.year) - from + 1);
    const met = actual >= required;
    const status = lastYear ? deadlineStatus(met, ctx.asOf, end) : met ? 'pass' : 'warn';
    const message = thresholdMessage(ctx.lang, {
      status,
      subject: SUBJECT,
      unit: HOURS,
      actual,
      required,
      basis: basisFrom(from),
      asOf: ctx.asOf,
      deadline: end,
      todo: TODO,
    });
    return { status, actual, required, message, counted, deadline: openUntil(status, end) };
  },
};
