/**
 * Policy files: a bureau's JSON that switches rules off or changes their parameters (policy.md,
 * "Policy files"). The file is checked strictly — an unknown rule id or parameter is an error, never
 * ignored — and merged over the defaults of rules/*.
 */
import { z } from 'zod';
import type { Lang } from '../contract/codes.js';
import { type RuleParams } from './rules/index.js';
export interface ResolvedPolicy {
    id: string;
    rules: RuleParams;
}
export declare const DEFAULT_POLICY: ResolvedPolicy;
export declare const policyFileSchema: z.ZodObject<{
    id: z.ZodString;
    rules: z.ZodOptional<z.ZodObject<{
        [x: string]: z.ZodOptional<z.ZodObject<z.core.$ZodLooseShape, z.core.$strip>>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type PolicyFile = z.infer<typeof policyFileSchema>;
/** The file merged over the defaults, or every problem found in it (messages in `lang`). */
export declare function resolvePolicy(file: unknown, lang?: Lang): {
    ok: true;
    policy: ResolvedPolicy;
} | {
    ok: false;
    errors: string[];
};
