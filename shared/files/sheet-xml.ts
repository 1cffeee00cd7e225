/**
 * One worksheet part (xl/worksheets/sheetN.xml) → grid rows, as its UTF-8 bytes stream in (xml.ts
 * says why bytes: only the values kept are ever decoded).
 *
 * A cell keeps the kind it has in Excel, exactly as the exceljs adapter did before this reader
 * (the differential test holds the two side by side):
 * - t="s" a shared string, t="inlineStr" the text of its <is> (rich-text runs joined, phonetic
 *   <rPh> runs left out), t="str" a formula's text result: text, "" read as empty;
 * - t="b" a boolean, t="e" an error value {error: "#N/A"}, t="d" an ISO date → Date;
 * - otherwise a number, parsed from its <v>; a number whose style has a date format becomes a Date
 *   at that wall-clock time in UTC (1900 or 1904 system, as the workbook says);
 * - a formula counts by its cached <v> only (no <v>: empty); the formula text is never read;
 * - a cell without an `r` attribute is the one after the previous cell, a row without one the one
 *   after the previous row;
 * - the cells of a merged range other than its top-left one read as empty.
 * Rows are the sheet's own (rows[r] is sheet row r + 1); rows without a value are [] and the rows
 * after the last value are left out; a row's cells after its last value are left out.
 */
import type { CellValue } from '../grid.js';
import { parseRange } from './cell-ref.js';
import {
  bytesAt,
  decodeOoxmlEscapes,
  decodeXml,
  forEachAttribute,
  indexOfByte,
  isNameEnd,
  isSpace,
  nameIs,
  type Scanner,
  scanXml,
  tagEnd,
  textOf,
  type XmlHandler,
} from './xml.js';

/** Thrown from inside the scan when the file passes a limit; the reader turns it into file.too_large. */
export class LimitReached extends Error {
  constructor(readonly limit: 'rows' | 'cells') {
    super(`${limit} limit reached`);
  }
}

export interface SheetContext {
  sharedStrings: readonly string[];
  /** isDateStyle[s] is true when cell style s (an index into cellXfs) has a date or time format. */
  isDateStyle: readonly boolean[];
  date1904: boolean;
  /** Rows and cells the sheet may still add before a limit is passed. */
  rowsLeft: number;
  cellsLeft: number;
}

const NONE = 0;
const IN_V = 1;
const IN_T = 2;

/** The cell types of t="…", as small integers for the hot path. */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const MS_PER_DAY_PARTS = [24, 3600, 1000] as const;

/** exceljs's conversion, kept to the millisecond: serial → the Date whose UTC fields are its wall-clock time. */
export function serialToDate(serial: number, date1904: boolean): Date {
  let ms = serial - 25569 + (date1904 ? 1462 : 0);
  for (const f of MS_PER_DAY_PARTS) ms *= f;
  return new Date(Math.round(ms));
}

const QUOT = 34;
const APOS = 39;
const EQUALS = 61;
const LT = 60;
const GT = 62;
const SLASH = 47;
const C = 99;
const V = 118;
const R = 114;
const O = 111;
const W = 119;

// Spelled out byte by byte: a loop over a string's characters cost a fifth of the scan here.
/** Whether b[i…] is "</c>" (the caller has made sure that 4 bytes are there). */
const endsCell = (b: Uint8Array, i: number) => b[i] === LT && b[i + 1] === SLASH && b[i + 2] === C && b[i + 3] === GT;

/** Whether b[i…] is "</v></c>" (8 bytes are there). */
const endsValueAndCell = (b: Uint8Array, i: number) =>
  b[i] === LT && b[i + 1] === SLASH && b[i + 2] === V && b[i + 3] === GT && endsCell(b, i + 4);

function typeCode(b: Uint8Array, start: number, end: number): number {
  const len = end - start;
  const c = b[start];
  if (len === 1) {
    if (c === 115) return T_SHARED; // s
    if (c === 98) return T_BOOL; // b
    if (c === 101) return T_ERROR; // e
    if (c === 100) return T_DATE; // d
    return T_NUMBER;
  }
  if (len === 3 && bytesAt(b, start, 'str')) return T_STR;
  if (len === 9 && bytesAt(b, start, 'inlineStr')) return T_INLINE;
  return T_NUMBER;
}

