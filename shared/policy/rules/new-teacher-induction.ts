import type { z } from 'zod';
import { TRAINING_CATEGORIES } from '../../contract/enums.js';
import { RULE_TITLES } from '../../labels/rules.js';
import { addDays, addMonths, monthIndex } from '../dates.js';
import { countHours, deadlineStatus, openUntil, type TeacherRule, type Zod } from './define.js';
import { HOURS, thresholdMessage } from './message.js';

const params = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    required: z.number().min(0),
    windowMonths: z.number().int().min(1),
    category: z.enum(TRAINING_CATEGORIES.values),
  });
type Params = z.infer<ReturnType<typeof params>>;

export const newTeacherInduction: TeacherRule<Params> = {
  id: 'new_teacher_induction',
  scope: 'teacher',
  title: RULE_TITLES.new_teacher_induction,
  appliesTo: 'teachers whose induction window [startDate, startDate + windowMonths) overlaps the year',
  params,
  defaults: { enabled: true, required: 120, windowMonths: 12, category: '新教师入岗' },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    required: 'hours of the category required with endDate inside the window (and on or before asOf)',
    windowMonths:
      'length of the induction window from startDate, in months; the shortfall fails once asOf reaches its end',
    category: 'the training category that counts',
  },
  evaluate(ctx, p) {
    // Most of a roster started years ago: a window that ends in a month before the year's January
    // is told from the month count alone, without making its end date.
    if (monthIndex(ctx.startDate) + p.windowMonths < ctx.year * 12) return null;
    const windowEnd = addMonths(ctx.startDate, p.windowMonths);
    if (ctx.startDate > ctx.yearEnd || windowEnd <= ctx.yearStart) return null;
    const { hours: actual, counted } = countHours(
      ctx.trainings,
      (t) => t.category === p.category && t.endDate >= ctx.startDate && t.endDate < windowEnd,
      'off',
      ctx.countedRecords,
    );
    const status = deadlineStatus(actual >= p.required, ctx.asOf, windowEnd);
    const lastDay = addDays(windowEnd, -1);
    const message = thresholdMessage(ctx.lang, {
      status,
      subject: { zh: `${p.category}培训`, en: 'induction training' },
      unit: HOURS,
      actual,
      required: p.required,
      basis: {
        zh: `入职 ${p.windowMonths} 个月内，即 ${ctx.startDate} 至 ${lastDay}`,
        en: `within ${p.windowMonths} months of starting, ${ctx.startDate} to ${lastDay}`,
      },
      asOf: ctx.asOf,
      deadline: lastDay,
      todo: { zh: '请安排参加新教师入岗培训并及时登记', en: 'attend induction training and record it' },
    });
    return { status, actual, required: p.required, message, counted, deadline: openUntil(status, lastDay) };
  },
};
