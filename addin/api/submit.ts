/**
 * The pane's submission: the one client's (client/submit.ts). Its failures are flat, as every call's
 * are; the pane's current code reads them under `error`, which this adds until the pane's rewrite
 * imports client/ directly.
 */
import { submitWorkbook as submit, type SubmitOptions, type SubmitResult as ClientSubmitResult } from '../../client/index.js';

export { newIdempotencyKey, type SubmitOptions } from '../../client/index.js';

export type SubmitResult =
  | Extract<ClientSubmitResult, { ok: true }>
  | (Extract<ClientSubmitResult, { ok: false }> & { error: { code: string; message: string } });

export async function submitWorkbook(opts: SubmitOptions): Promise<SubmitResult> {
  const result = await submit(opts);
  return result.ok ? result : { ...result, error: { code: result.code, message: result.message } };
}
