import type { AppEnv } from '../env.js';
export declare const API_VERSION = "1.0.0";
export declare const meta: import("hono/hono-base").HonoBase<AppEnv, {
    "/health": {
        $get: {
            input: {};
            output: {
                ok: true;
                version: string;
                time: string;
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/me": {
        $get: {
            input: {};
            output: {
                role: "clerk" | "reviewer" | "admin";
                label: string;
                school: {
                    code: string;
                    name: string;
                } | null;
                bureau: {
                    id: string;
                    name: string;
                } | null;
            };
            outputFormat: "json";
            status: 200;
        };
    };
}, "/", "/me">;
