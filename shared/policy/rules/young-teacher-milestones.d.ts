import { z } from 'zod';
import { type TeacherRule } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    dueYears: z.ZodObject<{
        教学常规入门: z.ZodNumber;
        课堂教学过关: z.ZodNumber;
        教学能力达标: z.ZodNumber;
    }, z.core.$strict>;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
export declare const youngTeacherMilestones: TeacherRule<Params>;
export {};
