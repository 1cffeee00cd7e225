/** Small helpers every route shares: the clock, the year default, the bureau a token may read. */
import type { Context } from 'hono';
import { currentYear } from '../../shared/policy/index.js';
import { type BureauRow, getBureau } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
import { ApiError, notFound } from '../errors.js';

export function nowOf(c: Context<AppEnv>): Date {
  return (c.get('options').now ?? (() => new Date()))();
}

/** The current year in Beijing: the year a clerk means by default. */
export function defaultYear(c: Context<AppEnv>): number {
  return currentYear(nowOf(c));
}

/**
 * The bureau a request reads: a reviewer's own (a different ?bureau= is a foreign id: 404), or the
 * one an admin names. A clerk never reaches bureau routes.
 */
export async function bureauOf(c: Context<AppEnv>, requested: string | undefined): Promise<BureauRow> {
  const auth = c.get('auth');
  let id: string | null | undefined = requested;
  if (auth.role !== 'admin') {
    if (requested !== undefined && requested !== auth.bureauId) throw notFound();
    id = auth.bureauId;
  }
  if (!id)
    throw new ApiError(400, 'request.invalid', '请指定 bureau 参数', 'Give ?bureau=', {
      issues: [{ path: ['bureau'], message: 'required for admin tokens' }],
    });
  const bureau = await getBureau(c.env.DB, id);
  if (!bureau) throw notFound();
  return bureau;
}
