/**
 * Inputs of the /api/v1 routes other than the submission body (submission.ts): the worker
 * validates with these schemas and the clients build their requests from the inferred types.
 */
import { z } from 'zod';
export declare const yearQuerySchema: z.ZodObject<{
    year: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
}, z.core.$strip>;
/** Admins pick the bureau; reviewers are bound to theirs and may omit it. */
export declare const bureauYearQuerySchema: z.ZodObject<{
    year: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
    bureau: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export declare const reviewRequestSchema: z.ZodObject<{
    decision: z.ZodEnum<{
        approve: "approve";
        return: "return";
    }>;
    comment: z.ZodOptional<z.ZodString>;
}, z.core.$strict>;
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;
export declare const teacherQuerySchema: z.ZodObject<{
    year: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
    bureau: z.ZodOptional<z.ZodString>;
    school: z.ZodOptional<z.ZodString>;
    status: z.ZodOptional<z.ZodEnum<{
        pass: "pass";
        warn: "warn";
        fail: "fail";
        invalid: "invalid";
    }>>;
    rule: z.ZodOptional<z.ZodString>;
    q: z.ZodOptional<z.ZodString>;
    page: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
    pageSize: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
}, z.core.$strip>;
/** What a client asks for (its parameters before the URL turns them into text). */
export type TeacherQuery = Partial<z.output<typeof teacherQuerySchema>>;
export declare const exportQuerySchema: z.ZodObject<{
    year: z.ZodOptional<z.ZodCoercedNumber<unknown>>;
    bureau: z.ZodOptional<z.ZodString>;
    format: z.ZodDefault<z.ZodEnum<{
        csv: "csv";
        xlsx: "xlsx";
    }>>;
}, z.core.$strip>;
export declare const policyPutQuerySchema: z.ZodObject<{
    bureau: z.ZodString;
    deadline: z.ZodOptional<z.ZodString>;
}, z.core.$strip>;
export declare const bureauCreateSchema: z.ZodObject<{
    id: z.ZodString;
    name: z.ZodString;
}, z.core.$strict>;
export type BureauCreate = z.infer<typeof bureauCreateSchema>;
export declare const schoolCreateSchema: z.ZodObject<{
    code: z.ZodString;
    name: z.ZodString;
    type: z.ZodString;
    rural: z.ZodBoolean;
    bureauId: z.ZodString;
}, z.core.$strict>;
export type SchoolCreate = z.infer<typeof schoolCreateSchema>;
export declare const tokenIssueSchema: z.ZodObject<{
    role: z.ZodEnum<{
        clerk: "clerk";
        reviewer: "reviewer";
        admin: "admin";
    }>;
    schoolCode: z.ZodOptional<z.ZodString>;
    bureauId: z.ZodOptional<z.ZodString>;
    label: z.ZodString;
    expiresAt: z.ZodOptional<z.ZodISODateTime>;
}, z.core.$strict>;
export type TokenIssue = z.infer<typeof tokenIssueSchema>;
