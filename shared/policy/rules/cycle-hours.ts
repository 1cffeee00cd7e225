import { z } from 'zod';
import { RULE_TITLES } from '../../labels/rules.js';
import type { TrainingRecord } from '../../records.js';
import { yearEnd, yearOf, yearStart } from '../dates.js';
import { countHours, deadlineStatus, openUntil, type TeacherRule, type Text } from './define.js';
import { HOURS, thresholdMessage } from './message.js';

const params = z.strictObject({
  enabled: z.boolean(),
  hoursPerYear: z.number().min(0),
  cycleYears: z.number().int().min(1),
  firstCycleStart: z.number().int().min(1950).max(2100),
});
type Params = z.infer<typeof params>;

export interface Cycle {
  first: number;
  last: number;
}

/** The cycle that contains year y (cycles tile the calendar both ways from firstCycleStart). */
export function cycleOf(y: number, p: Pick<Params, 'cycleYears' | 'firstCycleStart'>): Cycle {
  const first = p.firstCycleStart + Math.floor((y - p.firstCycleStart) / p.cycleYears) * p.cycleYears;
  return { first, last: first + p.cycleYears - 1 };
}

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
    const cycle = cycleOf(ctx.year, p);
    const from = Math.max(cycle.first, yearOf(ctx.startDate));
    const first = yearStart(cycle.first);
    // Hours after 31 Dec Y belong to a later year's evaluation, even when asOf is later.
    const until = ctx.asOf < ctx.yearEnd ? ctx.asOf : ctx.yearEnd;
    const inCycle = (t: TrainingRecord) => t.endDate >= first && t.endDate <= until;
    const { hours: actual, counted } = countHours(ctx.trainings, inCycle, ctx.recognition);
    const lastYear = ctx.year === cycle.last;
    const required = p.hoursPerYear * ((lastYear ? cycle.last : ctx.year) - from + 1);
    const met = actual >= required;
    const status = lastYear ? deadlineStatus(met, ctx.asOf, yearEnd(cycle.last)) : met ? 'pass' : 'warn';
    const span = `${cycle.first}–${cycle.last}`;
    const years = (to: number) => (from === to ? `${from}` : `${from}–${to}`);
    const basis: Text = lastYear
      ? {
          zh: `${span} 周期，${years(cycle.last)} 年每年 ${p.hoursPerYear} 学时`,
          en: `cycle ${span}, ${p.hoursPerYear} a year for ${years(cycle.last)}`,
        }
      : {
          zh: `${span} 周期进度，${years(ctx.year)} 年每年 ${p.hoursPerYear} 学时`,
          en: `cycle ${span} pace, ${p.hoursPerYear} a year for ${years(ctx.year)}`,
        };
    const message = thresholdMessage(ctx.lang, {
      status,
      subject: { zh: '本周期累计培训', en: 'training in this cycle' },
      unit: HOURS,
      actual,
      required,
      basis,
      asOf: ctx.asOf,
      deadline: yearEnd(cycle.last),
      todo: { zh: '请按周期进度安排培训并及时登记', en: 'keep up with the cycle by attending and recording training' },
    });
    return { status, actual, required, message, counted, ...openUntil(status, yearEnd(cycle.last)) };
  },
};
