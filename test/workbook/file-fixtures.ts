/**
 * Files as clerks have them, made for the tests: .xlsx packages written part by part (to put every
 * cell kind and XML form the reader must handle into one file), .xls through SheetJS, CSV in UTF-8
 * and GBK, encrypted and damaged files, and files that are no ledger at all.
 */
import * as XLSX from '@e965/xlsx';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { serialOf } from '../fixtures/xlsx-parts.js';

export { gridXlsx, type PartSheet, type PartsWorkbook, partsXlsx, serialOf } from '../fixtures/xlsx-parts.js';

import iconv from 'iconv-lite';
import { type CellValue, isCellError, type SheetGrid, type WorkbookGrid } from '../../shared/grid.js';

/** Any zip, e.g. a .docx or an .ods: what is inside decides what it is. */
export function zipOf(entries: Record<string, string>): Uint8Array {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(entries)) files[name] = strToU8(text);
  return zipSync(files);
}

const ERROR_CODES: Record<string, number> = {
  '#NULL!': 0x00,
  '#DIV/0!': 0x07,
  '#VALUE!': 0x0f,
  '#REF!': 0x17,
  '#NAME?': 0x1d,
  '#NUM!': 0x24,
  '#N/A': 0x2a,
};

function sheetJsCell(v: Exclude<CellValue, null>, date1904: boolean): XLSX.CellObject {
  if (typeof v === 'string') return { t: 's', v };
  if (typeof v === 'number') return { t: 'n', v };
  if (typeof v === 'boolean') return { t: 'b', v };
  if (v instanceof Date) return { t: 'n', v: serialOf(v) - (date1904 ? 1462 : 0), z: 'yyyy-mm-dd' };
  if (isCellError(v)) return { t: 'e', v: ERROR_CODES[v.error] ?? 0x2a };
  throw new Error('not a cell value');
}

function sheetJsSheet(sheet: SheetGrid, date1904: boolean): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let lastRow = 0;
  let lastCol = 0;
  sheet.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      ws[XLSX.utils.encode_cell({ r, c })] = sheetJsCell(v, date1904);
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
  return ws;
}

/** A grid written by SheetJS: .xls (BIFF8, what Excel 97–2003 and WPS save) or .xlsx. */
export function sheetJsWorkbook(grid: WorkbookGrid, bookType: 'biff8' | 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of grid.sheets)
    XLSX.utils.book_append_sheet(wb, sheetJsSheet(sheet, grid.date1904 === true), sheet.name);
  if (grid.date1904) wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

/** A cell as a CSV export shows it: a date as YYYY-MM-DD, a number in its shortest form, an error as its text. */
function csvText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function sheetToCsv(sheet: SheetGrid): string {
  const quote = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  const lines = sheet.rows.map((row) => row.map((v) => quote(csvText(v))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** CSV bytes as the programs clerks use write them: UTF-8 (Excel's "CSV UTF-8" adds a BOM) or GBK (WPS, older Excel). */
export function csvBytes(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'gbk'): Uint8Array {
  if (encoding === 'gbk') return new Uint8Array(iconv.encode(text, 'gbk'));
  const body = new TextEncoder().encode(text);
  if (encoding === 'utf-8') return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

type CfbContainer = unknown;
const CFB = XLSX.CFB as {
  utils: { cfb_new(): CfbContainer; cfb_add(c: CfbContainer, name: string, data: Uint8Array): void };
  write(c: CfbContainer, o: { type: 'array' }): ArrayBuffer | number[];
  read(b: Uint8Array, o: { type: 'array' }): CfbContainer;
  find(c: CfbContainer, name: string): { content: Uint8Array | number[] } | null;
};

function cfbBytes(c: CfbContainer): Uint8Array {
  const out = CFB.write(c, { type: 'array' });
  return out instanceof ArrayBuffer ? new Uint8Array(out) : Uint8Array.from(out);
}

/** A compound file holding the named streams. */
export function compoundOf(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(c, `/${name}`, data);
  return cfbBytes(c);
}

/** What Excel saves for a workbook with an open password: the OOXML package encrypted inside a compound file. */
export function encryptedOoxml(): Uint8Array {
  const info = new Uint8Array(64);
  info.set([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]); // agile encryption, version 4.4
  return compoundOf({ EncryptionInfo: info, EncryptedPackage: new Uint8Array(4096).fill(0xa5) });
}

/**
 * An .xls with an open password: a FILEPASS record (RC4 CryptoAPI) right after the workbook
 * globals' BOF, the way Excel marks one (the rest stays readable here, which is enough to detect).
 */
export function encryptedXls(xls: Uint8Array): Uint8Array {
  const c = CFB.read(xls, { type: 'array' });
  const entry = CFB.find(c, 'Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = Uint8Array.from(entry.content);
  const bofLength = stream[2]! | (stream[3]! << 8);
  const at = 4 + bofLength;
  const filepass = new Uint8Array([0x2f, 0x00, 0x06, 0x00, 0x01, 0x00, 0x02, 0x00, 0x02, 0x00]);
  const out = new Uint8Array(stream.length + filepass.length);
  out.set(stream.subarray(0, at));
  out.set(filepass, at);
  out.set(stream.subarray(at), at + filepass.length);
  entry.content = out;
  return cfbBytes(c);
}
