/** What every page needs: who is signed in, which bureau and year, and how to report that its data is shown. */

import type { Scope } from '../../client/index.js';
import type { Me } from '../../shared/api/responses.js';

export interface PageContext {
  me: Me;
  year: number;
  /** Admins look at one bureau at a time; reviewers are bound to theirs (null). */
  bureau: string | null;
  /** False once the reviewer has navigated elsewhere: a late answer must not overwrite the new page. */
  isCurrent(): boolean;
  /** Marks the page's data as shown (load time is measured from the navigation to here). */
  ready(): void;
}

/** The year (and, for an admin, the bureau) that every bureau call carries. */
export function scope(ctx: PageContext): Scope {
  return ctx.bureau ? { year: ctx.year, bureau: ctx.bureau } : { year: ctx.year };
}
