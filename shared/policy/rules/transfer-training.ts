import { RULE_TITLES } from '../../labels/rules.js';
import { type CategoryCountParams, categoryCountParams, countTrainings, type TeacherRule } from './define.js';
import { TIMES, thresholdMessage } from './message.js';

export const transferTraining: TeacherRule<CategoryCountParams> = {
  id: 'transfer_training',
  scope: 'teacher',
  title: RULE_TITLES.transfer_training,
  appliesTo: 'teachers marked transferred (是否转岗教师 = 是)',
  params: categoryCountParams,
  defaults: { enabled: true, required: 1, category: '转岗培训' },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    required: 'number of trainings of the category required, endDate on or before asOf',
    category: 'the training category that counts',
  },
  evaluate(ctx, p) {
    if (!ctx.teacher.transferred) return null;
    const counted = countTrainings(ctx.trainings, (t) => t.category === p.category);
    const actual = counted.records.length;
    const status = actual >= p.required ? 'pass' : 'fail';
    const message = thresholdMessage(ctx.lang, {
      status,
      subject: { zh: p.category, en: 'transfer training' },
      unit: TIMES,
      actual,
      required: p.required,
      basis: null,
      asOf: ctx.asOf,
      deadline: ctx.asOf,
      todo: { zh: '请安排参加转岗教师岗位胜任培训', en: 'attend job-fitness training for the new post' },
    });
    return { status, actual, required: p.required, message, counted };
  },
};
