/**
 * When clerk and reviewer tokens expire by default: at the end of the school year (31 August,
 * midnight Beijing time), when staff change. A token issued or renewed in June, July or August
 * already belongs to the next school year and runs to the end of that one, so a token never lasts
 * less than three months or more than fifteen. Admin tokens (IT staff, `admin init`) do not
 * expire unless the admin gives a date.
 */
import { todayInBeijing } from '../policy/as-of.js';

/** 1 September 00:00 in Beijing (UTC+8) is 31 August 16:00 UTC. */
const END_OF_SCHOOL_YEAR_UTC = 'T16:00:00.000Z';

export function defaultTokenExpiry(role: 'clerk' | 'reviewer' | 'admin', now: Date): string | null {
  if (role === 'admin') return null;
  const today = todayInBeijing(now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const endYear = month >= 6 ? year + 1 : year;
  return `${endYear}-08-31${END_OF_SCHOOL_YEAR_UTC}`;
}

/** The last day (Beijing) a token with this expiry can be used: what people are told. */
export function lastValidDay(expiresAt: string): string {
  return todayInBeijing(new Date(Date.parse(expiresAt) - 1));
}
