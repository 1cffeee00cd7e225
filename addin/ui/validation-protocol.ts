/** The messages between the pane and its validation Web Worker (grids cross by structured clone). */
import type { Lang } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import type { ValidationResult } from '../../shared/validate/types.js';

export interface ValidationRequest {
  id: number;
  grid: WorkbookGrid;
  year: number;
  lang: Lang;
  /** YYYY-MM-DD; the policy's default for the year when absent. */
  asOf?: string;
}

export type ValidationResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: ValidationResult; compliance: ComplianceReport | null; complianceError: string | null }
  | { type: 'error'; id: number; message: string };

export type ValidationOutcome = Extract<ValidationResponse, { type: 'result' }>;
