import type { z } from 'zod';
import { TRAINING_LEVELS, type TrainingLevel } from '../../contract/enums.js';
import { RULE_TITLES } from '../../labels/rules.js';
import type { TrainingRecord } from '../../records.js';
import { monthsThroughDecember, parseIso, yearOf } from '../dates.js';
import {
  ceilToStep,
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
    required: z.number().min(0),
    levels: z.array(z.enum(TRAINING_LEVELS.values)).min(1),
    proRateStep: z.number().positive(),
  });
type Params = z.infer<ReturnType<typeof params>>;

const EN_LEVEL: Record<TrainingLevel, string> = {
  国家级: 'national',
  省级: 'provincial',
  市级: 'city',
  区级: 'district',
  校级: 'school',
};

/** "区级及以上" when the levels are a top slice of the ladder, else the levels listed. */
export function levelsLabel(levels: readonly TrainingLevel[]): Text {
  const ladder = TRAINING_LEVELS.values;
  const lowest = ladder[levels.length - 1];
  const isTopSlice = lowest !== undefined && ladder.slice(0, levels.length).every((l) => levels.includes(l));
  if (isTopSlice && levels.length > 1 && levels.length < ladder.length) {
    return { zh: `${lowest}及以上培训`, en: `${EN_LEVEL[lowest]}-level-or-above training` };
  }
  return {
    zh: `${levels.join('、')}培训`,
    en: `${levels.map((l) => EN_LEVEL[l]).join('/')}-level training`,
  };
}

/** The rule's words for a policy's levels, made once per evaluation rather than once per teacher. */
const wording = perPolicyYear((p: Params, year: number) => {
  const subject = levelsLabel(p.levels);
  const todo: Text = { zh: `请安排参加${subject.zh}并及时登记`, en: `attend ${subject.en} and record it` };
  return { subject, todo, yearPrefix: String(year) };
});

export const annualDistrictPlusHours: TeacherRule<Params> = {
  id: 'annual_district_plus_hours',
  scope: 'teacher',
  title: RULE_TITLES.annual_district_plus_hours,
  appliesTo: 'every teacher',
  params,
  defaults: { enabled: true, required: 36, levels: ['国家级', '省级', '市级', '区级'], proRateStep: 0.5 },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    required:
      "hours required in the year (counted: trainings of the levels below whose endDate is in the year and on or before asOf, with the hours the policy's `recognition` gives them)",
    levels: 'training levels that count',
    proRateStep:
      'a teacher who started during the year needs required × m / 12 hours (m = months from the start month through December), rounded up to a multiple of this step',
  },
  evaluate(ctx, p) {
    const { subject, todo, yearPrefix } = wording(p, ctx.year);
    const counts = (t: TrainingRecord) => p.levels.includes(t.level) && t.endDate.startsWith(yearPrefix);
    const { hours: actual, counted } = countHours(ctx.trainings, counts, ctx.recognition, ctx.countedRecords);
    const startedThisYear = yearOf(ctx.startDate) === ctx.year;
    const months = startedThisYear ? monthsThroughDecember(ctx.startDate) : 12;
    const required = startedThisYear ? ceilToStep((p.required * months) / 12, p.proRateStep) : p.required;
    const status = deadlineStatus(actual >= required, ctx.asOf, ctx.yearEnd);
    let basis: Text | null = null;
    if (startedThisYear) {
      const start = parseIso(ctx.startDate);
      basis = {
        zh: `${start.y} 年 ${start.m} 月参加工作，按 ${months} 个月折算`,
        en: `started in ${ctx.startDate.slice(0, 7)}, pro-rated over ${months} months`,
      };
    }
    const message = thresholdMessage(ctx.lang, {
      status,
      subject,
      unit: HOURS,
      actual,
      required,
      basis,
      asOf: ctx.asOf,
      deadline: ctx.yearEnd,
      todo,
    });
    return { status, actual, required, message, counted, deadline: openUntil(status, ctx.yearEnd) };
  },
};
