/**
 * The workbook contract of template.md as data: the five sheets, their names and aliases, and every
 * column with its header, aliases, value type and whether it is required. This is the single source
 * for the validator, the zod record schemas, the template writer, the Excel dropdown lists and the
 * docs tables.
 */
import {
  BACKBONE_LEVELS,
  BACKBONE_TITLES,
  EDUCATIONS,
  type EnumDef,
  GENDERS,
  MILESTONE_RESULTS,
  MILESTONES,
  POSTS,
  SCHOOL_TYPES,
  STAGES,
  STUDIO_ROLES,
  SUBJECTS,
  TITLES,
  TRAINING_CATEGORIES,
  TRAINING_FORMS,
  TRAINING_LEVELS,
  YES_NO,
} from './enums.js';

export type SheetKey = 'school' | 'teachers' | 'trainings' | 'duties' | 'milestones';

/** The order of template.md: findings are sorted by it. */
export const SHEET_ORDER: readonly SheetKey[] = ['school', 'teachers', 'trainings', 'duties', 'milestones'];

/**
 * How a cell's value is read and normalized.
 * - personName: 姓名, 2–20 CJK letters, middle dot or Latin letters/space
 * - text: free text with optional length bounds
 * - idNumber: the resident ID rules
 * - date: a full date; yearMonth: a date where a year-month is enough
 * - number: decimal with bounds and optional step; integer: whole number from min to max. `units`
 *   are the column's own units a cell may carry ("3.5学时", "12000元"), stripped as a fix.unit.
 * - enum: one of an EnumDef's values or aliases (yes/no and gender are enums too)
 * - phone: 11-digit mainland mobile (warning only)
 * - semester: "YYYY-YYYY-1|2" and the listed Chinese forms
 */
export type ColumnType =
  | { kind: 'personName' }
  | { kind: 'text'; minLength?: number; maxLength?: number }
  | { kind: 'idNumber' }
  | { kind: 'date' }
  | { kind: 'yearMonth' }
  | { kind: 'number'; min: number; minExclusive?: boolean; max: number; step?: number; units: readonly string[] }
  | { kind: 'integer'; min: number; max: number; units: readonly string[] }
  | { kind: 'enum'; def: EnumDef; boolean?: boolean }
  | { kind: 'phone' }
  | { kind: 'semester' };

/**
 * required: 'yes', 'no', or a condition on the same row's normalized values (任现职时间 when the post
 * is 校长/副校长; 称号级别 when 骨干称号 is not 无).
 */
export type Requirement =
  | 'yes'
  | 'no'
  | { when: string; in: readonly string[] }
  | { when: string; notIn: readonly string[] };

export interface ColumnDef {
  key: string;
  header: string;
  aliases: readonly string[];
  type: ColumnType;
  required: Requirement;
  /** The value an empty optional cell stands for (骨干称号 empty = 无). */
  emptyMeans?: string;
  /** Column width for the template writer, in Excel character units. */
  width: number;
}

/** K is the sheet's key: a ledger sheet's by default; the catalogue workbook has its own keys. */
export interface SheetDef<K extends string = SheetKey> {
  key: K;
  name: string;
  aliases: readonly string[];
  required: boolean;
  columns: readonly ColumnDef[];
  /** 学校概况 may also be a two-column key/value sheet. */
  keyValue?: boolean;
}

const ID_ALIASES = ['身份证号码', '证件号码', '公民身份号码', '身份证'] as const;
const NAME_ALIASES = ['教师姓名'] as const;

const yesNo: ColumnType = { kind: 'enum', def: YES_NO, boolean: true };

/**
 * Upper bounds of money and counts (issue 12: a budget of 1e308 was stored). Each is far above
 * anything real, so it only refuses typing slips and nonsense; docs/VALIDATION.md gives the reasons.
 * - Money in 元: 1,000,000,000 (10亿). A very large school (10,000 pupils) at a generous 10,000 元 of
 *   public funds a pupil is 1亿; the national minimum is 650–850 元 a pupil.
 * - Lessons a semester: 1,000. A 20-week semester has about 100 school days of at most 8 periods,
 *   800 periods in all: no teacher teaches or observes more.
 * - Other duties a semester (group preparations, lectures, small projects): 100, one a school day.
 */
export const MONEY_MAX = 1_000_000_000;
export const LESSONS_MAX = 1_000;
export const DUTIES_MAX = 100;

