/**
 * The submission payload, shared by every client (add-in, standalone page, CLI) and the worker:
 * the cells of the workbook's sheets as read, so that the worker re-runs exactly the validation the
 * clerk saw and reports the same findings at the same cells.
 */
import { z } from 'zod';
export declare const encodedWorkbookSchema: z.ZodObject<{
    sheets: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        rows: z.ZodArray<z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull, z.ZodObject<{
            d: z.ZodString;
        }, z.core.$strict>, z.ZodObject<{
            e: z.ZodString;
        }, z.core.$strict>]>>>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export declare const submissionRequestSchema: z.ZodObject<{
    year: z.ZodNumber;
    workbook: z.ZodObject<{
        sheets: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            rows: z.ZodArray<z.ZodArray<z.ZodUnion<readonly [z.ZodString, z.ZodNumber, z.ZodBoolean, z.ZodNull, z.ZodObject<{
                d: z.ZodString;
            }, z.core.$strict>, z.ZodObject<{
                e: z.ZodString;
            }, z.core.$strict>]>>>;
        }, z.core.$strict>>;
    }, z.core.$strict>;
}, z.core.$strict>;
export type SubmissionRequest = z.infer<typeof submissionRequestSchema>;
