/**
 * Every round trip to Excel goes through here: a sync can hang while the service is busy (Excel on
 * the web), so each one has a deadline and fails with a message that says what was being done.
 */
export declare class ExcelTimeoutError extends Error {
    readonly step: string;
    readonly ms: number;
    readonly code = "excel.timeout";
    constructor(step: string, ms: number);
}
export declare const DEFAULT_SYNC_TIMEOUT_MS = 60000;
/** The part of a request context this layer syncs; office-addin-mock contexts have it too. */
export interface Syncable {
    sync(): Promise<unknown>;
}
export declare function syncWithin(context: Syncable, step: string, ms?: number): Promise<void>;
