/**
 * Just enough XML for the parts of an .xlsx: a tag scanner over UTF-8 bytes that arrive in chunks,
 * and the decoding of text and attribute values. It is not a general XML parser and does not try to
 * be: OOXML parts have no DTD (one is refused, so no entity can expand), element and attribute names
 * are compared by local name (`x:c` is `c`, so prefixed and strict-namespace parts read the same),
 * and only the elements a reader asks for cost anything beyond finding their end.
 *
 * It scans bytes, not decoded text: every delimiter of XML is ASCII and no byte of a multi-byte
 * UTF-8 character is below 0x80, so tags, names and quotes are found in the bytes themselves, and
 * only the values a reader keeps are decoded (a sheet of shared-string indices and numbers needs
 * none: decoding all of it took longer than scanning it). A character cut by a chunk's end is never
 * decoded half: text is decoded only once the '<' after it has arrived.
 */

/**
 * Receives the scanner's events; `b` is the current buffer and positions index into it, so that a
 * handler that only compares names never makes a string of them (see nameIs).
 */
export interface XmlHandler {
  /** An opening or self-closing tag: local name b[name, nameEnd), attributes b[attrStart, attrEnd). */
  open(b: Uint8Array, name: number, nameEnd: number, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(b: Uint8Array, name: number, nameEnd: number): void;
  /** Raw (still escaped) character data b[start, end) between two tags. */
  text(b: Uint8Array, start: number, end: number): void;
}

/** Text that is not well-formed enough to read (an unterminated tag, a DTD). */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const EQUALS = 61;

export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
export const isNameEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;

/** Whether the ASCII `name` is at b[start, end) exactly. */
export function nameIs(b: Uint8Array, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (b[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** Whether the ASCII `text` starts at b[at] (false when b ends first). */
export function bytesAt(b: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Where the byte `c` next is in b from `from`, or -1. A loop, not Uint8Array's indexOf: its call
 * costs more than the few bytes a delimiter usually is away (it made the scan of rows 3× slower).
 */
export function indexOfByte(b: Uint8Array, c: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === c) return i;
  return -1;
}

/** Where the ASCII `text` next starts in b from `from`, or -1. */
function indexOfText(b: Uint8Array, text: string, from: number): number {
  const first = text.charCodeAt(0);
  for (let i = indexOfByte(b, first, from); i >= 0; i = indexOfByte(b, first, i + 1)) if (bytesAt(b, i, text)) return i;
  return -1;
}

// ignoreBOM: a value may well start with U+FEFF (an invisible character a clerk pasted); it is text.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** UTF-8 bytes b[start, end) as text (a short ASCII run without TextDecoder, whose call costs more). */
export function textOf(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 16) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = b[i]!;
      if (c >= 0x80) return utf8.decode(b.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return utf8.decode(b.subarray(start, end));
}

/** Where a name's local part starts: after its namespace prefix ("x:c" → "c"). */
function localStart(b: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] === COLON) return i + 1;
  return start;
}

/** Index of the '>' that ends the tag opened at `lt`, skipping quoted attribute values; -1 if not in `b`. */
export function tagEnd(b: Uint8Array, lt: number): number {
  const n = b.length;
  for (let i = lt + 1; i < n; i++) {
    const c = b[i]!;
    if (c === GT) return i;
    if (c === QUOT || c === APOS) {
      i = indexOfByte(b, c, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/**
 * Handles the one construct (tag, comment, CDATA, processing instruction) that starts at b[lt] ===
 * '<'. Returns the index after it, or -1 when it does not end within `b` (more bytes are needed).
 */
function scanConstruct(b: Uint8Array, lt: number, h: XmlHandler): number {
  const n = b.length;
  if (lt + 1 >= n) return -1;
  const c1 = b[lt + 1]!;
  if (c1 === SLASH) {
    const gt = indexOfByte(b, GT, lt + 2);
    if (gt < 0) return -1;
    let end = lt + 2;
    while (end < gt && !isNameEnd(b[end]!)) end++;
    h.close(b, localStart(b, lt + 2, end), end);
    return gt + 1;
  }
  if (c1 === QUESTION) {
    const end = indexOfText(b, '?>', lt + 2);
    return end < 0 ? -1 : end + 2;
  }
  if (c1 === BANG) {
    if (bytesAt(b, lt + 1, '!--')) {
      const end = indexOfText(b, '-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (bytesAt(b, lt + 1, '![CDATA[')) {
      const end = indexOfText(b, ']]>', lt + 9);
      if (end < 0) return -1;
      // CDATA is literal text: escaped here so that every text reaches the handler in one form.
      const escaped = encoder.encode(escapeXml(textOf(b, lt + 9, end)));
      h.text(escaped, 0, escaped.length);
      return end + 3;
    }
    if (lt + 9 > n) return -1;
    throw new XmlError('a DTD or declaration where an OOXML part has none');
  }
  const gt = tagEnd(b, lt);
  if (gt < 0) return -1;
  let end = lt + 1;
  while (end < gt && !isNameEnd(b[end]!)) end++;
  const selfClosing = b[gt - 1] === SLASH;
  h.open(b, localStart(b, lt + 1, end), end, end, selfClosing ? gt - 1 : gt, selfClosing);
  return gt + 1;
}

/**
 * A reader's fast path for the constructs it reads most, tried at each '<' before the general one:
 * given b[lt] === '<', it returns the index after what it consumed, -1 when that does not end within
 * `b` (more bytes are needed), or 0 when it is none of its shapes (it has changed nothing, and the
 * general path reads it and calls the handler).
 *
 * A reader's own scanner passes its fast method here, `this.fast`: V8 inlines scanXml into that
 * scanner, where `this.fast` is a known function, and so inlines the fast path into the loop too.
 * A fast path the shared loop alone sees (a closure per reader, or a handler method the loop looks
 * up) is a call with several targets there, which it did not inline: warm reads of the 20,000-teacher
 * workbook took 4–10% longer.
 */
export type FastPath<H> = (this: H, b: Uint8Array, lt: number) => number;

/** Scans part of a buffer: returns the index of the first construct not complete in `b`, or b.length. */
export type Scanner = (b: Uint8Array, from: number, h: XmlHandler, final: boolean) => number;

/**
 * Scans b from `from`, calling the handler for each complete construct the fast path leaves to it.
 * Returns the index of the first construct that is not complete in `b` (the caller keeps b from
 * there for the next chunk), or b.length when everything was consumed.
 */
export function scanXml<H extends XmlHandler>(
  b: Uint8Array,
  from: number,
  h: H,
  final: boolean,
  fast: FastPath<H>,
): number {
  let pos = from;
  const n = b.length;
  while (pos < n) {
    const lt = indexOfByte(b, LT, pos);
    if (lt < 0) {
      if (!final) return pos;
      h.text(b, pos, n);
      return n;
    }
    if (lt > pos) h.text(b, pos, lt);
    let next = fast.call(h, b, lt);
    if (next === 0) next = scanConstruct(b, lt, h);
    if (next < 0) return lt;
    pos = next;
  }
  return pos;
}

function noFastPath(): number {
  return 0;
}

/** The scanner of a part without a fast path of its own. */
const scanGeneral: Scanner = (b, from, h, final) => scanXml(b, from, h, final, noFastPath);

/** The bytes of a chunk first joined to the previous one's unfinished construct: more than a cell or a row takes. */
const JOIN = 4096;

/** Feeds chunks of UTF-8 to a scanner, carrying an unfinished construct over to the next chunk. */
export class XmlStream {
  private tail: Uint8Array | null = null;

  constructor(
    private readonly handler: XmlHandler,
    private readonly scan: Scanner = scanGeneral,
  ) {}

  /**
   * Scans a chunk. Only the few bytes that finish the construct the previous chunk cut are joined
   * to its tail (twice as many again while that is not enough); the rest of the chunk is scanned
   * where it is: copying every chunk whole took a tenth of the time of scanning it.
   */
  push(chunk: Uint8Array): void {
    let rest = this.tail;
    let from = 0;
    this.tail = null;
    if (rest) {
      for (let k = Math.min(chunk.length, JOIN); ; k = Math.min(chunk.length, k * 2)) {
        const joined = new Uint8Array(rest.length + k);
        joined.set(rest);
        joined.set(chunk.subarray(0, k), rest.length);
        const used = this.scan(joined, 0, this.handler, false);
        if (used >= rest.length) {
          from = used - rest.length;
          break;
        }
        if (k === chunk.length) {
          this.tail = joined.slice(used);
          return;
        }
        rest = rest.subarray(used);
      }
    }
    const used = this.scan(chunk, from, this.handler, false);
    // A copy: the chunk's buffer may be reused by whoever produced it.
    this.tail = used < chunk.length ? chunk.slice(used) : null;
  }

  end(): void {
    const rest = this.tail;
    this.tail = null;
    if (rest && this.scan(rest, 0, this.handler, true) !== rest.length) throw new XmlError('unterminated tag');
  }
}

/** For the small parts, where clarity beats speed: names as strings, every event optional. */
export interface NamedHandler {
  open?(name: string, b: Uint8Array, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close?(name: string): void;
}

/** Scans a whole (small) part at once. */
export function scanWhole(bytes: Uint8Array, h: NamedHandler): void {
  const stream = new XmlStream({
    open: (b, n, ne, a, e, selfClosing) => h.open?.(textOf(b, n, ne), b, a, e, selfClosing),
    close: (b, n, ne) => h.close?.(textOf(b, n, ne)),
    text: () => undefined,
  });
  stream.push(bytes);
  stream.end();
}

/**
 * Calls `each(name, value)` for every attribute in b[start, end), with names by local name (r:id
 * is "id") and values still escaped (decode with decodeXml where they may hold text).
 */
export function forEachAttribute(
  b: Uint8Array,
  start: number,
  end: number,
  each: (name: string, value: string) => void,
): void {
  let i = start;
  while (i < end) {
    let c = b[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end && (c = b[i]!) !== EQUALS && !isSpace(c)) i++;
    const name = textOf(b, localStart(b, nameStart, i), i);
    while (i < end && b[i] !== QUOT && b[i] !== APOS) i++;
    if (i >= end) return;
    const close = indexOfByte(b, b[i]!, i + 1);
    if (close < 0 || close > end) return;
    each(name, textOf(b, i + 1, close));
    i = close + 1;
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Character data or an attribute value as text: line ends normalized as XML requires (a literal
 * CR LF or CR is LF; an escaped &#13; stays CR), the five named entities and numeric references.
 */
export function decodeXml(raw: string): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name]!;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * OOXML's own escape for characters XML cannot carry (ECMA-376 22.4.2.4, ST_Xstring): "_x000D_" is a
 * CR, and "_x005F_" an underscore, which is how a literal "_x000D_" is written ("_x005F_x000D_").
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