/** The digits of b[start, end) as an integer (the row of "12", the style of "3"); -1 if there are none. */
function digitsOf(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    any = true;
  }
  return any ? n : -1;
}

/** b[start, end) as a non-negative integer when it is nothing but digits (at most 15), else -1. */
function wholeNumber(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A decimal of at most 15 digits without exponent ("46266", "-3.5", "0.25") from its bytes, or NaN
 * for anything else (parseFloat reads those). Exact: the digits form an integer below 2^53 and 10^k
 * is exact for k ≤ 22, so one division rounds correctly, to what parseFloat returns.
 */
function plainDecimal(b: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = b[i] === 45;
  if (negative) i++;
  let n = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const c = b[i]!;
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === 46 && scale < 0) scale = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15 || scale > 22) return Number.NaN;
  const v = scale > 0 ? n / POW10[scale]! : n;
  return negative ? -v : v;
}

/** The column of a reference such as "AB12" (0-based), or -1 when it starts with no letter. */
function columnOf(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  let i = start;
  for (; i < end; i++) {
    const c = b[i]! | 0x20;
    if (c < 97 || c > 122) break;
    n = n * 26 + (c - 96);
  }
  return i === start ? -1 : n - 1;
}

/**
 * Calls `each(nameChar, valueStart, valueEnd)` for every attribute of b[start, end) whose name is one
 * unprefixed letter (r, s, t: all a cell or row needs), without making a string of anything.
 */
function eachShortAttribute(
  b: Uint8Array,
  start: number,
  end: number,
  each: (name: number, vs: number, ve: number) => void,
): void {
  let i = start;
  while (i < end) {
    if (isSpace(b[i]!)) {
      i++;
      continue;
    }
    const nameStart = i;
    let c = 0;
    while (i < end && (c = b[i]!) !== EQUALS && !isSpace(c)) i++;
    const short = i - nameStart === 1;
    while (i < end && (c = b[i]!) !== QUOT && c !== APOS) i++;
    if (i >= end) return;
    const close = indexOfByte(b, c, i + 1);
    if (close < 0 || close > end) return;
    if (short) each(b[nameStart]!, i + 1, close);
    i = close + 1;
  }
}

export class SheetReader implements XmlHandler {
  readonly rows: CellValue[][] = [];
  private readonly merges: string[] = [];
  private row: CellValue[] = [];
  private rowIndex = -1;
  private rowOpen = false;
  private col = -1;
  private cellType = T_NUMBER;
  private cellStyle = 0;
  private cellOpen = false;
  private collecting = NONE;
  private inInline = false;
  private phoneticDepth = 0;
  private buffer = '';
  private hasValue = false;
  private cells = 0;
  // Attribute callbacks made once: a closure per cell would be garbage for every cell of the sheet.
  private readonly onRowAttribute = (name: number, vs: number, ve: number) => {
    if (name === 114) this.rowAttr = digitsOf(this.attrSource, vs, ve); // r
  };
  private readonly onCellAttribute = (name: number, vs: number, ve: number) => {
    const b = this.attrSource;
    if (name === 114)
      this.col = columnOf(b, vs, ve); // r
    else if (name === 116)
      this.cellType = typeCode(b, vs, ve); // t
    else if (name === 115) this.cellStyle = Math.max(0, digitsOf(b, vs, ve)); // s
  };
  private attrSource: Uint8Array = new Uint8Array(0);
  private rowAttr = -1;

  constructor(private readonly ctx: SheetContext) {}

  /** The scanner for this part: the general one with the fast path below. */
  readonly scan: Scanner = (b, from, _h, final) => scanXml(b, from, this, final, this.fast);

