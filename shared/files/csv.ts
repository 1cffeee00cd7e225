/**
 * A .csv file → a one-sheet grid. The encoding is decided from the bytes, the way a careful reader
 * does: a UTF-8 BOM says UTF-8; otherwise bytes that are valid UTF-8 throughout are UTF-8 (ASCII
 * included), and bytes that are not but are valid GB18030 throughout are GB18030 (which GBK is a
 * subset of: what WPS and Chinese Excel write). Anything else is not a CSV.
 *
 * Every cell is text, as template.md requires (an ID stays text; the validator reads "12" as the
 * number 12 anyway). The sheet is named after the standard sheet its header row belongs to, so the
 * validator finds it; a CSV whose header matches none keeps the name it was given.
 */

import { SCHOOL_SHEET, SHEET_LIST } from '../contract/sheets.js';
import type { CellValue, WorkbookGrid } from '../grid.js';
import { HEADER_LOOKUPS, matchHeader } from '../validate/lookup.js';
import { findHeaderRow } from '../validate/table.js';
import { type FileFailure, fileFailure } from './errors.js';
import { type FileLimits, maxCells } from './limits.js';

export type TextEncoding = 'utf-8' | 'gb18030';

export type DecodedText = { ok: true; text: string; encoding: TextEncoding } | FileFailure;

/** Characters no text file holds: C0 controls other than tab, line feed, vertical tab, form feed, CR. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return fileFailure('file.unsupported', { detected: 'utf16' });
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return fileFailure('file.unsupported', { detected: 'utf16' });
  let text: string | null = null;
  let encoding: TextEncoding = 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes);
  } else {
    text = strictDecode('utf-8', bytes);
    if (text === null) {
      text = strictDecode('gb18030', bytes);
      encoding = 'gb18030';
    }
  }
  if (text === null || BINARY.test(text.slice(0, 65536)))
    return fileFailure('file.unsupported', { detected: 'binary' });
  const start = text.trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table')) {
    return fileFailure('file.unsupported', { detected: 'html' });
  }
  if (start.startsWith('<')) return fileFailure('file.unsupported', { detected: 'xml' });
  if (start.startsWith('{\\rtf')) return fileFailure('file.unsupported', { detected: 'word' });
  return { ok: true, text, encoding };
}

function strictDecode(label: TextEncoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof TypeError) return null;
    throw err;
  }
}

/** The separator the first line uses most: comma (the standard), semicolon (some European exports) or tab. */
function separatorOf(text: string): number {
  const candidates = [44, 59, 9];
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) break;
    else if (!quoted) {
      const k = candidates.indexOf(c);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < 3; k++) if (counts[k]! > counts[best]!) best = k;
  return candidates[best]!;
}

export class TooManyRows extends Error {
  constructor(readonly limit: 'rows' | 'cells') {
    super(`${limit} limit reached`);
  }
}

/**
 * RFC 4180 records: quoted fields may hold separators, line breaks and doubled quotes; a stray quote
 * inside an unquoted field is kept as text. Empty fields are null, trailing ones left out; a blank
 * line is an empty row, and blank lines at the end are left out.
 */
export function parseCsv(text: string, limits?: { maxRows: number; maxCells: number }): CellValue[][] {
  const sep = separatorOf(text);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let cells = 0;
  const n = text.length;
  let i = 0;
  const endField = (value: string) => {
    row.push(value === '' ? null : value);
  };
  const endRow = () => {
    let end = row.length;
    while (end > 0 && row[end - 1] === null) end--;
    row.length = end;
    cells += end;
    rows.push(row);
    row = [];
    if (limits && rows.length > limits.maxRows) throw new TooManyRows('rows');
    if (limits && cells > limits.maxCells) throw new TooManyRows('cells');
  };
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c === 34) {
      let value = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept, as spreadsheet programs do.
      const rest = i;
      while (i < n && (c = text.charCodeAt(i)) !== sep && c !== 10 && c !== 13) i++;
      endField(value + text.slice(rest, i));
    } else {
      const start = i;
      while (i < n && (c = text.charCodeAt(i)) !== sep && c !== 10 && c !== 13) i++;
      endField(text.slice(start, i));
    }
    if (i >= n) break;
    c = text.charCodeAt(i);
    i++;
    if (c === sep) {
      if (i >= n) endField('');
      continue;
    }
    if (c === 13 && text.charCodeAt(i) === 10) i++;
    endRow();
  }
  if (row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/**
 * The standard sheet a CSV's rows belong to: 学校概况 laid out as fields down column A, or the table
 * sheet whose header row (found as the validator finds it) holds the largest share of its required
 * headers; null when none qualifies.
 */
export function recogniseSheet(rows: CellValue[][]): string | null {
  const school = HEADER_LOOKUPS.get('school')!;
  const required = new Set(school.requiredKeys);
  const fields = new Set<string>();
  for (const row of rows.slice(0, 50)) {
    const key = typeof row[0] === 'string' ? matchHeader(row[0], school) : undefined;
    if (key !== undefined && required.has(key)) fields.add(key);
  }
  if (fields.size > 0 && fields.size * 2 >= required.size) return SCHOOL_SHEET.name;
  let best: { name: string; share: number } | null = null;
  for (const def of SHEET_LIST) {
    const lookup = HEADER_LOOKUPS.get(def.key)!;
    const r = findHeaderRow({ name: def.name, rows }, lookup);
    if (r === null) continue;
    const keys = new Set(lookup.requiredKeys);
    let hits = 0;
    for (const cell of rows[r]!) {
      const key = typeof cell === 'string' ? matchHeader(cell, lookup) : undefined;
      if (key !== undefined && keys.delete(key)) hits++;
    }
    const share = hits / lookup.requiredKeys.length;
    if (best === null || share > best.share) best = { name: def.name, share };
  }
  return best?.name ?? null;
}

export type CsvReadResult = { ok: true; grid: WorkbookGrid; encoding: TextEncoding } | FileFailure;

export function readCsv(bytes: Uint8Array, limits: FileLimits, fallbackName: string): CsvReadResult {
  // TextDecoder drops a leading BOM, so it never becomes part of the first cell.
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  let rows: CellValue[][];
  try {
    rows = parseCsv(decoded.text, { maxRows: limits.maxRows, maxCells: maxCells(limits) });
  } catch (err) {
    if (!(err instanceof TooManyRows)) throw err;
    const max = err.limit === 'rows' ? limits.maxRows : maxCells(limits);
    return fileFailure('file.too_large', { limit: err.limit, max, place: limits.place });
  }
  const name = recogniseSheet(rows) ?? fallbackName;
  return { ok: true, grid: { sheets: [{ name, rows }] }, encoding: decoded.encoding };
}
