/**
 * The benchmarks' worker: `scripts/start.ts` on a loopback port with a fresh temporary D1, in its
 * own process group so that stopping it stops wrangler and workerd too; and SQL straight on that
 * local D1 through `wrangler d1 execute --local`.
 */
import { type ChildProcess } from 'node:child_process';
export declare const sleep: (ms: number) => Promise<unknown>;
/** demo-tokens.json as scripts/start.ts writes it. */
export interface DemoTokens {
    admin: string;
    reviewer: string;
    bureau: {
        id: string;
        name: string;
    };
    year: number;
    schools: {
        code: string;
        name: string;
        token: string;
    }[];
}
export interface LocalWorker {
    base: string;
    tokens: DemoTokens;
    /** The D1 state folder; null for a server this process did not start. */
    persistTo: string | null;
    /** Stops the worker's process group; removes the temporary D1 unless keepData. */
    stop: (opts?: {
        keepData?: boolean;
    }) => Promise<void>;
}
export declare function assertLoopback(url: string): void;
export declare function waitHealthy(base: string, child: ChildProcess | null, ms: number): Promise<void>;
/** A new worker on a fresh temporary D1, or (reuse) again on the D1 a stopped one kept. */
export declare function startLocalWorker(o: {
    port: number;
    schools: number;
    submit?: number;
    reuse?: string;
}, log: (m: string) => void): Promise<LocalWorker>;
export interface SqlResult {
    results: Record<string, unknown>[];
    /** D1's own measure of the statement, in ms (SQLite time, no process or HTTP overhead). */
    duration: number;
}
/** Statements on the local D1 (one --command, or a file for long scripts); one result per statement. */
export declare function sql(persistTo: string, statements: string): SqlResult[];
