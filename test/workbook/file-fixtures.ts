/**
 * Files as clerks have them, made for the tests: .xlsx packages written part by part (to put every
 * cell kind and XML form the reader must handle into one file), .xls through SheetJS, CSV in UTF-8
 * and GBK, encrypted and damaged files, and files that are no ledger at all.
 */
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import iconv from 'iconv-lite';
import { isCellError, type CellValue, type SheetGrid, type WorkbookGrid } from '../../shared/grid.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_MAIN_NS = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface PartSheet {
  name: string;
  /** The <sheetData> content (rows and cells), written as given. */
  sheetData: string;
  /** XML after </sheetData>, e.g. <mergeCells>. */
  after?: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface PartsWorkbook {
  sheets: PartSheet[];
  /** Each <si> item's inner XML. */
  sharedStrings?: string[];
  /** cellXfs as numFmtIds (index = style s), and custom numFmts. */
  styles?: { xfs: number[]; numFmts?: Record<number, string> };
  date1904?: boolean;
  /** Strict OOXML (ISO/IEC 29500 strict): other namespaces and relationship types. */
  strict?: boolean;
  /** Write every SpreadsheetML element with this namespace prefix (e.g. "x"), as some generators do. */
  prefix?: string;
  /** Zip the parts without compression (method 0). */
  stored?: boolean;
}

/** An .xlsx package written part by part. */
export function partsXlsx(wb: PartsWorkbook): Uint8Array {
  const ns = wb.strict ? STRICT_MAIN_NS : MAIN_NS;
  const rel = wb.strict ? STRICT_REL_NS : REL_NS;
  const p = wb.prefix ? `${wb.prefix}:` : '';
  const xmlns = wb.prefix ? `xmlns:${wb.prefix}="${ns}"` : `xmlns="${ns}"`;
  const tag = (xml: string) => (wb.prefix ? xml.replace(/<(\/?)(?![?!])([A-Za-z])/g, `<$1${p}$2`) : xml);
  const relType = (t: string) => `${rel}/${t}`;
  const files: Zippable = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  const ct = (part: string, type: string) =>
    `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${type}+xml"/>`;
  put(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' + ct('workbook.xml', 'sheet.main') +
      wb.sheets.map((_, i) => ct(`worksheets/sheet${i + 1}.xml`, 'worksheet')).join('') +
      (wb.sharedStrings ? ct('sharedStrings.xml', 'sharedStrings') : '') + (wb.styles ? ct('styles.xml', 'styles') : '') + '</Types>',
  );
  put(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${relType('officeDocument')}" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  const sheets = wb.sheets.map((s, i) => {
    rels.push(`<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`);
    put(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?>` +
        tag(`<worksheet ${xmlns} xmlns:r="${rel}"><sheetData>`) + tag(s.sheetData) + tag(`</sheetData>${s.after ?? ''}</worksheet>`),
    );
    const state = s.state && s.state !== 'visible' ? ` state="${s.state}"` : '';
    return `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
  });
  if (wb.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`);
    put('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?>` +
      tag(`<sst ${xmlns} count="${wb.sharedStrings.length}">${wb.sharedStrings.map((x) => `<si>${x}</si>`).join('')}</sst>`));
  }
  if (wb.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${relType('styles')}" Target="styles.xml"/>`);
    const fmts = Object.entries(wb.styles.numFmts ?? {});
    const numFmts = fmts.length === 0 ? '' :
      `<numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`).join('')}</numFmts>`;
    put('xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?>` + tag(
      `<styleSheet ${xmlns}>${numFmts}<cellStyleXfs count="1"><xf numFmtId="22"/></cellStyleXfs>` +
        `<cellXfs count="${wb.styles.xfs.length}">${wb.styles.xfs.map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs>` +
        `</styleSheet>`,
    ));
  }
  put('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`);
  put('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?>` + tag(
    `<workbook ${xmlns} xmlns:r="${rel}">${wb.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets.join('')}</sheets></workbook>`,
  ));
  return zipSync(files, { level: wb.stored ? 0 : 6 });
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A grid as an .xlsx the way Excel lays one out (shared strings, a date style), written straight to
 * XML and zipped: seconds for the 300,000-row district where exceljs and SheetJS take minutes and
 * gigabytes. For the benchmarks' largest workbooks and as a third writer in the differential test.
 */
export function gridXlsx(grid: WorkbookGrid): Uint8Array {
  const strings = new Map<string, number>();
  const sst: string[] = [];
  const sheets = grid.sheets.map((sheet) => {
    const rows: string[] = [];
    sheet.rows.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const ref = columnName(c) + (r + 1);
        if (typeof v === 'string') {
          let i = strings.get(v);
          if (i === undefined) {
            i = sst.length;
            strings.set(v, i);
            sst.push(/^\s|\s$/.test(v) ? `<t xml:space="preserve">${escapeText(v)}</t>` : `<t>${escapeText(v)}</t>`);
          }
          cells.push(`<c r="${ref}" t="s"><v>${i}</v></c>`);
        } else if (typeof v === 'number') cells.push(`<c r="${ref}"><v>${v}</v></c>`);
        else if (typeof v === 'boolean') cells.push(`<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`);
        else if (v instanceof Date) cells.push(`<c r="${ref}" s="1"><v>${serialOf(v) - (grid.date1904 ? 1462 : 0)}</v></c>`);
        else cells.push(`<c r="${ref}" t="e"><v>${escapeText(v.error)}</v></c>`);
      });
      if (cells.length > 0) rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    });
    return { name: sheet.name, sheetData: rows.join('') };
  });
  return partsXlsx({ sheets, sharedStrings: sst, styles: { xfs: [0, 164], numFmts: { 164: 'yyyy-mm-dd' } }, date1904: grid.date1904 });
}

function columnName(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Any zip, e.g. a .docx or an .ods: what is inside decides what it is. */
export function zipOf(entries: Record<string, string>): Uint8Array {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(entries)) files[name] = strToU8(text);
  return zipSync(files);
}

/** Excel's 1900-system serial of a Date whose UTC fields are the wall-clock time (the grid's convention). */
export function serialOf(d: Date): number {
  return d.getTime() / 86_400_000 + 25569;
}

const ERROR_CODES: Record<string, number> = {
  '#NULL!': 0x00, '#DIV/0!': 0x07, '#VALUE!': 0x0f, '#REF!': 0x17, '#NAME?': 0x1d, '#NUM!': 0x24, '#N/A': 0x2a,
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
  for (const sheet of grid.sheets) XLSX.utils.book_append_sheet(wb, sheetJsSheet(sheet, grid.date1904 === true), sheet.name);
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
  return sheet.rows
    .map((row) => row.map((v) => {
      const t = csvText(v);
      return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    }).join(','))
    .join('\r\n') + '\r\n';
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
