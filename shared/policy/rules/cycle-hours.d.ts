import { z } from 'zod';
import { type TeacherRule } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    hoursPerYear: z.ZodNumber;
    cycleYears: z.ZodNumber;
    firstCycleStart: z.ZodNumber;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
export interface Cycle {
    first: number;
    last: number;
}
/** The cycle that contains year y (cycles tile the calendar both ways from firstCycleStart). */
export declare function cycleOf(y: number, p: Pick<Params, 'cycleYears' | 'firstCycleStart'>): Cycle;
export declare const cycleHours: TeacherRule<Params>;
export {};
