import type { BureauSummary } from '../../shared/api/responses.js';
import type { AppEnv } from '../env.js';
export declare function summaryTable(s: BureauSummary): (string | number)[][];
export declare const bureauExports: import("hono/hono-base").HonoBase<AppEnv, {
    "/summary": {
        $get: {
            input: {
                query: {
                    year?: string | string[] | undefined;
                    bureau?: string | undefined;
                    format?: "csv" | "xlsx" | undefined;
                };
            };
            output: {};
            outputFormat: string;
            status: import("hono/utils/http-status").StatusCode;
        };
    };
} & {
    "/teachers": {
        $get: {
            input: {
                query: {
                    school?: string | undefined;
                    status?: "pass" | "warn" | "fail" | "invalid" | undefined;
                    year?: string | string[] | undefined;
                    bureau?: string | undefined;
                    rule?: string | undefined;
                    q?: string | undefined;
                    format?: "csv" | "xlsx" | undefined;
                };
            };
            output: {};
            outputFormat: string;
            status: import("hono/utils/http-status").StatusCode;
        };
    };
}, "/", "/teachers">;
