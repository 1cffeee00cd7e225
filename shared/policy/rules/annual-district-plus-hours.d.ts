import { z } from 'zod';
import { type TrainingLevel } from '../../contract/enums.js';
import { type TeacherRule, type Text } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    required: z.ZodNumber;
    levels: z.ZodArray<z.ZodEnum<{
        校级: "校级";
        区级: "区级";
        市级: "市级";
        省级: "省级";
        国家级: "国家级";
    }>>;
    proRateStep: z.ZodNumber;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
/** "区级及以上" when the levels are a top slice of the ladder, else the levels listed. */
export declare function levelsLabel(levels: readonly TrainingLevel[]): Text;
export declare const annualDistrictPlusHours: TeacherRule<Params>;
export {};
