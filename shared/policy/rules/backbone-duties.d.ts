import { z } from 'zod';
import { type TeacherRule, type Text } from './define.js';
declare const params: z.ZodObject<{
    enabled: z.ZodBoolean;
    roles: z.ZodArray<z.ZodEnum<{
        无: "无";
        主持人: "主持人";
        核心成员: "核心成员";
        发展对象: "发展对象";
    }>>;
    demoLessons: z.ZodNumber;
    demoLessonsGuided: z.ZodNumber;
    observedLessons: z.ZodNumber;
    groupPreps: z.ZodNumber;
    lectures: z.ZodNumber;
    smallProjects: z.ZodNumber;
    projectsLedPerYear: z.ZodNumber;
}, z.core.$strict>;
type Params = z.infer<typeof params>;
interface Semester {
    code: string;
    /** Last day of the semester, YYYY-MM-DD. */
    end: string;
    label: Text;
}
/** The two semesters that make up year Y: spring (Y-1)-Y-2 and autumn Y-(Y+1)-1. */
export declare function semestersOf(y: number): {
    spring: Semester;
    autumn: Semester;
};
export declare const backboneDuties: TeacherRule<Params>;
export {};
