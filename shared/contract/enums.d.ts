/**
 * Every enumerated value of template.md, with its aliases. The column definitions, the Excel
 * dropdown lists, the zod schemas of the records and the docs tables all read these lists.
 */
export interface EnumDef {
    values: readonly string[];
    /** alias → allowed value; matched after trimming and full-width conversion. */
    aliases: Readonly<Record<string, string>>;
}
export declare const SCHOOL_TYPES: {
    readonly values: readonly ["幼儿园", "小学", "初中", "高中", "九年一贯制", "十二年一贯制", "完全中学", "中职", "特殊教育"];
    readonly aliases: Record<string, "幼儿园" | "小学" | "初中" | "高中" | "九年一贯制" | "十二年一贯制" | "完全中学" | "中职" | "特殊教育">;
};
export declare const STAGES: {
    readonly values: readonly ["幼儿园", "小学", "初中", "高中", "中职", "特殊教育"];
    readonly aliases: Record<string, "幼儿园" | "小学" | "初中" | "高中" | "中职" | "特殊教育">;
};
export declare const SUBJECTS: {
    readonly values: readonly ["语文", "数学", "英语", "物理", "化学", "生物", "道德与法治", "思想政治", "历史", "地理", "科学", "信息技术", "音乐", "体育与健康", "美术", "心理健康", "劳动", "综合实践", "通用技术", "学前教育", "特殊教育", "其他"];
    readonly aliases: Record<string, "特殊教育" | "语文" | "数学" | "英语" | "物理" | "化学" | "生物" | "道德与法治" | "思想政治" | "历史" | "地理" | "科学" | "信息技术" | "音乐" | "体育与健康" | "美术" | "心理健康" | "劳动" | "综合实践" | "通用技术" | "学前教育" | "其他">;
};
/** The 2015 unified ladder, lowest first: the order is the rank used by the policy. */
export declare const TITLES: {
    readonly values: readonly ["未评", "三级教师", "二级教师", "一级教师", "高级教师", "正高级教师"];
    readonly aliases: Record<string, "未评" | "三级教师" | "二级教师" | "一级教师" | "高级教师" | "正高级教师">;
};
/** Lowest first: the order is the rank used by the policy. */
export declare const EDUCATIONS: {
    readonly values: readonly ["高中及以下", "中专", "大专", "本科", "硕士研究生", "博士研究生"];
    readonly aliases: Record<string, "高中及以下" | "中专" | "大专" | "本科" | "硕士研究生" | "博士研究生">;
};
export declare const POSTS: {
    readonly values: readonly ["专任教师", "校长", "副校长", "中层干部", "教研员", "其他"];
    readonly aliases: Record<string, "其他" | "专任教师" | "校长" | "副校长" | "中层干部" | "教研员">;
};
export declare const BACKBONE_TITLES: {
    readonly values: readonly ["无", "校级骨干教师", "区级骨干教师", "教学新秀", "教学能手", "学科带头人", "名教师", "特级教师"];
    readonly aliases: Record<string, "无" | "校级骨干教师" | "区级骨干教师" | "教学新秀" | "教学能手" | "学科带头人" | "名教师" | "特级教师">;
};
export declare const BACKBONE_LEVELS: {
    readonly values: readonly ["校级", "区级", "市级", "省级"];
    readonly aliases: Record<string, "校级" | "区级" | "市级" | "省级">;
};
export declare const STUDIO_ROLES: {
    readonly values: readonly ["无", "主持人", "核心成员", "发展对象"];
    readonly aliases: Record<string, "无" | "主持人" | "核心成员" | "发展对象">;
};
export declare const TRAINING_LEVELS: {
    readonly values: readonly ["国家级", "省级", "市级", "区级", "校级"];
    readonly aliases: Record<string, "校级" | "区级" | "市级" | "省级" | "国家级">;
};
export declare const TRAINING_CATEGORIES: {
    readonly values: readonly ["师德师风", "学科教学", "信息技术", "班主任", "心理健康", "新教师入岗", "转岗培训", "校长任职资格", "校长提高", "骨干研修", "其他"];
    readonly aliases: Record<string, "信息技术" | "心理健康" | "其他" | "师德师风" | "学科教学" | "班主任" | "新教师入岗" | "转岗培训" | "校长任职资格" | "校长提高" | "骨干研修">;
};
export declare const TRAINING_FORMS: {
    readonly values: readonly ["集中面授", "网络研修", "校本研修", "跟岗学习", "送教送培", "其他"];
    readonly aliases: Record<string, "其他" | "集中面授" | "网络研修" | "校本研修" | "跟岗学习" | "送教送培">;
};
export declare const MILESTONES: {
    readonly values: readonly ["教学常规入门", "课堂教学过关", "教学能力达标"];
    readonly aliases: Record<string, "教学常规入门" | "课堂教学过关" | "教学能力达标">;
};
export declare const MILESTONE_RESULTS: {
    readonly values: readonly ["通过", "未通过"];
    readonly aliases: Record<string, "通过" | "未通过">;
};
export declare const GENDERS: {
    readonly values: readonly ["男", "女"];
    readonly aliases: Record<string, "男" | "女">;
};
export declare const YES_NO: {
    readonly values: readonly ["是", "否"];
    readonly aliases: Record<string, "是" | "否">;
};
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
