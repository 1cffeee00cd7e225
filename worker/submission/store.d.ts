/**
 * Storing a version as a list of named steps. Every step before `commit` writes only rows of the
 * new submission id (status 'staging'), which nobody reads; `commit` is one D1 batch (one
 * transaction) that moves the school's current pointer — guarded by the version the clerk started
 * from, and only when every staged row is there — marks the version stored and records the
 * idempotency key. A failure anywhere leaves the previous version current and complete; the failed
 * request removes its staging rows (and any submission sweeps leftovers older than an hour), and the
 * retry with the same key stores exactly one new version.
 */
import type { FaultHook } from '../env.js';
import { type PreparedSubmission } from './prepare.js';
export declare const STORE_STEPS: readonly ["clear-stale", "stage-submission", "stage-teachers", "stage-trainings", "stage-duties", "stage-milestones", "commit", "respond"];
export type StoreStep = (typeof STORE_STEPS)[number];
export interface StoreInput {
    id: string;
    schoolCode: string;
    year: number;
    version: number;
    /** The version the pointer must still be at (0 = no version yet). */
    expectedVersion: number;
    tokenId: string;
    submittedBy: string;
    submittedAt: string;
    idempotencyKey: string;
    requestHash: string;
    prepared: PreparedSubmission;
}
export type CommitOutcome = {
    ok: true;
} | {
    ok: false;
    currentVersion: number;
};
/** Rows as JSON arrays of at most CHUNK_BYTES each. */
export declare function chunkRows(rows: unknown[][]): string[];
export declare function discardStaging(db: D1Database, submissionId: string): Promise<void>;
export declare function storeSubmission(db: D1Database, input: StoreInput, faults?: FaultHook): Promise<CommitOutcome>;
