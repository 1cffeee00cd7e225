/**
 * Runs the shared validation, and the compliance preview on its records, off the pane's main
 * thread so the pane stays responsive on large rosters. Messages: see ui/validation-client.ts.
 */
import { z } from 'zod';
import { DEFAULT_POLICY, defaultAsOf, evaluateCompliance } from '../shared/policy/index.js';
import { validateWorkbook } from '../shared/validate/index.js';
import type { ValidationOutcome, ValidationRequest, ValidationResponse } from './ui/validation-protocol.js';

// The pane's CSP forbids eval: zod must not try to compile validators with new Function.
z.config({ jitless: true });

const post = (message: ValidationResponse) => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<ValidationRequest>) => {
  const req = event.data;
  try {
    let last = 0;
    const result = validateWorkbook(req.grid, {
      year: req.year,
      lang: req.lang,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - last < 100) return;
        last = now;
        post({ type: 'progress', id: req.id, done, total });
      },
    });
    let compliance: ValidationOutcome['compliance'] = null;
    let complianceError: string | null = null;
    try {
      const asOf = req.asOf ?? defaultAsOf(req.year);
      compliance = evaluateCompliance(result.records, DEFAULT_POLICY, { year: req.year, asOf, lang: req.lang });
    } catch (err) {
      complianceError = err instanceof Error ? err.message : String(err);
    }
    post({ type: 'result', id: req.id, result, compliance, complianceError });
  } catch (err) {
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
});