  /**
   * The fast path for this part (see FastPath): the cells nearly every writer produces —
   * <c …/>, <c …></c>, <c …><v>…</v></c>, each optionally with an <f> before the <v> — and
   * <row …> and </row>, read in one step without an event per tag; anything else (inline strings,
   * CDATA, comments, prefixes, a line break between elements) goes through the general scanner and
   * the handler methods below, which the fast path gives exactly the same state. Its loops index
   * the bytes themselves: a call of indexOf per delimiter cost more than the few bytes it skips.
   */
  fast(b: Uint8Array, lt: number): number {
    const n = b.length;
    if (this.rowOpen && !this.cellOpen && lt + 2 < n && b[lt + 1] === C && isNameEnd(b[lt + 2]!)) {
      return this.simpleCell(b, lt);
    }
    if (lt + 5 < n && b[lt + 1] === R && b[lt + 2] === O && b[lt + 3] === W && isNameEnd(b[lt + 4]!)) {
      // <row …>: what open() does with it, without finding its name and local name first.
      const gt = tagEnd(b, lt);
      if (gt < 0) return -1;
      const selfClosing = b[gt - 1] === SLASH;
      this.openRow(b, lt + 4, selfClosing ? gt - 1 : gt);
      if (selfClosing) this.rowOpen = false;
      return gt + 1;
    }
    if (
      lt + 5 < n &&
      b[lt + 1] === SLASH &&
      b[lt + 2] === R &&
      b[lt + 3] === O &&
      b[lt + 4] === W &&
      b[lt + 5] === GT
    ) {
      // </row>
      if (this.rowOpen) this.closeRow();
      return lt + 6;
    }
    return 0;
  }

