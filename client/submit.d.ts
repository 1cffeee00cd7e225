import type { SubmissionSummary } from '../shared/api/responses.js';
import type { Finding } from '../shared/contract/codes.js';
import { type WorkbookGrid } from '../shared/grid.js';
import type { ComplianceReport } from '../shared/policy/types.js';
import { type ApiFailure } from './call.js';
import { type Connection } from './routes.js';
import type { RetryOptions } from './retry.js';
export interface SubmitInput {
    year: number;
    /** The recognized sheets only: nothing else of the clerk's workbook leaves the machine. */
    workbook: WorkbookGrid;
    /** The version the clerk started from, when known: a newer one on the server turns into `conflict`. */
    ifMatch?: number;
    /** Given when the clerk retries a submission that failed: the same key and the same cells. */
    idempotencyKey?: string;
    signal?: AbortSignal;
}
/** Everything one submission needs, for callers without a client at hand (the CLI, the pane). */
export interface SubmitOptions extends SubmitInput, RetryOptions {
    /** The worker's origin, e.g. http://localhost:8787. */
    server: string;
    token: string;
    /** A seam for tests: it sees the gzipped request. */
    fetch?: typeof fetch;
}
export type SubmitResult = {
    ok: true;
    receipt: SubmissionSummary;
    compliance: ComplianceReport;
    idempotencyKey: string;
    attempts: number;
} | (ApiFailure & {
    /** The worker's findings when it rejected the workbook (the same ones validate prints). */
    findings?: Finding[];
    idempotencyKey: string;
});
export declare function submitWorkbook(opts: SubmitOptions): Promise<SubmitResult>;
/** The submission over one connection (createClient's `submissions.submit`). */
export declare function submitOver(conn: Connection, input: SubmitInput, retry?: RetryOptions): Promise<SubmitResult>;
export declare function gzip(text: string): Promise<Uint8Array<ArrayBuffer>>;
/**
 * A v4 UUID. crypto.randomUUID exists only in secure contexts; a page served over plain http from a
 * school's intranet still has getRandomValues.
 */
export declare function newIdempotencyKey(): string;
