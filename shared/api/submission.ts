/**
 * The submission payload, shared by every client (add-in, standalone page, CLI) and the worker:
 * the cells of the workbook's sheets as read, so that the worker re-runs exactly the validation the
 * clerk saw and reports the same findings at the same cells.
 */
import { z } from 'zod';
import type { Records } from '../records.js';

const encodedCell = z.union([
  z.string().max(32_767),
  z.number().finite(),
  z.boolean(),
  z.null(),
  // A date the reader produced (ISO text): one that is no date would decode to an Invalid Date.
  z
    .object({
      d: z
        .string()
        .max(40)
        .refine((s) => !Number.isNaN(new Date(s).getTime()), 'not a date'),
    })
    .strict(),
  z.object({ e: z.string().max(20) }).strict(),
]);

export const encodedWorkbookSchema = z
  .object({
    sheets: z
      .array(
        z
          .object({ name: z.string().min(1).max(64), rows: z.array(z.array(encodedCell).max(200)).max(200_000) })
          .strict(),
      )
      .max(20),
    // The workbook's 1904 date system: its date serials are read from 1904-01-01.
    date1904: z.boolean().optional(),
  })
  .strict();

export const submissionRequestSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    workbook: encodedWorkbookSchema,
  })
  .strict();

export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;

/**
 * What a submission's content_hash is the SHA-256 of: its validated records as JSON, so that the
 * same ledger sent again (from the pane or the CLI, however its cells were encoded) is recognised as
 * unchanged — by the worker, and by a client before it sends anything.
 */
export function recordsContent(records: Records): string {
  const { school, teachers, trainings, duties, milestones } = records;
  return JSON.stringify({ school, teachers, trainings, duties, milestones });
}
