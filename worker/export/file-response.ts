/** A table as a download: CSV (UTF-8 with BOM, formula-safe) or XLSX, never cached. */
import type { Table } from './cell.js';
import { toCsv } from './csv.js';
import { toXlsx, toXlsxSheets, type XlsxSheet } from './xlsx.js';

export type ExportFormat = 'csv' | 'xlsx';

export async function fileResponse(
  table: Table,
  format: ExportFormat,
  baseName: string,
  sheetName: string,
): Promise<Response> {
  const headers = {
    'Content-Disposition': `attachment; filename="${baseName}.${format}"`,
    'Cache-Control': 'no-store',
  };
  if (format === 'csv')
    return new Response(toCsv(table), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } });
  const bytes = await toXlsx(table, sheetName);
  return new Response(bytes, {
    headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}

/** A workbook of several sheets as a download (.xlsx only: a CSV holds one table). */
export async function workbookResponse(sheets: readonly XlsxSheet[], baseName: string): Promise<Response> {
  return new Response(await toXlsxSheets(sheets), {
    headers: {
      'Content-Disposition': `attachment; filename="${baseName}.xlsx"`,
      'Cache-Control': 'no-store',
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
}
