/**
 * Every round trip to Excel goes through here: a sync can hang while the service is busy (Excel on
 * the web), so each one has a deadline and fails with a message that says what was being done.
 * Each is also counted per request context, so that an operation reports the round trips it really
 * made (`countSyncs`) rather than a number written next to it.
 */

export class ExcelTimeoutError extends Error {
  readonly code = 'excel.timeout';
  constructor(
    readonly step: string,
    readonly ms: number,
  ) {
    super(`Excel did not answer within ${Math.round(ms / 1000)} s (${step})`);
    this.name = 'ExcelTimeoutError';
  }
}

export const DEFAULT_SYNC_TIMEOUT_MS = 60_000;

/** The part of a request context this layer syncs; office-addin-mock contexts have it too. */
export interface Syncable {
  sync(): Promise<unknown>;
}

const counts = new WeakMap<Syncable, number>();

/** Round trips made through syncWithin on this context so far. */
export function syncCount(context: Syncable): number {
  return counts.get(context) ?? 0;
}

/** Starts counting: the returned function tells how many syncs the context has made since. */
export function countSyncs(context: Syncable): () => number {
  const start = syncCount(context);
  return () => syncCount(context) - start;
}

export async function syncWithin(context: Syncable, step: string, ms = DEFAULT_SYNC_TIMEOUT_MS): Promise<void> {
  // Counted when sent: a sync that times out has still been a round trip Excel may carry out.
  counts.set(context, syncCount(context) + 1);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelTimeoutError(step, ms)), ms);
  });
  try {
    await Promise.race([context.sync(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
