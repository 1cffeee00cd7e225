import { z } from 'zod';
import { type TeacherRule } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    roles: z.ZodArray<z.ZodEnum<{
        无: "无";
        主持人: "主持人";
        核心成员: "核心成员";
        发展对象: "发展对象";
    }>>;
    minEducation: z.ZodEnum<{
        高中及以下: "高中及以下";
        中专: "中专";
        大专: "大专";
        本科: "本科";
        硕士研究生: "硕士研究生";
        博士研究生: "博士研究生";
    }>;
    minTitle: z.ZodEnum<{
        未评: "未评";
        三级教师: "三级教师";
        二级教师: "二级教师";
        一级教师: "一级教师";
        高级教师: "高级教师";
        正高级教师: "正高级教师";
    }>;
    minServiceYears: z.ZodNumber;
    serviceCountedOn: z.ZodString;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
export declare const backboneEligibility: TeacherRule<Params>;
export {};
