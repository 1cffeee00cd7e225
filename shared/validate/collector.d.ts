/**
 * Collects findings and fixes with their sort position, and builds each message only when a
 * finding is actually made (most cells make none).
 */
import type { Finding, FindingCode, Fix, FixCode, Lang, ReportValue } from '../contract/codes.js';
import { type MessageDetails } from '../contract/messages.js';
import { type CellValue } from '../grid.js';
/** Where a finding or fix sits: the sheet's rank in template.md order (unknown sheets last). */
export interface SheetPlace {
    name: string | null;
    rank: number;
}
/** A cell's value as reports show it: a Date as YYYY-MM-DD, an error value as its text. */
export declare function reportValue(v: CellValue | undefined): ReportValue;
export declare class Collector {
    private readonly lang;
    private readonly findings;
    private readonly fixes;
    errors: number;
    warnings: number;
    constructor(lang: Lang);
    /** rowIndex and colIndex are zero-based; null for sheet- and column-level findings. */
    add(code: FindingCode, sheet: SheetPlace, rowIndex: number | null, colIndex: number | null, column: string | null, value: ReportValue, details: MessageDetails): void;
    fix(code: FixCode, sheet: SheetPlace & {
        name: string;
    }, rowIndex: number, colIndex: number, column: string, from: ReportValue, to: ReportValue): void;
    sortedFindings(): Finding[];
    sortedFixes(): Fix[];
}