/** The units template.md lets a 学时 cell carry ("3.5学时", "3.5 小时", "3.5h"). */
export const HOUR_UNITS: readonly string[] = ['学时', '小时', '课时', 'h'];
const MONEY_UNITS = ['元'] as const;
const COUNT_UNITS = ['节', '节课', '次', '个', '项'] as const;
const money: ColumnType = { kind: 'number', min: 0, max: MONEY_MAX, units: MONEY_UNITS };
const lessons: ColumnType = { kind: 'integer', min: 0, max: LESSONS_MAX, units: COUNT_UNITS };
const duties: ColumnType = { kind: 'integer', min: 0, max: DUTIES_MAX, units: COUNT_UNITS };

function col(
  key: string,
  header: string,
  type: ColumnType,
  required: Requirement,
  opts: { aliases?: readonly string[]; emptyMeans?: string; width?: number } = {},
): ColumnDef {
  return {
    key,
    header,
    type,
    required,
    aliases: opts.aliases ?? [],
    emptyMeans: opts.emptyMeans,
    width: opts.width ?? 12,
  };
}

export const SCHOOL_SHEET: SheetDef = {
  key: 'school',
  name: '学校概况',
  aliases: ['学校信息', '基本情况'],
  required: true,
  keyValue: true,
  columns: [
    col('schoolCode', '学校代码', { kind: 'text', minLength: 1, maxLength: 20 }, 'yes', { width: 14 }),
    col('schoolName', '学校名称', { kind: 'text', minLength: 1, maxLength: 100 }, 'yes', { width: 28 }),
    col('schoolType', '学校类型', { kind: 'enum', def: SCHOOL_TYPES }, 'yes'),
    col('rural', '是否农村学校', yesNo, 'yes'),
    col('publicBudget', '年度公用经费预算（元）', money, 'yes', { width: 16 }),
    col('trainingFunds', '教师培训经费（元）', money, 'yes', { width: 16 }),
    col('planSubmittedOn', '校本培训方案提交日期', { kind: 'date' }, 'no', { width: 14 }),
  ],
};

export const TEACHERS_SHEET: SheetDef = {
  key: 'teachers',
  name: '教师名册',
  aliases: ['教师花名册', '教师信息', '名册'],
  required: true,
  columns: [
    col('name', '姓名', { kind: 'personName' }, 'yes', { aliases: NAME_ALIASES, width: 10 }),
    col('idNumber', '身份证号', { kind: 'idNumber' }, 'yes', { aliases: ID_ALIASES, width: 21 }),
    col('gender', '性别', { kind: 'enum', def: GENDERS }, 'yes', { width: 6 }),
    col('birthDate', '出生日期', { kind: 'yearMonth' }, 'no', { aliases: ['出生年月'] }),
    col('phone', '联系电话', { kind: 'phone' }, 'no', { aliases: ['手机号', '手机号码', '电话'], width: 13 }),
    col('stage', '任教学段', { kind: 'enum', def: STAGES }, 'yes', { aliases: ['学段'] }),
    col('subject', '任教学科', { kind: 'enum', def: SUBJECTS }, 'yes', { aliases: ['学科'] }),
    col('title', '职称', { kind: 'enum', def: TITLES }, 'yes', { aliases: ['专业技术职务', '职称等级'] }),
    col('education', '最高学历', { kind: 'enum', def: EDUCATIONS }, 'yes', { aliases: ['学历'] }),
    col('startDate', '参加工作时间', { kind: 'yearMonth' }, 'yes', {
      aliases: ['参工时间', '工作时间', '任教时间'],
      width: 13,
    }),
    col('post', '岗位', { kind: 'enum', def: POSTS }, 'yes', { aliases: ['职务'] }),
    col(
      'postStartDate',
      '任现职时间',
      { kind: 'date' },
      { when: 'post', in: ['校长', '副校长'] },
      { aliases: ['任职时间'] },
    ),
    col('backbone', '骨干称号', { kind: 'enum', def: BACKBONE_TITLES }, 'no', {
      aliases: ['骨干等级', '荣誉称号'],
      emptyMeans: '无',
      width: 14,
    }),
    col(
      'backboneLevel',
      '称号级别',
      { kind: 'enum', def: BACKBONE_LEVELS },
      { when: 'backbone', notIn: ['无'] },
      { aliases: ['认定级别'] },
    ),
    col('studioRole', '工作室角色', { kind: 'enum', def: STUDIO_ROLES }, 'no', {
      aliases: ['名师工作室角色'],
      emptyMeans: '无',
    }),
    col('transferred', '是否转岗教师', yesNo, 'no', { aliases: ['是否转岗'], emptyMeans: '否' }),
    col('note', '备注', { kind: 'text' }, 'no', { width: 20 }),
  ],
};

