import type { z } from 'zod';
import { EDUCATIONS, STUDIO_ROLES, TITLES } from '../../contract/enums.js';
import { RULE_TITLES } from '../../labels/rules.js';
import { fullYearsBetween, monthDayIn } from '../dates.js';
import type { TeacherRule, Zod } from './define.js';

const params = (z: Zod) =>
  z.strictObject({
    enabled: z.boolean(),
    roles: z.array(z.enum(STUDIO_ROLES.values)).min(1),
    minEducation: z.enum(EDUCATIONS.values),
    minTitle: z.enum(TITLES.values),
    minServiceYears: z.number().int().min(0),
    serviceCountedOn: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month-day "MM-DD"'),
  });
type Params = z.infer<ReturnType<typeof params>>;

function rank(values: readonly string[], value: string): number {
  return values.indexOf(value);
}

export const backboneEligibility: TeacherRule<Params> = {
  id: 'backbone_eligibility',
  scope: 'teacher',
  title: RULE_TITLES.backbone_eligibility,
  appliesTo: 'teachers whose studioRole is one of roles',
  params,
  defaults: {
    enabled: true,
    roles: ['主持人', '核心成员'],
    minEducation: '大专',
    minTitle: '一级教师',
    minServiceYears: 5,
    serviceCountedOn: '09-01',
  },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    roles: 'studio roles the conditions apply to',
    minEducation: 'lowest education accepted (the ladder of template.md, 高中及以下 … 博士研究生)',
    minTitle: 'lowest professional title accepted (未评 … 正高级教师)',
    minServiceYears: 'full years of service required on serviceCountedOn of the year',
    serviceCountedOn: "month-day of the year at which years of service are counted (the school year's start)",
  },
  evaluate(ctx, p) {
    const t = ctx.teacher;
    if (!(p.roles as readonly string[]).includes(t.studioRole)) return null;
    const on = monthDayIn(ctx.year, p.serviceCountedOn);
    const service = Math.max(0, fullYearsBetween(ctx.startDate, on));
    const en = ctx.lang === 'en';
    const failed: string[] = [];
    if (rank(EDUCATIONS.values, t.education) < rank(EDUCATIONS.values, p.minEducation)) {
      failed.push(
        en ? `education ${t.education}, below ${p.minEducation}` : `学历为${t.education}，低于${p.minEducation}`,
      );
    }
    if (rank(TITLES.values, t.title) < rank(TITLES.values, p.minTitle)) {
      failed.push(en ? `title ${t.title}, below ${p.minTitle}` : `职称为${t.title}，低于${p.minTitle}`);
    }
    if (service < p.minServiceYears) {
      failed.push(
        en
          ? `${service} full years of service on ${on}, fewer than ${p.minServiceYears}`
          : `截至 ${on} 教龄满 ${service} 年，不足 ${p.minServiceYears} 年`,
      );
    }
    const required = 3;
    const actual = required - failed.length;
    const status = failed.length === 0 ? 'pass' : 'fail';
    const message =
      status === 'pass'
        ? en
          ? `Meets all ${required} conditions for the studio role ${t.studioRole}.`
          : `符合工作室${t.studioRole}的全部 ${required} 项条件。`
        : en
          ? `Meets ${actual} of ${required} conditions for the studio role ${t.studioRole}: ${failed.join('; ')}. Review the appointment.`
          : `工作室${t.studioRole}条件 ${required} 项中符合 ${actual} 项：${failed.join('；')}，请复核该成员的聘任。`;
    return { status, actual, required, message };
  },
};
