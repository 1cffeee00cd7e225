import type { Finding, Fix, Lang } from '../contract/codes.js';
import type { SheetKey } from '../contract/sheets.js';
import type { Records } from '../records.js';

export interface ValidateOptions {
  /** The submission year: bounds dates (≤ 31 Dec of it) and ID birth dates (≤ 31 Dec of it − 18). */
  year: number;
  lang?: Lang;
  /** Called now and then on long runs with rows done and rows in all. */
  onProgress?: (done: number, total: number) => void;
}

/** Where a known sheet was found: lets the add-in and the fix writer map keys back to cells. */
export interface DetectedSheet<K extends string = SheetKey> {
  key: K;
  /** The sheet's name as it stands in the workbook. */
  name: string;
  /** Index of the sheet in WorkbookGrid.sheets. */
  index: number;
  /** 1-based header row; null for a key/value 学校概况 or when no header row was found. */
  headerRow: number | null;
  /** Column key → zero-based column index, for the columns found. */
  columns: Record<string, number>;
}

export interface ValidationCounts {
  teachers: number;
  trainings: number;
  duties: number;
  milestones: number;
  errors: number;
  warnings: number;
  fixes: number;
}

export interface ValidationResult {
  ok: boolean;
  year: number;
  counts: ValidationCounts;
  /** Sorted by sheet (template.md order, unknown sheets last), then row, then column. */
  findings: Finding[];
  fixes: Fix[];
  records: Records;
  sheets: DetectedSheet[];
}