  /**
   * One simple cell at b[lt]: the index after its end, -1 if it does not end within `b`, or 0 if it
   * is not a simple cell (then nothing has changed and the general path reads it).
   */
  private simpleCell(b: Uint8Array, lt: number): number {
    const n = b.length;
    let col = -1;
    let type = T_NUMBER;
    let style = 0;
    let selfClosing = false;
    let i = lt + 2;
    for (;;) {
      if (i >= n) return -1;
      let c = b[i]!;
      if (c === GT) break;
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (b[i + 1] !== GT) return 0;
        selfClosing = true;
        i++;
        break;
      }
      if (c === 32) {
        i++;
        continue;
      }
      const nameStart = i;
      let short = true;
      // r="…": a one-letter name, no space around '=', is how every writer puts it; else the general way.
      if (i + 2 < n && b[i + 1] === EQUALS && ((c = b[i + 2]!) === QUOT || c === APOS)) i += 2;
      else {
        if (isSpace(c)) {
          i++;
          continue;
        }
        while (i < n && (c = b[i]!) !== EQUALS && !isSpace(c) && c !== GT && c !== SLASH) i++;
        short = i - nameStart === 1;
        while (i < n && isSpace((c = b[i]!))) i++;
        if (i >= n) return -1;
        if (c !== EQUALS) return 0;
        i++;
        while (i < n && isSpace((c = b[i]!))) i++;
        if (i >= n) return -1;
        if (c !== QUOT && c !== APOS) return 0;
      }
      let close = i + 1;
      while (close < n && b[close] !== c) close++;
      if (close === n) return -1;
      if (short) {
        const name = b[nameStart];
        if (name === 114)
          col = columnOf(b, i + 1, close); // r
        else if (name === 116)
          type = typeCode(b, i + 1, close); // t
        else if (name === 115) style = Math.max(0, digitsOf(b, i + 1, close)); // s
      }
      i = close + 1;
    }
    const gt = i;
    let valueStart = -1;
    let valueEnd = -1;
    let next = gt + 1;
    // Read forward, each byte once: an optional <f> (only its cached value counts), then <v>…</v>,
    // <v/> or nothing, then </c>. No '<' can be inside a value, so the next '<' ends it.
    if (!selfClosing) {
      let v = gt + 1;
      if (v + 2 >= n) return -1;
      if (b[v] === LT && b[v + 1] === 102 /* f */) {
        if (!isNameEnd(b[v + 2]!)) return 0;
        const fgt = tagEnd(b, v);
        if (fgt < 0) return -1;
        if (b[fgt - 1] === SLASH) v = fgt + 1;
        else {
          let fend = fgt + 1;
          while (fend < n && b[fend] !== LT) fend++;
          if (fend + 4 > n) return -1;
          if (!bytesAt(b, fend, '</f>')) return 0;
          v = fend + 4;
        }
      }
      if (v + 4 > n) return -1;
      if (b[v] !== LT) return 0;
      const v1 = b[v + 1];
      if (v1 === V && b[v + 2] === GT) {
        let ve = v + 3;
        while (ve < n && b[ve] !== LT) ve++;
        if (ve + 8 > n) return -1;
        if (!endsValueAndCell(b, ve)) return 0;
        valueStart = v + 3;
        valueEnd = ve;
        next = ve + 8;
      } else if (v1 === SLASH && endsCell(b, v)) next = v + 4;
      else if (v1 === V && b[v + 2] === SLASH && b[v + 3] === GT) {
        if (v + 8 > n) return -1;
        if (!endsCell(b, v + 4)) return 0;
        next = v + 8;
      } else return 0;
    }
    this.col = col >= 0 ? col : this.col + 1;
    this.cellType = type;
    this.cellStyle = style;
    if (valueStart < 0) return next;
    // Shared-string indices and plain decimals, read from the bytes: no string per cell.
    if (type === T_SHARED) {
      const index = wholeNumber(b, valueStart, valueEnd);
      if (index >= 0) {
        this.store(this.shared(index));
        return next;
      }
    } else if (type === T_NUMBER) {
      const v = plainDecimal(b, valueStart, valueEnd);
      if (!Number.isNaN(v)) {
        this.store(this.number(v));
        return next;
      }
    }
    this.cellOpen = true;
    this.hasValue = true;
    this.buffer = textOf(b, valueStart, valueEnd);
    this.closeCell();
    return next;
  }

  open(b: Uint8Array, n: number, ne: number, a: number, e: number, selfClosing: boolean): void {
    const len = ne - n;
    if (len === 1) {
      const c = b[n];
      if (c === 99) {
        // c
        this.openCell(b, a, e);
        if (selfClosing) this.cellOpen = false;
      } else if (c === 118) {
        // v
        if (this.cellOpen && !selfClosing) {
          this.collecting = IN_V;
          this.buffer = '';
        }
      } else if (c === 116) {
        // t
        if (this.inInline && this.phoneticDepth === 0 && !selfClosing) this.collecting = IN_T;
      }
    } else if (nameIs(b, n, ne, 'row')) {
      this.openRow(b, a, e);
      if (selfClosing) this.rowOpen = false;
    } else if (nameIs(b, n, ne, 'is')) {
      if (this.cellOpen) {
        this.inInline = !selfClosing;
        this.buffer = '';
        this.hasValue = true;
      }
    } else if (nameIs(b, n, ne, 'rPh')) {
      if (this.inInline && !selfClosing) this.phoneticDepth++;
    } else if (nameIs(b, n, ne, 'mergeCell')) {
      forEachAttribute(b, a, e, (name, v) => {
        if (name === 'ref') this.merges.push(v);
      });
    }
  }

  close(b: Uint8Array, n: number, ne: number): void {
    const len = ne - n;
    if (len === 1) {
      const c = b[n];
      if (c === 99) {
        if (this.cellOpen) this.closeCell();
      } else if (c === 118) {
        if (this.collecting === IN_V) {
          this.collecting = NONE;
          this.hasValue = true;
        }
      } else if (c === 116) {
        if (this.collecting === IN_T) this.collecting = NONE;
      }
    } else if (nameIs(b, n, ne, 'row')) {
      if (this.rowOpen) this.closeRow();
    } else if (nameIs(b, n, ne, 'is')) {
      this.inInline = false;
    } else if (nameIs(b, n, ne, 'rPh')) {
      if (this.phoneticDepth > 0) this.phoneticDepth--;
    }
  }

  text(b: Uint8Array, start: number, end: number): void {
    if (this.collecting !== NONE) this.buffer += textOf(b, start, end);
  }

  private openRow(b: Uint8Array, a: number, e: number): void {
    this.rowAttr = -1;
    this.attrSource = b;
    eachShortAttribute(b, a, e, this.onRowAttribute);
    this.rowIndex = this.rowAttr > 0 ? this.rowAttr - 1 : this.rowIndex + 1;
    if (this.rowIndex + 1 > this.ctx.rowsLeft) throw new LimitReached('rows');
    this.row = [];
    this.rowOpen = true;
    this.col = -1;
  }

  private openCell(b: Uint8Array, a: number, e: number): void {
    const previous = this.col;
    this.col = -1;
    this.cellType = T_NUMBER;
    this.cellStyle = 0;
    this.attrSource = b;
    eachShortAttribute(b, a, e, this.onCellAttribute);
    if (this.col < 0) this.col = previous + 1;
    this.cellOpen = true;
    this.hasValue = false;
    this.buffer = '';
  }

  private closeCell(): void {
    this.cellOpen = false;
    this.collecting = NONE;
    this.inInline = false;
    this.phoneticDepth = 0;
    if (!this.hasValue || !this.rowOpen) return;
    this.store(this.value());
  }

  /**
   * Writes a value at the current column. Rows are kept dense (the columns before it that had no
   * value are null) rather than holey: V8 keeps a packed array faster to fill and to read later.
   */
  private store(v: CellValue): void {
    if (v === null) return;
    if (++this.cells > this.ctx.cellsLeft) throw new LimitReached('cells');
    const row = this.row;
    const col = this.col;
    if (col < row.length) row[col] = v;
    else {
      while (row.length < col) row.push(null);
      row.push(v);
    }
  }

  private shared(index: number): CellValue {
    const s = this.ctx.sharedStrings[index];
    return s === undefined || s === '' ? null : s;
  }

  private number(n: number): CellValue {
    if (!Number.isFinite(n)) return null;
    return this.ctx.isDateStyle[this.cellStyle] === true ? serialToDate(n, this.ctx.date1904) : n;
  }

  private value(): CellValue {
    const raw = this.buffer;
    switch (this.cellType) {
      case T_SHARED:
        return this.shared(Number.parseInt(raw, 10));
      case T_STR:
      case T_INLINE: {
        const s = decodeOoxmlEscapes(decodeXml(raw));
        return s === '' ? null : s;
      }
      case T_BOOL: {
        const t = raw.trim();
        return t === '' ? null : t === '1' || t === 'true';
      }
      case T_ERROR: {
        const t = decodeXml(raw).trim();
        return t === '' ? null : { error: t };
      }
      case T_DATE: {
        const t = raw.trim();
        // An ISO date without a zone is a wall-clock time: read as UTC, like every date of this grid.
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(t) || !t.includes('T') ? t : `${t}Z`);
        return Number.isNaN(d.getTime()) ? null : d;
      }
      default:
        return raw === '' ? null : this.number(Number.parseFloat(raw));
    }
  }

  private closeRow(): void {
    this.rowOpen = false;
    const cells = this.row;
    if (cells.length === 0) return;
    while (this.rows.length < this.rowIndex) this.rows.push([]);
    this.rows[this.rowIndex] = cells;
  }

  /** The sheet's rows once its part has been scanned: merged cells emptied, trailing empties left out. */
  finish(): { rows: CellValue[][]; cells: number } {
    for (const ref of this.merges) this.emptyMerged(ref);
    const rows = this.rows;
    while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
    return { rows, cells: this.cells };
  }

  private emptyMerged(ref: string): void {
    const range = parseRange(ref);
    if (range === null) return;
    const last = Math.min(range.lastRow, this.rows.length - 1);
    for (let r = range.firstRow; r <= last; r++) {
      const row = this.rows[r]!;
      const from = r === range.firstRow ? range.firstCol + 1 : range.firstCol;
      const to = Math.min(range.lastCol, row.length - 1);
      for (let c = from; c <= to; c++) row[c] = null;
      let end = row.length;
      while (end > 0 && row[end - 1] === null) end--;
      row.length = end;
    }
  }
}
