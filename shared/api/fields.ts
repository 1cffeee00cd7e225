/** The fields that several request schemas of /api/v1 share, so that each is checked one way. */
import { z } from 'zod';

/** A calendar year, also as written in a path or query. */
export const year = z.coerce.number().int().min(2000).max(2100);

export const bureauId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and -');

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
