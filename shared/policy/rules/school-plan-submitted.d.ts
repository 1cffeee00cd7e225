import { z } from 'zod';
import { type SchoolRule } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    deadline: z.ZodString;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
export declare const schoolPlanSubmitted: SchoolRule<Params>;
export {};
