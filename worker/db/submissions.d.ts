/** Reading stored versions back: the summary every list shows, the compliance report, the diff. */
import type { SubmissionDiff, SubmissionStatus, SubmissionSummary } from '../../shared/api/responses.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import type { Auth } from '../env.js';
export interface SubmissionRow {
    id: string;
    school_code: string;
    school_name: string;
    bureau_id: string;
    year: number;
    version: number;
    status: SubmissionStatus;
    current_id: string | null;
    submitted_by: string;
    submitted_at: string;
    content_hash: string;
    teachers: number;
    trainings: number;
    duties: number;
    milestones: number;
    pass: number;
    warn: number;
    fail: number;
    pass_rate: number;
    policy_id: string;
    as_of: string;
    review_comment: string | null;
    reviewed_by: string | null;
    reviewed_at: string | null;
}
export declare function toSummary(r: SubmissionRow): SubmissionSummary;
/** A stored submission the token may see, or null (the caller answers 404 either way). */
export declare function getVisibleSubmission(db: D1Database, auth: Auth, id: string): Promise<SubmissionRow | null>;
export declare function listVisibleSubmissions(db: D1Database, auth: Auth, filter: {
    year?: number;
    schoolCode?: string;
}): Promise<SubmissionRow[]>;
export declare function currentVersion(db: D1Database, schoolCode: string, year: number): Promise<number>;
export declare function readCompliance(db: D1Database, id: string): Promise<ComplianceReport>;
export declare function diffSubmission(db: D1Database, s: SubmissionRow): Promise<SubmissionDiff>;
export declare function reviewSubmission(db: D1Database, id: string, review: {
    status: 'approved' | 'returned';
    comment: string | null;
    by: string;
    at: string;
}): Promise<boolean>;
