import type { z } from 'zod';
import { MILESTONES, type Milestone } from '../../contract/enums.js';
import { RULE_TITLES } from '../../labels/rules.js';
import { addYears, yearOf } from '../dates.js';
import { perPolicyYear, type TeacherRule, type Zod } from './define.js';

const params = (z: Zod) => {
  const years = z.number().int().min(0).max(40);
  return z.strictObject({
    enabled: z.boolean(),
    dueYears: z.strictObject({ 教学常规入门: years, 课堂教学过关: years, 教学能力达标: years }),
  });
};
type Params = z.infer<ReturnType<typeof params>>;

const EN: Record<Milestone, string> = {
  教学常规入门: 'teaching routines',
  课堂教学过关: 'classroom teaching',
  教学能力达标: 'teaching competence',
};

/** The latest milestone's due years, once per evaluation (the year is not needed). */
const lastDue = perPolicyYear((p: Params) => Math.max(...Object.values(p.dueYears)));

export const youngTeacherMilestones: TeacherRule<Params> = {
  id: 'young_teacher_milestones',
  scope: 'teacher',
  title: RULE_TITLES.young_teacher_milestones,
  appliesTo:
    'teachers whose last milestone falls on or after 1 Jan of the year, once at least one milestone is due by asOf',
  params,
  defaults: { enabled: true, dueYears: { 教学常规入门: 1, 课堂教学过关: 2, 教学能力达标: 3 } },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    dueYears:
      'years after startDate at which each milestone is due; a due milestone needs a 通过 result dated on or before asOf',
  },
  evaluate(ctx, p) {
    // The last milestone falls in the start year + its due years (same month and day), so a
    // teacher whose last one is before the year is told from the years alone: most of a roster.
    if (yearOf(ctx.startDate) + lastDue(p, ctx.year) < ctx.year) return null;
    const due = MILESTONES.values
      .map((m) => ({ milestone: m, dueOn: addYears(ctx.startDate, p.dueYears[m]) }))
      .filter((m) => m.dueOn <= ctx.asOf);
    if (due.length === 0) return null;
    const dueNames = new Set(due.map((m) => m.milestone));
    const passes = ctx.milestones.filter((m) => m.result === '通过' && dueNames.has(m.milestone));
    const passed = new Set(passes.map((m) => m.milestone));
    const missing = due.filter((m) => !passed.has(m.milestone));
    const actual = due.length - missing.length;
    const required = due.length;
    const status = missing.length === 0 ? 'pass' : 'fail';
    const en = ctx.lang === 'en';
    let message: string;
    if (status === 'pass') {
      message = en
        ? `All ${required} milestone(s) due by ${ctx.asOf} passed.`
        : `截至 ${ctx.asOf} 应完成的 ${required} 项考核均已通过。`;
    } else {
      const list = missing
        .map((m) => (en ? `${EN[m.milestone]} (${m.milestone}, due ${m.dueOn})` : `${m.milestone}（${m.dueOn} 到期）`))
        .join(en ? ', ' : '、');
      message = en
        ? `${actual} of ${required} milestone(s) due by ${ctx.asOf} passed; no pass recorded for ${list}. Arrange the assessment or record its result.`
        : `截至 ${ctx.asOf} 应完成 ${required} 项考核，已通过 ${actual} 项；未见通过记录：${list}，请组织考核或登记结果。`;
    }
    return { status, actual, required, message, counted: { sheet: 'milestones', records: passes } };
  },
};
