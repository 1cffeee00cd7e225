import { z } from 'zod';
import { type TeacherRule } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    required: z.ZodNumber;
    category: z.ZodEnum<{
        信息技术: "信息技术";
        心理健康: "心理健康";
        其他: "其他";
        师德师风: "师德师风";
        学科教学: "学科教学";
        班主任: "班主任";
        新教师入岗: "新教师入岗";
        转岗培训: "转岗培训";
        校长任职资格: "校长任职资格";
        校长提高: "校长提高";
        骨干研修: "骨干研修";
    }>;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
export declare const ethicsTraining: TeacherRule<Params>;
export {};
