/** Small helpers every route shares: the clock, the year default, the bureau a token may read. */
import type { Context } from 'hono';
import { type BureauRow } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
export declare function nowOf(c: Context<AppEnv>): Date;
/** The current year in Beijing: the year a clerk means by default. */
export declare function defaultYear(c: Context<AppEnv>): number;
/**
 * The bureau a request reads: a reviewer's own (a different ?bureau= is a foreign id: 404), or the
 * one an admin names. A clerk never reaches bureau routes.
 */
export declare function bureauOf(c: Context<AppEnv>, requested: string | undefined): Promise<BureauRow>;
