/** Hand-built Records for the policy tests: one line per teacher, training, duty or milestone. */

import type { Lang } from '../../shared/contract/codes.js';
import { DEFAULT_POLICY, evaluateCompliance, type ResolvedPolicy } from '../../shared/policy/index.js';
import type { RuleId, RuleResult } from '../../shared/policy/types.js';
import type {
  DutyRecord,
  MilestoneRecord,
  Records,
  SchoolRecord,
  TeacherRecord,
  TrainingRecord,
} from '../../shared/records.js';

let serial = 0;

export function teacher(over: Partial<TeacherRecord> = {}): TeacherRecord {
  serial += 1;
  return {
    row: serial + 4,
    name: '张三',
    idNumber: `3201021980010${String(serial).padStart(5, '0')}`,
    gender: '男',
    birthDate: null,
    phone: null,
    stage: '小学',
    subject: '语文',
    title: '一级教师',
    education: '本科',
    startDate: '2010-09-01',
    post: '专任教师',
    postStartDate: null,
    backbone: '无',
    backboneLevel: null,
    studioRole: '无',
    transferred: false,
    note: null,
    ...over,
  };
}

export function training(
  t: TeacherRecord,
  endDate: string,
  hours: number,
  over: Partial<TrainingRecord> = {},
): TrainingRecord {
  return {
    row: 0,
    idNumber: t.idNumber,
    name: t.name,
    course: '课程',
    level: '区级',
    category: '学科教学',
    form: '集中面授',
    startDate: endDate,
    endDate,
    hours,
    organizer: null,
    certificate: null,
    catalogueCode: null,
    ...over,
  };
}

export function duty(t: TeacherRecord, semester: string, over: Partial<DutyRecord> = {}): DutyRecord {
  return {
    row: 0,
    idNumber: t.idNumber,
    name: t.name,
    semester,
    demoLessonsHome: 30,
    demoLessonsGuided: 30,
    observedLessons: 60,
    groupPreps: 10,
    lectures: 2,
    projectLed: null,
    smallProjects: 2,
    ...over,
  };
}

export function milestone(
  t: TeacherRecord,
  m: MilestoneRecord['milestone'],
  date: string,
  result: MilestoneRecord['result'] = '通过',
): MilestoneRecord {
  return { row: 0, idNumber: t.idNumber, name: t.name, milestone: m, result, date };
}

export function school(over: Partial<SchoolRecord> = {}): SchoolRecord {
  return {
    schoolCode: '3201020001',
    schoolName: '实验小学',
    schoolType: '小学',
    rural: false,
    publicBudget: 100_000,
    trainingFunds: 6_000,
    planSubmittedOn: '2026-09-15',
    ...over,
  };
}

export function records(over: Partial<Records> = {}): Records {
  return { school: school(), teachers: [], invalidTeachers: [], trainings: [], duties: [], milestones: [], ...over };
}

export interface Run {
  year?: number;
  asOf?: string;
  policy?: ResolvedPolicy;
  lang?: Lang;
}

export function check(recs: Records, { year = 2026, asOf = `${year}-12-31`, policy = DEFAULT_POLICY, lang }: Run = {}) {
  return evaluateCompliance(recs, policy, { year, asOf, lang });
}

/** The result of one rule for the first teacher, or undefined when it does not apply. */
export function ruleOf(recs: Records, rule: RuleId, run: Run = {}): RuleResult | undefined {
  return check(recs, run).teachers[0]?.rules.find((r) => r.rule === rule);
}

/** One teacher with these trainings. */
export function withTrainings(t: TeacherRecord, trainings: TrainingRecord[]): Records {
  return records({ teachers: [t], trainings });
}
