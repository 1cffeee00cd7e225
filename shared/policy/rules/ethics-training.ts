import type { z } from 'zod';
import { TRAINING_CATEGORIES } from '../../contract/enums.js';
import { RULE_TITLES } from '../../labels/rules.js';
import {
  countTrainings,
  deadlineStatus,
  openUntil,
  perPolicyYear,
  type TeacherRule,
  type Text,
  type Zod,
} from './define.js';
import { TIMES, thresholdMessage } from './message.js';

const params = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    required: z.number().int().min(0),
    category: z.enum(TRAINING_CATEGORIES.values),
  });
type Params = z.infer<ReturnType<typeof params>>;

/** The rule's words for a policy's category, made once per evaluation rather than once per teacher. */
const wording = perPolicyYear((p: Params, year: number) => ({
  subject: { zh: `${p.category}培训`, en: `${p.category} (ethics) training` } satisfies Text,
  todo: { zh: `请安排参加${p.category}培训并及时登记`, en: 'attend an ethics training and record it' } satisfies Text,
  yearPrefix: String(year),
}));

export const ethicsTraining: TeacherRule<Params> = {
  id: 'ethics_training',
  scope: 'teacher',
  title: RULE_TITLES.ethics_training,
  appliesTo: 'every teacher',
  params,
  defaults: { enabled: true, required: 1, category: '师德师风' },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    required: 'number of trainings of the category required in the year (endDate in the year, on or before asOf)',
    category: 'the training category that counts',
  },
  evaluate(ctx, p) {
    const { subject, todo, yearPrefix } = wording(p, ctx.year);
    const counted = countTrainings(ctx.trainings, (t) => t.category === p.category && t.endDate.startsWith(yearPrefix));
    const actual = counted.records.length;
    const status = deadlineStatus(actual >= p.required, ctx.asOf, ctx.yearEnd);
    const message = thresholdMessage(ctx.lang, {
      status,
      subject,
      unit: TIMES,
      actual,
      required: p.required,
      basis: null,
      asOf: ctx.asOf,
      deadline: ctx.yearEnd,
      todo,
    });
    return { status, actual, required: p.required, message, counted, deadline: openUntil(status, ctx.yearEnd) };
  },
};
