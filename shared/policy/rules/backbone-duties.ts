import type { z } from 'zod';
import { STUDIO_ROLES } from '../../contract/enums.js';
import { RULE_TITLES } from '../../labels/rules.js';
import type { DutyRecord } from '../../records.js';
import { formatIso } from '../dates.js';
import { openUntil, type TeacherRule, type Text, type Zod } from './define.js';

const params = (z: Zod) => {
  const quota = z.number().int().min(0);
  return z.strictObject({
    enabled: z.boolean(),
    roles: z.array(z.enum(STUDIO_ROLES.values)).min(1),
    demoLessons: quota,
    demoLessonsGuided: quota,
    observedLessons: quota,
    groupPreps: quota,
    lectures: quota,
    smallProjects: quota,
    projectsLedPerYear: quota,
  });
};
type Params = z.infer<ReturnType<typeof params>>;

type SemesterCheck =
  | 'demoLessons'
  | 'demoLessonsGuided'
  | 'observedLessons'
  | 'groupPreps'
  | 'lectures'
  | 'smallProjects';

const CHECKS: readonly { key: SemesterCheck; label: Text; unit: string; value: (d: DutyRecord) => number }[] = [
  {
    key: 'demoLessons',
    label: { zh: '示范课（本校+被指导校）', en: 'demonstration lessons (home + guided school)' },
    unit: '节',
    value: (d) => d.demoLessonsHome + d.demoLessonsGuided,
  },
  {
    key: 'demoLessonsGuided',
    label: { zh: '被指导校示范课', en: 'demonstration lessons at the guided school' },
    unit: '节',
    value: (d) => d.demoLessonsGuided,
  },
  {
    key: 'observedLessons',
    label: { zh: '听课', en: 'lessons observed' },
    unit: '节',
    value: (d) => d.observedLessons,
  },
  {
    key: 'groupPreps',
    label: { zh: '指导集体备课', en: 'group lesson preparations guided' },
    unit: '次',
    value: (d) => d.groupPreps,
  },
  { key: 'lectures', label: { zh: '专题讲座', en: 'lectures' }, unit: '次', value: (d) => d.lectures },
  {
    key: 'smallProjects',
    label: { zh: '指导小课题', en: 'small projects guided' },
    unit: '项',
    value: (d) => d.smallProjects,
  },
];

interface Semester {
  code: string;
  /** Last day of the semester, YYYY-MM-DD. */
  end: string;
  label: Text;
}

/** The two semesters that make up year Y: spring (Y-1)-Y-2 and autumn Y-(Y+1)-1. */
export function semestersOf(y: number): { spring: Semester; autumn: Semester } {
  return {
    spring: {
      code: `${y - 1}-${y}-2`,
      end: formatIso({ y, m: 7, d: 31 }),
      label: { zh: `${y - 1}-${y}学年第二学期（${y} 年春季）`, en: `spring ${y} (${y - 1}-${y}-2)` },
    },
    autumn: {
      code: `${y}-${y + 1}-1`,
      end: formatIso({ y: y + 1, m: 1, d: 31 }),
      label: { zh: `${y}-${y + 1}学年第一学期（${y} 年秋季）`, en: `autumn ${y} (${y}-${y + 1}-1)` },
    },
  };
}

export const backboneDuties: TeacherRule<Params> = {
  id: 'backbone_duties',
  scope: 'teacher',
  title: RULE_TITLES.backbone_duties,
  appliesTo: 'teachers whose studioRole is one of roles',
  params,
  defaults: {
    enabled: true,
    roles: ['主持人', '核心成员'],
    demoLessons: 60,
    demoLessonsGuided: 30,
    observedLessons: 60,
    groupPreps: 10,
    lectures: 2,
    smallProjects: 2,
    projectsLedPerYear: 1,
  },
  paramDocs: {
    enabled: 'whether the rule is evaluated',
    roles: 'studio roles the duties apply to',
    demoLessons: 'per semester: demonstration lessons taught, home school plus guided school',
    demoLessonsGuided: 'per semester: demonstration lessons taught at the guided school',
    observedLessons: 'per semester: lessons observed',
    groupPreps: 'per semester: group lesson preparations guided (two a month over five months)',
    lectures: 'per semester: lectures given',
    smallProjects: 'per semester: small projects guided',
    projectsLedPerYear: 'semesters of the year (spring, autumn) with a project led; the year check',
  },
  evaluate(ctx, p) {
    if (!(p.roles as readonly string[]).includes(ctx.teacher.studioRole)) return null;
    const en = ctx.lang === 'en';
    const { spring, autumn } = semestersOf(ctx.year);
    const unmet: string[] = [];
    let met = 0;
    let failing = false;
    let projects = 0;
    // The end of the first semester with something still to do: the deadline while the rule is open.
    let due: string | null = null;
    const rows: (typeof ctx.duties)[number][] = [];
    for (const semester of [spring, autumn]) {
      const ended = ctx.asOf >= semester.end;
      const row = ctx.duties.find((d) => d.semester === semester.code);
      if (!row) {
        unmet.push(
          en
            ? `${semester.label.en}: no duty row (all ${CHECKS.length} checks unmet)`
            : `${semester.label.zh}无履职记录（${CHECKS.length} 项均未达标）`,
        );
        failing ||= ended;
        due ??= semester.end;
        continue;
      }
      rows.push(row);
      if (row.projectLed) projects += 1;
      const shortfalls: string[] = [];
      for (const check of CHECKS) {
        const value = check.value(row);
        if (value >= p[check.key]) {
          met += 1;
          continue;
        }
        shortfalls.push(
          en
            ? `${check.label.en} ${value} of ${p[check.key]}`
            : `${check.label.zh} ${value} ${check.unit}（要求 ${p[check.key]}）`,
        );
      }
      if (shortfalls.length > 0) {
        unmet.push(
          en ? `${semester.label.en}: ${shortfalls.join(', ')}` : `${semester.label.zh}：${shortfalls.join('，')}`,
        );
        failing ||= ended;
        due ??= semester.end;
      }
    }
    if (projects >= p.projectsLedPerYear) {
      met += 1;
    } else {
      unmet.push(
        en
          ? `projects led in ${ctx.year}: ${projects} of ${p.projectsLedPerYear}`
          : `${ctx.year} 年主持课题 ${projects} 项（要求 ${p.projectsLedPerYear}）`,
      );
      failing ||= ctx.asOf >= autumn.end;
      due ??= autumn.end;
    }
    const required = 2 * CHECKS.length + 1;
    const status = unmet.length === 0 ? 'pass' : failing ? 'fail' : 'warn';
    let message: string;
    if (status === 'pass') {
      message = en
        ? `All ${required} duty checks of ${ctx.year} met.`
        : `${ctx.year} 年 ${required} 项履职指标全部达标。`;
    } else {
      const todo =
        status === 'warn'
          ? en
            ? ' The semester is still running: complete and record the duties.'
            : '学期尚未结束，请按要求完成并登记。'
          : en
            ? ' Check the duty rows for omissions.'
            : '请核对履职记录是否漏登。';
      message = en
        ? `${met} of ${required} duty checks met; unmet: ${unmet.join('; ')}.${todo}`
        : `履职指标 ${required} 项中达标 ${met} 项；未达标：${unmet.join('；')}。${todo}`;
    }
    const counted = { sheet: 'duties' as const, records: rows };
    return { status, actual: met, required, message, counted, deadline: openUntil(status, due ?? autumn.end) };
  },
};
