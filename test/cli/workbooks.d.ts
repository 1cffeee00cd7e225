export declare const ID: {
    wang: string;
    li: string;
    zhao: string;
    chen: string;
};
export declare const toFullWidth: (s: string) => string;
/** The 1900-system serial of a date, as a General-formatted date cell holds it. */
export declare const serial: (y: number, m: number, d: number) => number;
/** A workbook with no error, no warning and no fix: what a careful clerk sends. */
export declare function cleanWorkbook({ extraSheet }?: {
    extraSheet?: boolean | undefined;
}): Promise<Uint8Array>;
/**
 * The messy workbook: a merged title row above the header, alias headers and headers with
 * （必填）, an ID that Excel turned into a number, full-width digits, dates as date cells, serials
 * and text in several shapes, units on hours, a totals row and an extra sheet.
 */
export declare function messyWorkbook(): Promise<Uint8Array>;
