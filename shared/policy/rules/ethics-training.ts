import { RULE_TITLES } from '../../labels/rules.js';
import {
  type CategoryCountParams,
  categoryCountParams,
  countTrainings,
  deadlineStatus,
  openUntil,
  perPolicyYear,
  type TeacherRule,
  type Text,
} from './define.js';
import { TIMES, thresholdMessage } from './message.js';

/** The rule's words for a policy's category, made once per evaluation rather than once per teacher. */
const wording = perPolicyYear((p: CategoryCountParams, year: number) => ({
  subject: { zh: `${p.category}培训`, en: `${p.category} (ethics) training` } satisfies Text,
  todo: { zh: `请安排参加${p.category}培训并及时登记`, en: 'attend an ethics training and record it' } satisfies Text,
  yearPrefix: String(year),
}));

export const ethicsTraining: TeacherRule<CategoryCountParams> = {
  id: 'ethics_training',
  scope: 'teacher',
  title: RULE_TITLES.ethics_training,
  appliesTo: 'every teacher',
  params: categoryCountParams,
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
