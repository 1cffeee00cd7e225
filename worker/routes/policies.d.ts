import type { AppEnv } from '../env.js';
export declare const policies: import("hono/hono-base").HonoBase<AppEnv, {
    "/:year": {
        $get: {
            input: {
                param: {
                    year: string;
                };
            } & {
                query: {
                    year?: string | string[] | undefined;
                    bureau?: string | undefined;
                };
            };
            output: {
                bureauId: string;
                year: number;
                source: "bureau" | "default";
                file: import("hono/utils/types").JSONValue;
                deadline: string;
                updatedAt: string | null;
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/:year": {
        $put: {
            input: {
                param: {
                    year: string;
                };
            } & {
                query: {
                    bureau: string;
                    deadline?: string | undefined;
                };
            } & {
                json?: unknown;
            };
            output: {
                bureauId: string;
                year: number;
                source: "bureau" | "default";
                file: import("hono/utils/types").JSONValue;
                deadline: string;
                updatedAt: string | null;
            };
            outputFormat: "json";
            status: 200;
        };
    };
}, "/", "/:year">;
