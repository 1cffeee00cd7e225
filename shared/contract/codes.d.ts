/** The finding codes of template.md with their severities: the one list every layer reads. */
export declare const FINDING_CODES: {
    readonly 'sheet.missing': "error";
    readonly 'sheet.extra': "info";
    readonly 'header.missing': "error";
    readonly 'column.extra': "info";
    readonly 'row.totals': "info";
    readonly required: "error";
    readonly 'text.invalid': "error";
    readonly 'phone.invalid': "warning";
    readonly 'enum.invalid': "error";
    readonly 'date.invalid': "error";
    readonly 'date.range': "error";
    readonly 'date.order': "error";
    readonly 'number.invalid': "error";
    readonly 'number.range': "error";
    readonly 'cell.error_value': "error";
    readonly 'id_number.format': "error";
    readonly 'id_number.legacy': "error";
    readonly 'id_number.scientific': "error";
    readonly 'id_number.region': "error";
    readonly 'id_number.birthdate': "error";
    readonly 'id_number.checksum': "error";
    readonly 'consistency.gender_id': "error";
    readonly 'consistency.birthdate_id': "error";
    readonly 'duplicate.teacher': "error";
    readonly 'duplicate.training': "warning";
    readonly 'duplicate.duty': "error";
    readonly 'reference.unknown_teacher': "error";
    readonly 'reference.name_mismatch': "error";
};
export type FindingCode = keyof typeof FINDING_CODES;
export type Severity = 'error' | 'warning' | 'info';
export declare const FIX_CODES: readonly ["fix.trim", "fix.fullwidth", "fix.unit", "fix.normalize"];
export type FixCode = (typeof FIX_CODES)[number];
export type Lang = 'zh' | 'en';
/** Primitive form of a cell's value as it appears in reports (a Date becomes its ISO date). */
export type ReportValue = string | number | boolean | null;
export interface Finding {
    severity: Severity;
    code: FindingCode;
    /** The sheet's name as it stands in the workbook; null only for workbook-level findings. */
    sheet: string | null;
    cell: string | null;
    row: number | null;
    column: string | null;
    value: ReportValue;
    message: string;
}
export interface Fix {
    code: FixCode;
    sheet: string;
    cell: string;
    row: number;
    column: string;
    from: ReportValue;
    to: ReportValue;
}
