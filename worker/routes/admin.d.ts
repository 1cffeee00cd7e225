import type { AppEnv } from '../env.js';
export declare const admin: import("hono/hono-base").HonoBase<AppEnv, {
    "/bureaus": {
        $get: {
            input: {};
            output: {
                items: {
                    id: string;
                    name: string;
                    createdAt: string;
                }[];
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/bureaus": {
        $post: {
            input: {
                json: {
                    id: string;
                    name: string;
                };
            };
            output: {
                id: string;
                name: string;
                createdAt: string;
            };
            outputFormat: "json";
            status: 201;
        };
    };
} & {
    "/schools": {
        $get: {
            input: {
                query: {
                    bureau?: string | undefined;
                };
            };
            output: {
                items: {
                    code: string;
                    name: string;
                    type: string;
                    rural: boolean;
                    bureauId: string;
                    createdAt: string;
                }[];
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/schools": {
        $post: {
            input: {
                json: {
                    code: string;
                    name: string;
                    type: string;
                    rural: boolean;
                    bureauId: string;
                };
            };
            output: {
                code: string;
                name: string;
                type: string;
                rural: boolean;
                bureauId: string;
                createdAt: string;
            };
            outputFormat: "json";
            status: 201;
        };
    };
} & {
    "/tokens": {
        $get: {
            input: {};
            output: {
                items: {
                    id: string;
                    role: "clerk" | "reviewer" | "admin";
                    schoolCode: string | null;
                    bureauId: string | null;
                    label: string;
                    createdAt: string;
                    expiresAt: string | null;
                    revokedAt: string | null;
                }[];
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/tokens": {
        $post: {
            input: {
                json: {
                    role: "clerk" | "reviewer" | "admin";
                    label: string;
                    schoolCode?: string | undefined;
                    bureauId?: string | undefined;
                    expiresAt?: string | undefined;
                };
            };
            output: {
                token: string;
                info: {
                    id: string;
                    role: "clerk" | "reviewer" | "admin";
                    schoolCode: string | null;
                    bureauId: string | null;
                    label: string;
                    createdAt: string;
                    expiresAt: string | null;
                    revokedAt: string | null;
                };
            };
            outputFormat: "json";
            status: 201;
        };
    };
} & {
    "/tokens/:id/revoke": {
        $post: {
            input: {
                param: {
                    id: string;
                };
            };
            output: {
                id: string;
                role: "clerk" | "reviewer" | "admin";
                schoolCode: string | null;
                bureauId: string | null;
                label: string;
                createdAt: string;
                expiresAt: string | null;
                revokedAt: string | null;
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/export": {
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
}, "/", "/export">;
