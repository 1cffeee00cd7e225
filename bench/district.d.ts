import type { DemoTokens } from './local-worker.js';
export interface Prepared {
    code: string;
    token: string;
    body: Uint8Array<ArrayBuffer>;
    counts: {
        teachers: number;
        trainings: number;
        duties: number;
        milestones: number;
    };
}
/** One generated, validated, gzipped workbook per school of the tokens file (seeded: the same every run). */
export declare function prepareDistrict(tokens: DemoTokens, schools: number, teachers: number): Prepared[];
/** One clerk's submission as the clerk's client sends it: gzip, one key kept across retries, If-Match. */
export declare function postSubmission(base: string, token: string, body: Uint8Array<ArrayBuffer>, key: string, ifMatch: number | null): Promise<{
    status: number;
    ms: number;
    json: {
        submission?: {
            id: string;
            version: number;
        };
    } | {
        error: {
            code: string;
        };
    } | null;
    replayed: boolean;
}>;
