import { z } from 'zod';
import { type SchoolRule } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    required: z.ZodNumber;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
export declare const trainingFundsShare: SchoolRule<Params>;
export {};
