/**
 * What the pane needs from where the workbook lives: Excel (ui/excel-host.ts) or a file opened in a
 * plain browser (standalone/file-host.ts). The pane's code paths are the same for both; only these
 * operations differ.
 */
import type { Fix } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { TemplateOptions } from '../../workbook/write-template.js';
import type { ReportSheetSpec } from '../excel/report-sheet.js';
import type { ValidationOutcome } from './validation-protocol.js';

export type Phase = 'read' | 'validate' | 'mark';

export interface ValidateRun {
  /** Its `run` names it to the worker, which keeps the cells it validated (what a submission sends). */
  outcome: ValidationOutcome;
  /** Round trips to Excel (0 standalone). */
  syncs: number;
  /** Standalone: the serial of the opened file this run read; a run of another file is stale. */
  source?: number;
}

export interface FixRun {
  applied: number;
  skipped: number;
}

export interface WorkbookSource {
  name: string;
  /** Lower-case hex SHA-256 of the file's bytes; null in Excel (the workbook is not a file here). */
  hash: string | null;
}

export interface WorkbookHost {
  kind: 'excel' | 'standalone';
  /**
   * Reads the workbook, runs `validate` on it and marks the findings; null when there is no
   * workbook. `validate(null)`: the file the worker has open, whose cells are there already.
   */
  validate(
    validate: (grid: WorkbookGrid | null) => Promise<ValidationOutcome>,
    progress: (phase: Phase, done: number, total: number) => void,
  ): Promise<ValidateRun | null>;
  clearMarks(): Promise<number>;
  /** Takes the clerk to a finding's cell. */
  select(sheet: string, cell: string): Promise<void>;
  applyFixes(fixes: readonly Fix[]): Promise<FixRun>;
  /**
   * Adds the missing standard sheets (Excel; with the catalogue's codes as 项目编号's dropdown when
   * given) or downloads the empty template (standalone).
   */
  createTemplate(options?: TemplateOptions): Promise<{ added: string[]; kept: string[]; codeDropdown?: boolean }>;
  /** Writes a report sheet (Excel) or shows it in the page (standalone). */
  showReport(spec: ReportSheetSpec): Promise<void>;
  /** The workbook's file: its name and, for a file read here, the SHA-256 of its bytes (for the receipt). */
  source(): WorkbookSource | null;
}
