/**
 * Inputs of the /api/v1 routes other than the submission body (submission.ts): the worker
 * validates with these schemas and the clients build their requests from the inferred types.
 */
import { z } from 'zod';
import { withoutInvisible } from '../normalize/text.js';
import { maskIdNumbersIn } from '../policy/mask.js';
import { bureauId, isoDate, year } from './fields.js';

/**
 * Free text the worker stores and others read (a review comment, a name, a token label): without
 * the invisible characters template.md removes (a U+202E made a comment display reversed and spoof
 * the reviewer beside it), trimmed, and any full ID number in it masked.
 */
export const storedText = (min: number, max: number) =>
  z
    .string()
    .transform((s) => maskIdNumbersIn(withoutInvisible(s)).trim())
    .pipe(z.string().min(min).max(max));
const schoolCode = z.string().trim().min(1).max(40);

export const yearQuerySchema = z.object({ year: year.optional() });

/** Admins pick the bureau; reviewers are bound to theirs and may omit it. */
export const bureauYearQuerySchema = z.object({ year: year.optional(), bureau: bureauId.optional() });

export const reviewRequestSchema = z
  .object({
    decision: z.enum(['approve', 'return']),
    comment: storedText(0, 2000).optional(),
  })
  .strict()
  .refine((r) => r.decision === 'approve' || (r.comment !== undefined && r.comment.length > 0), {
    message: '退回时必须填写意见 (a comment is required to return a submission)',
    path: ['comment'],
  });
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export const teacherQuerySchema = z.object({
  year: year.optional(),
  bureau: bureauId.optional(),
  school: schoolCode.optional(),
  status: z.enum(['pass', 'warn', 'fail', 'invalid']).optional(),
  rule: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional(),
  /** Name search (substring). */
  q: z.string().trim().min(1).max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
/** What a client asks for (its parameters before the URL turns them into text). */
export type TeacherQuery = Partial<z.output<typeof teacherQuerySchema>>;

export const exportQuerySchema = z.object({
  year: year.optional(),
  bureau: bureauId.optional(),
  format: z.enum(['csv', 'xlsx']).default('csv'),
});

export const policyPutQuerySchema = z.object({
  bureau: bureauId,
  /** The bureau's submission deadline for the year (default 31 Dec). */
  deadline: isoDate.optional(),
});

export const bureauCreateSchema = z.object({ id: bureauId, name: storedText(1, 100) }).strict();
export type BureauCreate = z.infer<typeof bureauCreateSchema>;

export const schoolCreateSchema = z
  .object({
    code: schoolCode,
    name: storedText(1, 100),
    type: storedText(1, 20),
    rural: z.boolean(),
    bureauId,
  })
  .strict();
export type SchoolCreate = z.infer<typeof schoolCreateSchema>;

export const tokenIssueSchema = z
  .object({
    role: z.enum(['clerk', 'reviewer', 'admin']),
    schoolCode: schoolCode.optional(),
    bureauId: bureauId.optional(),
    label: storedText(1, 100),
    /** ISO timestamp in the future; omitted = the default of token-expiry.ts (end of the school year). */
    expiresAt: z.iso.datetime().optional(),
  })
  .strict()
  .refine((t) => (t.role === 'clerk' ? t.schoolCode !== undefined && t.bureauId === undefined : true), {
    message: 'a clerk token needs schoolCode (and no bureauId)',
  })
  .refine((t) => (t.role === 'reviewer' ? t.bureauId !== undefined && t.schoolCode === undefined : true), {
    message: 'a reviewer token needs bureauId (and no schoolCode)',
  })
  .refine((t) => (t.role === 'admin' ? t.bureauId === undefined && t.schoolCode === undefined : true), {
    message: 'an admin token belongs to no school or bureau',
  });
export type TokenIssue = z.infer<typeof tokenIssueSchema>;

/** POST /admin/tokens/:id/renew: a new expiry, or (omitted) the default from today. */
export const tokenRenewSchema = z.object({ expiresAt: z.iso.datetime().optional() }).strict();
export type TokenRenew = z.infer<typeof tokenRenewSchema>;
