import type { z } from 'zod';
import { RULE_TITLES } from '../../labels/rules.js';
import { monthDayIn } from '../dates.js';
import { openUntil, type SchoolRule, type Zod } from './define.js';

const params = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month-day "MM-DD"'),
  });
type Params = z.infer<ReturnType<typeof params>>;

export const schoolPlanSubmitted: SchoolRule<Params> = {
  id: 'school_plan_submitted',
  scope: 'school',
  title: RULE_TITLES.school_plan_submitted,
  appliesTo: 'every school',
  params,
  defaults: { enabled: true, deadline: '09-30' },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    deadline:
      'month-day of the year by which the school-based training plan is due ("MM-DD"); a date after asOf does not count yet',
  },
  evaluate(ctx, p) {
    const deadline = monthDayIn(ctx.year, p.deadline);
    const on = ctx.school.planSubmittedOn;
    const submitted = on !== null && on <= deadline && on <= ctx.asOf;
    const actual = submitted ? 1 : 0;
    // The due day itself is still in time: only an asOf after it turns a missing plan into a fail.
    const status = submitted ? 'pass' : ctx.asOf > deadline ? 'fail' : 'warn';
    const en = ctx.lang === 'en';
    let message: string;
    if (submitted) {
      message = en
        ? `Training plan submitted on ${on}, by the deadline ${deadline}.`
        : `校本培训方案已于 ${on} 提交，未超过 ${deadline} 的期限。`;
    } else {
      const found =
        on === null
          ? en
            ? 'No submission date of the training plan is recorded'
            : '未登记校本培训方案提交日期'
          : on > ctx.asOf
            ? en
              ? `The training plan was not yet submitted on ${ctx.asOf}`
              : `截至 ${ctx.asOf} 校本培训方案尚未提交`
            : en
              ? `Training plan submitted on ${on}, after the deadline ${deadline}`
              : `校本培训方案于 ${on} 提交，晚于 ${deadline} 的期限`;
      const todo =
        status === 'warn'
          ? en
            ? `; submit it by ${deadline} and record the date.`
            : `；请于 ${deadline} 前提交并登记日期。`
          : en
            ? `; it was due by ${deadline}.`
            : `；应于 ${deadline} 前提交。`;
      message = `${found}${todo}`;
    }
    return { status, actual, required: 1, message, deadline: openUntil(status, deadline) };
  },
};