export const TRAININGS_SHEET: SheetDef = {
  key: 'trainings',
  name: '培训记录',
  aliases: ['培训台账', '学时登记', '继续教育记录'],
  required: true,
  columns: [
    col('idNumber', '身份证号', { kind: 'idNumber' }, 'yes', { aliases: ID_ALIASES, width: 21 }),
    col('name', '姓名', { kind: 'text' }, 'yes', { aliases: NAME_ALIASES, width: 10 }),
    col('course', '培训项目', { kind: 'text', minLength: 2, maxLength: 100 }, 'yes', {
      aliases: ['培训名称', '项目名称', '培训内容'],
      width: 30,
    }),
    col('level', '培训级别', { kind: 'enum', def: TRAINING_LEVELS }, 'yes', { aliases: ['级别'] }),
    col('category', '培训类别', { kind: 'enum', def: TRAINING_CATEGORIES }, 'yes', { aliases: ['类别'] }),
    col('form', '培训形式', { kind: 'enum', def: TRAINING_FORMS }, 'yes', { aliases: ['形式'] }),
    col('startDate', '开始日期', { kind: 'date' }, 'yes', { aliases: ['起始日期', '培训开始时间'] }),
    col('endDate', '结束日期', { kind: 'date' }, 'yes', { aliases: ['截止日期', '培训结束时间'] }),
    col(
      'hours',
      '学时',
      { kind: 'number', min: 0, minExclusive: true, max: 300, step: 0.5, units: HOUR_UNITS },
      'yes',
      { aliases: ['培训学时', '学时数'], width: 8 },
    ),
    col('organizer', '主办单位', { kind: 'text' }, 'no', { aliases: ['组织单位', '培训机构'], width: 20 }),
    col('certificate', '证书编号', { kind: 'text' }, 'no', { aliases: ['结业证书编号'], width: 16 }),
    // The bureau's code of the training in its catalogue (archive.md): the server matches it later.
    col('catalogueCode', '项目编号', { kind: 'text' }, 'no', { aliases: ['培训项目编号', '项目代码'], width: 14 }),
  ],
};

export const DUTIES_SHEET: SheetDef = {
  key: 'duties',
  name: '骨干履职',
  aliases: ['骨干教师履职', '工作室履职'],
  required: false,
  columns: [
    col('idNumber', '身份证号', { kind: 'idNumber' }, 'yes', { aliases: ID_ALIASES, width: 21 }),
    col('name', '姓名', { kind: 'text' }, 'yes', { aliases: NAME_ALIASES, width: 10 }),
    col('semester', '学期', { kind: 'semester' }, 'yes', { width: 14 }),
    col('demoLessonsHome', '示范课节数（本校）', lessons, 'yes'),
    col('demoLessonsGuided', '示范课节数（被指导校）', lessons, 'yes'),
    col('observedLessons', '听课节数', lessons, 'yes'),
    col('groupPreps', '指导集体备课次数', duties, 'yes'),
    col('lectures', '专题讲座次数', duties, 'yes'),
    col('projectLed', '主持课题', { kind: 'text' }, 'no', { width: 24 }),
    col('smallProjects', '指导小课题数', duties, 'yes'),
  ],
};

export const MILESTONES_SHEET: SheetDef = {
  key: 'milestones',
  name: '青年教师考核',
  aliases: ['三达标考核', '青年教师三达标'],
  required: false,
  columns: [
    col('idNumber', '身份证号', { kind: 'idNumber' }, 'yes', { aliases: ID_ALIASES, width: 21 }),
    col('name', '姓名', { kind: 'text' }, 'yes', { aliases: NAME_ALIASES, width: 10 }),
    col('milestone', '考核项目', { kind: 'enum', def: MILESTONES }, 'yes', { width: 14 }),
    col('result', '考核结果', { kind: 'enum', def: MILESTONE_RESULTS }, 'yes'),
    col('date', '考核日期', { kind: 'date' }, 'yes'),
  ],
};

export const SHEETS: Readonly<Record<SheetKey, SheetDef>> = {
  school: SCHOOL_SHEET,
  teachers: TEACHERS_SHEET,
  trainings: TRAININGS_SHEET,
  duties: DUTIES_SHEET,
  milestones: MILESTONES_SHEET,
};

export const SHEET_LIST: readonly SheetDef[] = SHEET_ORDER.map((k) => SHEETS[k]);
