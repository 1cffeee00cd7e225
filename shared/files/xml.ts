/**
 * Just enough XML for the parts of an .xlsx: a tag scanner over text that arrives in chunks, and
 * the decoding of text and attribute values. It is not a general XML parser and does not try to be:
 * OOXML parts have no DTD (one is refused, so no entity can expand), element and attribute names
 * are compared by local name (`x:c` is `c`, so prefixed and strict-namespace parts read the same),
 * and only the elements a reader asks for cost anything beyond finding their end.
 */

/**
 * Receives the scanner's events; `s` is the current buffer and positions index into it, so that a
 * handler that only compares names never makes a string of them (see nameIs and nameOf).
 */
export interface XmlHandler {
  /** An opening or self-closing tag: local name s[name, nameEnd), attributes s[attrStart, attrEnd). */
  open(s: string, name: number, nameEnd: number, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close(s: string, name: number, nameEnd: number): void;
  /** Raw (still escaped) character data s[start, end) between two tags. */
  text(s: string, start: number, end: number): void;
}

/** Whether the local name s[start, end) is `name`. */
export function nameIs(s: string, start: number, end: number, name: string): boolean {
  return end - start === name.length && s.startsWith(name, start);
}

export function nameOf(s: string, start: number, end: number): string {
  return s.slice(start, end);
}

/** Text that is not well-formed enough to read (an unterminated tag, a DTD). */
export class XmlError extends Error {
  override readonly name = 'XmlError';
}

const GT = 62; // >
const SLASH = 47;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

/** Where a name's local part starts: after its namespace prefix ("x:c" → "c"). */
function localStart(s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (s.charCodeAt(i) === COLON) return i + 1;
  return start;
}

/** The attribute name without its prefix, as a string: "r:id" → "id". */
function localName(s: string, start: number, end: number): string {
  return s.slice(localStart(s, start, end), end);
}

/** Index of the '>' that ends the tag opened at `lt`, skipping quoted attribute values; -1 if not in `s`. */
export function tagEnd(s: string, lt: number): number {
  const n = s.length;
  for (let i = lt + 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOT || c === APOS) {
      i = s.indexOf(c === QUOT ? '"' : "'", i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/**
 * Handles the one construct (tag, comment, CDATA, processing instruction) that starts at s[lt] ===
 * '<'. Returns the index after it, or -1 when it does not end within `s` (more text is needed).
 */
export function scanConstruct(s: string, lt: number, h: XmlHandler): number {
  const n = s.length;
  if (lt + 1 >= n) return -1;
  const c1 = s.charCodeAt(lt + 1);
  if (c1 === SLASH) {
    const gt = s.indexOf('>', lt + 2);
    if (gt < 0) return -1;
    let end = lt + 2;
    while (end < gt && !isNameEnd(s.charCodeAt(end))) end++;
    h.close(s, localStart(s, lt + 2, end), end);
    return gt + 1;
  }
  if (c1 === QUESTION) {
    const end = s.indexOf('?>', lt + 2);
    return end < 0 ? -1 : end + 2;
  }
  if (c1 === BANG) {
    if (s.startsWith('!--', lt + 1)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('![CDATA[', lt + 1)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      // CDATA is literal text: escaped here so that every text reaches the handler in one form.
      const escaped = escapeXml(s.slice(lt + 9, end));
      h.text(escaped, 0, escaped.length);
      return end + 3;
    }
    if (lt + 9 > n) return -1;
    throw new XmlError('a DTD or declaration where an OOXML part has none');
  }
  const gt = tagEnd(s, lt);
  if (gt < 0) return -1;
  let end = lt + 1;
  while (end < gt && !isNameEnd(s.charCodeAt(end))) end++;
  const selfClosing = s.charCodeAt(gt - 1) === SLASH;
  h.open(s, localStart(s, lt + 1, end), end, end, selfClosing ? gt - 1 : gt, selfClosing);
  return gt + 1;
}

/** Scans part of a buffer: returns the index of the first construct not complete in `s`, or s.length. */
export type Scanner = (s: string, from: number, h: XmlHandler, final: boolean) => number;

/**
 * Scans s from `from`, calling the handler for each complete construct. Returns the index of the
 * first construct that is not complete in `s` (the caller keeps s from there for the next chunk),
 * or s.length when everything was consumed.
 */
export const scanXml: Scanner = (s, from, h, final) => {
  let pos = from;
  const n = s.length;
  while (pos < n) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) {
      if (!final) return pos;
      h.text(s, pos, n);
      return n;
    }
    if (lt > pos) h.text(s, pos, lt);
    const next = scanConstruct(s, lt, h);
    if (next < 0) return lt;
    pos = next;
  }
  return pos;
};

/** Feeds decoded text chunks to a scanner, carrying an unfinished construct over to the next chunk. */
export class XmlStream {
  private tail = '';

  constructor(
    private readonly handler: XmlHandler,
    private readonly scan: Scanner = scanXml,
  ) {}

  push(chunk: string): void {
    const s = this.tail === '' ? chunk : this.tail + chunk;
    this.tail = s.slice(this.scan(s, 0, this.handler, false));
  }

  end(): void {
    const rest = this.tail;
    this.tail = '';
    if (rest !== '' && this.scan(rest, 0, this.handler, true) !== rest.length) throw new XmlError('unterminated tag');
  }
}

/** For the small parts, where clarity beats speed: names as strings, every event optional. */
export interface NamedHandler {
  open?(name: string, s: string, attrStart: number, attrEnd: number, selfClosing: boolean): void;
  close?(name: string): void;
}

/** Scans a whole (small) part at once. */
export function scanWhole(text: string, h: NamedHandler): void {
  const stream = new XmlStream({
    open: (s, n, ne, a, b, selfClosing) => h.open?.(nameOf(s, n, ne), s, a, b, selfClosing),
    close: (s, n, ne) => h.close?.(nameOf(s, n, ne)),
    text: () => undefined,
  });
  stream.push(text);
  stream.end();
}

/**
 * Calls `each(name, value)` for every attribute in s[start, end), with names by local name (r:id
 * is "id") and values still escaped (decode with decodeXml where they may hold text).
 */
export function forEachAttribute(
  s: string,
  start: number,
  end: number,
  each: (name: string, value: string) => void,
): void {
  let i = start;
  while (i < end) {
    let c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end && (c = s.charCodeAt(i)) !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) i++;
    const name = localName(s, nameStart, i);
    while (i < end && s.charCodeAt(i) !== QUOT && s.charCodeAt(i) !== APOS) i++;
    if (i >= end) return;
    const quote = s[i]!;
    const close = s.indexOf(quote, i + 1);
    if (close < 0 || close > end) return;
    each(name, s.slice(i + 1, close));
    i = close + 1;
  }
}

/** One attribute's (escaped) value, or undefined. */
export function attribute(s: string, start: number, end: number, wanted: string): string | undefined {
  let found: string | undefined;
  forEachAttribute(s, start, end, (name, value) => {
    if (found === undefined && name === wanted) found = value;
  });
  return found;
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
