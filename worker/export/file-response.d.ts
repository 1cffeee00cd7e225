export type ExportFormat = 'csv' | 'xlsx';
export declare function fileResponse(table: (string | number)[][], format: ExportFormat, baseName: string, sheetName: string): Promise<Response>;
