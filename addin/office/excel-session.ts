/**
 * The pane's operations on the open workbook, each one Excel.run over the plain functions of
 * addin/excel/, with the marks registry kept in the document's settings (so that a later session,
 * or another computer, clears what this one marked). The pane calls these and shows what they
 * return; `caps` is HostInfo.caps from detectHost().
 */
import type { Finding, Fix, Lang } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { TemplateOptions } from '../../workbook/write-template.js';
import { type ApplyFixesOutcome, applyFixes, selectCell } from '../excel/apply-fixes.js';
import type { ExcelCaps } from '../excel/caps.js';
import { createTemplate, type TemplateOutcome } from '../excel/create-template.js';
import {
  type ClearResult,
  clearMarks,
  type MarkRegistry,
  type MarkResult,
  markFindings,
} from '../excel/mark-findings.js';
import { readWorkbook } from '../excel/read-workbook.js';
import { type ReportSheetOutcome, type ReportSheetSpec, writeReportSheet } from '../excel/report-sheet.js';
import { documentSetting, setDocumentSetting } from './helpers.js';

/** The document setting that holds the MarkRegistry (the same key the pane has always used). */
export const MARKS_KEY = 'shixun.marks';

export interface ExcelValidation<T> {
  /** What `validate` returned. */
  outcome: T;
  /** The grid that was read (what a submission sends). */
  grid: WorkbookGrid;
  /** How the findings were marked: style, cells, notes or findings-sheet rows. */
  marks: MarkResult;
  /** Round trips of the read and the marking together, as counted. */
  syncs: number;
}

export interface ValidateInExcelOptions<T> {
  caps: ExcelCaps;
  /** Runs the validator on the grid (the pane's Web Worker) and says which findings to mark. */
  validate: (grid: WorkbookGrid) => Promise<{ outcome: T; findings: readonly Finding[] }>;
  /** Called with cells read and cells in all while reading. */
  onProgress?: (done: number, total: number) => void;
  /** Language of the findings sheet (Excel below ExcelApi 1.10). */
  lang?: Lang;
}

/**
 * Reads, validates and marks in one Excel.run: the objects of the earlier marks that the read finds
 * are removed in the marking batch, so re-validating costs no extra round trip.
 */
export function validateInExcel<T>(opts: ValidateInExcelOptions<T>): Promise<ExcelValidation<T>> {
  return Excel.run(async (context) => {
    const read = await readWorkbook(context, {
      caps: opts.caps,
      marks: documentSetting<MarkRegistry>(MARKS_KEY),
      onProgress: opts.onProgress,
    });
    const { outcome, findings } = await opts.validate(read.grid);
    const marks = await markFindings(context, read, findings, opts.caps, { lang: opts.lang });
    await setDocumentSetting(MARKS_KEY, marks.registry);
    return { outcome, grid: read.grid, marks, syncs: read.syncs + marks.syncs };
  });
}

/** Removes every mark, note and the findings sheet; keeps in the document what this Excel cannot remove. */
export function clearMarksInExcel(caps: ExcelCaps): Promise<ClearResult> {
  return Excel.run(async (context) => {
    const out = await clearMarks(context, documentSetting<MarkRegistry>(MARKS_KEY), caps);
    await setDocumentSetting(MARKS_KEY, out.remaining);
    return out;
  });
}

/** Takes the clerk to a finding's cell. */
export function selectInExcel(sheet: string, cell: string): Promise<void> {
  return Excel.run((context) => selectCell(context, sheet, cell));
}

export function applyFixesInExcel(caps: ExcelCaps, fixes: readonly Fix[]): Promise<ApplyFixesOutcome> {
  return Excel.run((context) => applyFixes(context, fixes, caps));
}

export function createTemplateInExcel(caps: ExcelCaps, options: TemplateOptions = {}): Promise<TemplateOutcome> {
  return Excel.run((context) => createTemplate(context, caps, options));
}

export function writeReportInExcel(caps: ExcelCaps, spec: ReportSheetSpec): Promise<ReportSheetOutcome> {
  return Excel.run((context) => writeReportSheet(context, spec, caps));
}
