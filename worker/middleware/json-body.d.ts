import type { AppEnv } from '../env.js';
export declare function readLimitedText(req: Request, limit: number): Promise<string>;
export declare const jsonBody: import("hono").MiddlewareHandler<AppEnv, string, {}, Response>;
