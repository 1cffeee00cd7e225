/** A bureau's policy file and deadline per year; absent = the default policy and 31 Dec. */
import { type ResolvedPolicy } from '../../shared/policy/index.js';
export interface PolicyRow {
    bureau_id: string;
    year: number;
    json: string | null;
    deadline: string | null;
    updated_at: string;
}
export declare function getPolicyRow(db: D1Database, bureauId: string, year: number): any;
export declare const defaultDeadline: (year: number) => string;
export declare function policyFor(db: D1Database, bureauId: string, year: number): Promise<ResolvedPolicy>;
export declare function putPolicy(db: D1Database, p: {
    bureauId: string;
    year: number;
    json: string;
    deadline: string | null;
    by: string;
    at: string;
}): Promise<void>;
