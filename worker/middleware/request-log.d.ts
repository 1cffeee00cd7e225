import type { AppEnv } from '../env.js';
export declare const requestLog: import("hono").MiddlewareHandler<AppEnv, string, {}, Response>;
