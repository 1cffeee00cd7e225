import type { z } from 'zod';
import { percentOf as percent, RULE_TITLES } from '../../labels/rules.js';
import { round4, type SchoolRule, type Zod } from './define.js';

const params = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    required: z.number().min(0).max(1),
  });
type Params = z.infer<ReturnType<typeof params>>;

export const trainingFundsShare: SchoolRule<Params> = {
  id: 'training_funds_share',
  scope: 'school',
  title: RULE_TITLES.training_funds_share,
  appliesTo: 'schools with publicBudget > 0',
  params,
  defaults: { enabled: true, required: 0.05 },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    required: 'lowest share trainingFunds / publicBudget (0.05 = 5%), compared after rounding the share to 4 decimals',
  },
  evaluate(ctx, p) {
    const s = ctx.school;
    if (!(s.publicBudget > 0)) return null;
    // The share is judged as reported (4 decimals), so a reviewer never sees "0.05 < 0.05".
    const actual = round4(s.trainingFunds / s.publicBudget);
    const status = actual >= p.required ? 'pass' : 'fail';
    const en = ctx.lang === 'en';
    const found = en
      ? `Training funds ${s.trainingFunds} of a public budget of ${s.publicBudget}: ${percent(actual)}`
      : `教师培训经费 ${s.trainingFunds} 元，占年度公用经费 ${s.publicBudget} 元的 ${percent(actual)}`;
    const message =
      status === 'pass'
        ? en
          ? `${found}, meets the required ${percent(p.required)}.`
          : `${found}，达到 ${percent(p.required)} 的要求。`
        : en
          ? `${found}, below the required ${percent(p.required)}; raise the training funds to at least ${Math.ceil(s.publicBudget * p.required * 100) / 100}.`
          : `${found}，低于 ${percent(p.required)} 的要求；教师培训经费应不少于 ${Math.ceil(s.publicBudget * p.required * 100) / 100} 元。`;
    return { status, actual, required: p.required, message };
  },
};
