/**
 * Every enumerated value of template.md, with its aliases. The column definitions, the Excel
 * dropdown lists, the zod schemas of the records and the docs tables all read these lists.
 */

export interface EnumDef {
  values: readonly string[];
  /** alias → allowed value; matched after trimming and full-width conversion. */
  aliases: Readonly<Record<string, string>>;
}

function def<const V extends readonly string[]>(values: V, aliases: Record<string, V[number]> = {}) {
  return { values, aliases } as const satisfies EnumDef;
}

export const SCHOOL_TYPES = def([
  '幼儿园',
  '小学',
  '初中',
  '高中',
  '九年一贯制',
  '十二年一贯制',
  '完全中学',
  '中职',
  '特殊教育',
] as const);

export const STAGES = def(['幼儿园', '小学', '初中', '高中', '中职', '特殊教育'] as const);

export const SUBJECTS = def(
  [
    '语文',
    '数学',
    '英语',
    '物理',
    '化学',
    '生物',
    '道德与法治',
    '思想政治',
    '历史',
    '地理',
    '科学',
    '信息技术',
    '音乐',
    '体育与健康',
    '美术',
    '心理健康',
    '劳动',
    '综合实践',
    '通用技术',
    '学前教育',
    '特殊教育',
    '其他',
  ] as const,
  {
    政治: '思想政治',
    思品: '道德与法治',
    品德: '道德与法治',
    体育: '体育与健康',
    信息: '信息技术',
    计算机: '信息技术',
    心理: '心理健康',
  },
);

/** The 2015 unified ladder, lowest first: the order is the rank used by the policy. */
export const TITLES = def(['未评', '三级教师', '二级教师', '一级教师', '高级教师', '正高级教师'] as const, {
  中学高级: '高级教师',
  小学中学高级: '高级教师',
  副高: '高级教师',
  副高级: '高级教师',
  中学一级: '一级教师',
  小学高级: '一级教师',
  中级: '一级教师',
  中学二级: '二级教师',
  小学一级: '二级教师',
  助理级: '二级教师',
  初级: '二级教师',
  中学三级: '三级教师',
  小学二级: '三级教师',
  小学三级: '三级教师',
  员级: '三级教师',
  正高: '正高级教师',
  正高级: '正高级教师',
});

/** Lowest first: the order is the rank used by the policy. */
export const EDUCATIONS = def(['高中及以下', '中专', '大专', '本科', '硕士研究生', '博士研究生'] as const);

export const POSTS = def(['专任教师', '校长', '副校长', '中层干部', '教研员', '其他'] as const);

export const BACKBONE_TITLES = def([
  '无',
  '校级骨干教师',
  '区级骨干教师',
  '教学新秀',
  '教学能手',
  '学科带头人',
  '名教师',
  '特级教师',
] as const);

export const BACKBONE_LEVELS = def(['校级', '区级', '市级', '省级'] as const);

export const STUDIO_ROLES = def(['无', '主持人', '核心成员', '发展对象'] as const);

export const TRAINING_LEVELS = def(['国家级', '省级', '市级', '区级', '校级'] as const, {
  县级: '区级',
  县区级: '区级',
  区县级: '区级',
  校本: '校级',
  校本级: '校级',
  部级: '国家级',
  国培: '国家级',
  省培: '省级',
});

export const TRAINING_CATEGORIES = def([
  '师德师风',
  '学科教学',
  '信息技术',
  '班主任',
  '心理健康',
  '新教师入岗',
  '转岗培训',
  '校长任职资格',
  '校长提高',
  '骨干研修',
  '其他',
] as const);

export const TRAINING_FORMS = def(['集中面授', '网络研修', '校本研修', '跟岗学习', '送教送培', '其他'] as const);

export const MILESTONES = def(['教学常规入门', '课堂教学过关', '教学能力达标'] as const);

export const MILESTONE_RESULTS = def(['通过', '未通过'] as const);

export const GENDERS = def(['男', '女'] as const, { 男性: '男', 女性: '女', M: '男', F: '女', m: '男', f: '女' });

export const YES_NO = def(['是', '否'] as const, {
  Y: '是',
  y: '是',
  N: '否',
  n: '否',
  '√': '是',
  '×': '否',
  '1': '是',
  '0': '否',
});

export type SchoolType = (typeof SCHOOL_TYPES.values)[number];
export type Stage = (typeof STAGES.values)[number];
export type Subject = (typeof SUBJECTS.values)[number];
export type Title = (typeof TITLES.values)[number];
export type Education = (typeof EDUCATIONS.values)[number];
export type Post = (typeof POSTS.values)[number];
export type BackboneTitle = (typeof BACKBONE_TITLES.values)[number];
export type BackboneLevel = (typeof BACKBONE_LEVELS.values)[number];
export type StudioRole = (typeof STUDIO_ROLES.values)[number];
export type TrainingLevel = (typeof TRAINING_LEVELS.values)[number];
export type TrainingCategory = (typeof TRAINING_CATEGORIES.values)[number];
export type TrainingForm = (typeof TRAINING_FORMS.values)[number];
export type Milestone = (typeof MILESTONES.values)[number];
export type MilestoneResult = (typeof MILESTONE_RESULTS.values)[number];
export type Gender = (typeof GENDERS.values)[number];
