/**
 * What identifies a submission's content, apart from the request schemas (submission.ts) so that
 * a client can use it without loading zod.
 */
import type { Records } from '../records.js';

/**
 * What a submission's content_hash is the SHA-256 of: its validated records as JSON, so that the
 * same ledger sent again (from the pane or the CLI, however its cells were encoded) is recognised as
 * unchanged — by the worker, and by a client before it sends anything.
 */
export function recordsContent(records: Records): string {
  const { school, teachers, trainings, duties, milestones } = records;
  return JSON.stringify({ school, teachers, trainings, duties, milestones });
}
