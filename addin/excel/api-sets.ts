/**
 * Which ExcelApi requirement set each optional feature of the add-in needs. Plain data with no
 * Office types, so that the manifest generator
 * (scripts/manifest.ts) reads the same minimum the add-in is written against, and the requirement-set
 * audit (scripts/excel-api-audit.ts) checks every guard against these versions.
 *
 * The minimum is what reading and marking need: values and valueTypes (ExcelApi 1.1), which every
 * Excel that runs add-ins has, Excel 2016 bought outright included.
 */
export const MIN_EXCEL_API = '1.1';

export const FEATURES = {
  /** Worksheet.visibility set: the add-in's own sheets (flags, lists) kept very hidden. */
  hideSheets: '1.2',
  /** RangeFormat.columnWidth: the template's and report sheets' column widths. */
  columnWidths: '1.2',
  /** getUsedRangeOrNullObject: an empty sheet told without reading its first cell. */
  nullObjects: '1.4',
  /** Range.conditionalFormats: marks that never touch the clerk's own fills; report rows by status. */
  conditionalFormats: '1.6',
  /** Application.suspendApiCalculationUntilNextSync: no recalculation while writing. */
  suspendCalculation: '1.6',
  /** Worksheet.freezePanes: the header row stays in view. */
  freezePanes: '1.7',
  /** Range.dataValidation: the template's dropdown lists. */
  dataValidation: '1.8',
  /** Application.suspendScreenUpdatingUntilNextSync: no repaint while writing. */
  suspendScreenUpdating: '1.9',
  /** Workbook.comments: messages beside their cells when notes are missing. */
  comments: '1.10',
  /** Workbook.notes: messages beside their cells. */
  notes: '1.18',
} as const satisfies Record<string, string>;

export type Feature = keyof typeof FEATURES;

/** "1.10" → [1, 10]; compares as numbers, so 1.10 is above 1.9. */
export function parseApiVersion(version: string): [number, number] {
  const m = /^(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`not an API version: ${version}`);
  return [Number(m[1]), Number(m[2])];
}

export function compareApiVersions(a: string, b: string): number {
  const [am, an] = parseApiVersion(a);
  const [bm, bn] = parseApiVersion(b);
  return am - bm || an - bn;
}

/** Every ExcelApi version the add-in knows of, oldest first (the last is the newest it was tested on). */
export const KNOWN_EXCEL_API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);
