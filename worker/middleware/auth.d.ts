import type { AppEnv, Role } from '../env.js';
export declare function requireRole(...roles: Role[]): import("hono").MiddlewareHandler<AppEnv, string, {}, Response>;
