import type { z } from 'zod';
import { POSTS, TRAINING_CATEGORIES } from '../../contract/enums.js';
import { RULE_TITLES } from '../../labels/rules.js';
import { addDays, addYears } from '../dates.js';
import { countHours, openUntil, type TeacherRule, type Zod } from './define.js';
import { HOURS, thresholdMessage } from './message.js';

const params = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    posts: z.array(z.enum(POSTS.values)).min(1),
    required: z.number().min(0),
    graceYears: z.number().int().min(0),
    category: z.enum(TRAINING_CATEGORIES.values),
  });
type Params = z.infer<ReturnType<typeof params>>;

export const principalQualification: TeacherRule<Params> = {
  id: 'principal_qualification',
  scope: 'teacher',
  title: RULE_TITLES.principal_qualification,
  appliesTo: 'teachers whose post is one of posts',
  params,
  defaults: { enabled: true, posts: ['校长', '副校长'], required: 300, graceYears: 1, category: '校长任职资格' },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    posts: 'posts the rule applies to',
    required: 'hours of the category required, any date on or before asOf',
    graceYears: 'years after postStartDate during which a shortfall is a warn; after them it fails',
    category: 'the training category that counts',
  },
  evaluate(ctx, p) {
    const t = ctx.teacher;
    if (!(p.posts as readonly string[]).includes(t.post)) return null;
    const { hours: actual, counted } = countHours(
      ctx.trainings,
      (r) => r.category === p.category,
      'off',
      ctx.countedRecords,
    );
    // Without a postStartDate there is no grace period to grant: a shortfall fails.
    const graceEnd = t.postStartDate ? addYears(t.postStartDate, p.graceYears) : null;
    const status = actual >= p.required ? 'pass' : graceEnd !== null && ctx.asOf < graceEnd ? 'warn' : 'fail';
    const deadline = graceEnd ? addDays(graceEnd, -1) : ctx.asOf;
    const message = thresholdMessage(ctx.lang, {
      status,
      subject: { zh: `${p.category}培训`, en: 'principal qualification training' },
      unit: HOURS,
      actual,
      required: p.required,
      basis: null,
      asOf: ctx.asOf,
      deadline,
      todo: {
        zh: `请安排${t.post}参加${p.category}培训`,
        en: `the ${t.post === '校长' ? 'principal' : 'vice-principal'} should attend qualification training`,
      },
    });
    return { status, actual, required: p.required, message, counted, deadline: openUntil(status, deadline) };
  },
};
