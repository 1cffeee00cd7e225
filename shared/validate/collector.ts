/**
 * Collects findings and fixes with their sort position, and builds each message only when a
 * finding is actually made (most cells make none).
 */
import type { Finding, FindingCode, Fix, FixCode, Lang, ReportValue, Severity } from '../contract/codes.js';
import { FINDING_CODES } from '../contract/codes.js';
import { findingMessage, type MessageDetails } from '../contract/messages.js';
import { a1, type CellValue, isCellError } from '../grid.js';
import { isoDateOf } from '../normalize/date-parts.js';

/** Where a finding or fix sits: the sheet's rank in template.md order (unknown sheets last). */
export interface SheetPlace {
  name: string | null;
  rank: number;
}

interface Entry<T> {
  item: T;
  rank: number;
  row: number;
  col: number;
}

/** A cell's value as reports show it: a Date as YYYY-MM-DD, an error value as its text. */
export function reportValue(v: CellValue | undefined): ReportValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return isoDateOf(v);
  if (isCellError(v)) return v.error;
  return v;
}

export class Collector {
  private readonly findings: Entry<Finding>[] = [];
  private readonly fixes: Entry<Fix>[] = [];
  errors = 0;
  warnings = 0;

  constructor(private readonly lang: Lang) {}

  /**
   * rowIndex and colIndex are zero-based; null for sheet- and column-level findings. `severity` is
   * the code's own unless the code's severity depends on the sheet (SHEET_EMPTY_SEVERITY).
   */
  add(
    code: FindingCode,
    sheet: SheetPlace,
    rowIndex: number | null,
    colIndex: number | null,
    column: string | null,
    value: ReportValue,
    details: MessageDetails,
    severity: Severity = FINDING_CODES[code],
  ): void {
    if (severity === 'error') this.errors++;
    else if (severity === 'warning') this.warnings++;
    const cell = rowIndex !== null && colIndex !== null ? a1(rowIndex, colIndex) : null;
    this.findings.push({
      item: {
        severity,
        code,
        sheet: sheet.name,
        cell,
        row: rowIndex === null ? null : rowIndex + 1,
        column,
        value,
        message: findingMessage(code, details, this.lang),
      },
      rank: sheet.rank,
      row: rowIndex ?? -1,
      col: colIndex ?? -1,
    });
  }

  fix(
    code: FixCode,
    sheet: SheetPlace & { name: string },
    rowIndex: number,
    colIndex: number,
    column: string,
    from: ReportValue,
    to: ReportValue,
  ): void {
    this.fixes.push({
      item: { code, sheet: sheet.name, cell: a1(rowIndex, colIndex), row: rowIndex + 1, column, from, to },
      rank: sheet.rank,
      row: rowIndex,
      col: colIndex,
    });
  }

  sortedFindings(): Finding[] {
    return sortEntries(this.findings);
  }

  sortedFixes(): Fix[] {
    return sortEntries(this.fixes);
  }
}

function sortEntries<T>(entries: Entry<T>[]): T[] {
  // Array.prototype.sort is stable, so findings of one cell keep the order they were made in.
  return entries.sort((a, b) => a.rank - b.rank || a.row - b.row || a.col - b.col).map((e) => e.item);
}
