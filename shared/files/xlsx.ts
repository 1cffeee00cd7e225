/**
 * An .xlsx / .xlsm package (a zip) → WorkbookGrid, by our own scan of its XML (sheet-xml.ts):
 * exceljs took 4–6× as long and twice the memory, and no library read every cell kind right
 * (docs/FILES.md). The parts are found the way OPC says: _rels/.rels → the workbook part → its
 * rels → worksheets, shared strings, styles; relationship types are matched by their last segment,
 * so transitional and strict OOXML read alike.
 *
 * Sheets come in workbook order; very hidden sheets (the template's _lists, never seen by a clerk)
 * are left out, hidden ones are kept. Chart sheets and dialog sheets have no cells and are skipped.
 */
import type { SheetGrid, WorkbookGrid } from '../grid.js';
import { type DetectedKind, type FileFailure, fileFailure } from './errors.js';
import { type FileLimits, maxCells } from './limits.js';
import { isBuiltInDateFormat, isDateFormatCode } from './number-format.js';
import { LimitReached, type SheetContext, SheetReader } from './sheet-xml.js';
import {
  bytesAt,
  decodeOoxmlEscapes,
  decodeXml,
  forEachAttribute,
  indexOfByte,
  isSpace,
  nameIs,
  type Scanner,
  scanWhole,
  scanXml,
  tagEnd,
  textOf,
  XmlError,
  type XmlHandler,
  XmlStream,
} from './xml.js';
import { entryBytes, fflateInflater, type Inflater, streamEntry, type ZipDirectory, type ZipEntry } from './zip.js';

export interface XlsxReadOptions {
  limits: FileLimits;
  inflater?: Inflater;
  /** Bytes of XML read so far of all there is to read; called often, at most once per chunk. */
  onProgress?: (done: number, total: number) => void;
}

export type XlsxReadResult = { ok: true; grid: WorkbookGrid } | FileFailure;

interface SheetRef {
  name: string;
  path: string;
}

interface Package {
  sheets: SheetRef[];
  date1904: boolean;
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

const damaged = () => fileFailure('file.corrupt', { reason: 'damaged' });

const LT = 60;
const GT = 62;
const SLASH = 47;

/** A zip that is no spreadsheet: what it is instead, from the parts every such format has. */
export function zipKind(dir: ZipDirectory): DetectedKind | 'xlsx' {
  const has = (name: string) => dir.entries.has(name);
  if (has('xl/workbook.bin')) return 'xlsb';
  if (has('xl/workbook.xml') || has('_rels/.rels')) return 'xlsx';
  if (has('word/document.xml')) return 'word';
  if (has('ppt/presentation.xml')) return 'powerpoint';
  if (has('mimetype') || has('content.xml')) return 'ods';
  if (has('Index/Document.iwa') || [...dir.entries.keys()].some((n) => n.startsWith('Index/'))) return 'numbers';
  return 'archive';
}

export async function readXlsxPackage(
  bytes: Uint8Array,
  dir: ZipDirectory,
  opts: XlsxReadOptions,
): Promise<XlsxReadResult> {
  const inflater = opts.inflater ?? fflateInflater;
  const pkg = await readPackage(bytes, dir, inflater);
  if ('ok' in pkg) return pkg;
  const sheetEntries = pkg.sheets.map((s) => ({ ref: s, entry: findEntry(dir, s.path) }));
  const total = [pkg.sharedStrings, ...sheetEntries.map((s) => s.entry)].reduce((n, e) => n + (e?.size ?? 0), 0);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };
  try {
    const sharedStrings: string[] = [];
    if (pkg.sharedStrings) {
      const reader = new SharedStrings(sharedStrings);
      const failed = await streamPart(bytes, pkg.sharedStrings, reader, inflater, progress, reader.scan);
      if (failed) return failed;
    }
    const isDateStyle = pkg.styles ? await readStyles(bytes, pkg.styles, inflater) : [];
    if (!Array.isArray(isDateStyle)) return isDateStyle;
    const sheets: SheetGrid[] = [];
    let rowsLeft = opts.limits.maxRows;
    let cellsLeft = maxCells(opts.limits);
    for (const { ref, entry } of sheetEntries) {
      // A workbook that names a sheet whose part is missing was damaged on the way.
      if (!entry) return damaged();
      const ctx: SheetContext = { sharedStrings, isDateStyle, date1904: pkg.date1904, rowsLeft, cellsLeft };
      const reader = new SheetReader(ctx);
      const failed = await streamPart(bytes, entry, reader, inflater, progress, reader.scan);
      if (failed) return failed;
      const { rows, cells } = reader.finish();
      rowsLeft -= rows.length;
      cellsLeft -= cells;
      sheets.push({ name: ref.name, rows });
    }
    if (sheets.length === 0 && pkg.sheets.length === 0) return damaged();
    return { ok: true, grid: pkg.date1904 ? { sheets, date1904: true } : { sheets } };
  } catch (err) {
    if (err instanceof LimitReached) {
      const max = err.limit === 'rows' ? opts.limits.maxRows : maxCells(opts.limits);
      return fileFailure('file.too_large', { limit: err.limit, max, place: opts.limits.place });
    }
    if (err instanceof XmlError) return damaged();
    throw err;
  }
}

/**
 * Streams a part through an XML handler as UTF-8 bytes. A UTF-16 part (OPC allows it, rare as it
 * is) is re-encoded to UTF-8 first, so that one scanner reads every part.
 */
async function streamPart(
  bytes: Uint8Array,
  entry: ZipEntry,
  handler: XmlHandler,
  inflater: Inflater,
  progress: (n: number) => void,
  scan?: Scanner,
): Promise<FileFailure | null> {
  const xml = new XmlStream(handler, scan);
  let utf16: TextDecoder | null | undefined;
  const failed = await streamEntry(
    bytes,
    entry,
    (chunk) => {
      if (utf16 === undefined) utf16 = isUtf16(chunk) ? new TextDecoder('utf-16le') : null;
      xml.push(utf16 ? encoder.encode(utf16.decode(chunk, { stream: true })) : chunk);
      progress(chunk.length);
    },
    inflater,
  );
  if (failed) return failed;
  if (utf16) xml.push(encoder.encode(utf16.decode()));
  xml.end();
  return null;
}

const encoder = new TextEncoder();

const isUtf16 = (b: Uint8Array) => b[0] === 0xff && b[1] === 0xfe;

/** A whole small part as UTF-8 bytes. */
async function partBytes(bytes: Uint8Array, entry: ZipEntry, inflater: Inflater): Promise<Uint8Array | FileFailure> {
  const data = await entryBytes(bytes, entry, inflater);
  if (!(data instanceof Uint8Array) || !isUtf16(data)) return data;
  return encoder.encode(new TextDecoder('utf-16le').decode(data));
}

/** Part names are case-insensitive in OPC, and some zip tools write them with backslashes. */
function findEntry(dir: ZipDirectory, path: string): ZipEntry | null {
  const exact = dir.entries.get(path);
  if (exact) return exact;
  const wanted = path.toLowerCase();
  for (const [name, e] of dir.entries) if (name.replace(/\\/g, '/').toLowerCase() === wanted) return e;
  return null;
}

/** A relationship target relative to the folder of the part that holds it ("/xl/…" is from the root). */
export function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a part, with types by their last segment ("…/worksheet" → "worksheet"). */
async function readRels(
  bytes: Uint8Array,
  dir: ZipDirectory,
  path: string,
  inflater: Inflater,
): Promise<Relationship[] | FileFailure> {
  const entry = findEntry(dir, path);
  if (!entry) return [];
  const text = await partBytes(bytes, entry, inflater);
  if (!(text instanceof Uint8Array)) return text;
  const rels: Relationship[] = [];
  scanWhole(text, {
    open(name, s, a, b) {
      if (name !== 'Relationship') return;
      const rel: Relationship = { id: '', type: '', target: '' };
      let external = false;
      forEachAttribute(s, a, b, (n, v) => {
        if (n === 'Id') rel.id = v;
        else if (n === 'Type') rel.type = v.slice(v.lastIndexOf('/') + 1);
        else if (n === 'Target') rel.target = decodeXml(v);
        else if (n === 'TargetMode') external = v === 'External';
      });
      if (!external) rels.push(rel);
    },
  });
  return rels;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function readPackage(bytes: Uint8Array, dir: ZipDirectory, inflater: Inflater): Promise<Package | FileFailure> {
  try {
    const rootRels = await readRels(bytes, dir, '_rels/.rels', inflater);
    if (!Array.isArray(rootRels)) return rootRels;
    const main = rootRels.find((r) => r.type === 'officeDocument');
    const workbookPath = main ? resolvePart('', main.target) : 'xl/workbook.xml';
    if (workbookPath.toLowerCase().endsWith('.bin')) return fileFailure('file.unsupported', { detected: 'xlsb' });
    const workbookEntry = findEntry(dir, workbookPath);
    if (!workbookEntry) {
      const kind = zipKind(dir);
      return kind === 'xlsx' ? damaged() : fileFailure('file.unsupported', { detected: kind });
    }
    const text = await partBytes(bytes, workbookEntry, inflater);
    if (!(text instanceof Uint8Array)) return text;
    const rels = await readRels(bytes, dir, relsPathOf(workbookPath), inflater);
    if (!Array.isArray(rels)) return rels;
    const byId = new Map(rels.map((r) => [r.id, r]));
    const pkg: Package = { sheets: [], date1904: false, sharedStrings: null, styles: null };
    let isWorkbook = false;
    scanWhole(text, {
      open(name, s, a, b) {
        if (name === 'workbook') isWorkbook = true;
        else if (name === 'workbookPr') {
          forEachAttribute(s, a, b, (n, v) => {
            if (n === 'date1904') pkg.date1904 = v === '1' || v === 'true';
          });
        } else if (name === 'sheet') {
          let sheetName = '';
          let state = 'visible';
          let id = '';
          forEachAttribute(s, a, b, (n, v) => {
            if (n === 'name') sheetName = decodeOoxmlEscapes(decodeXml(v));
            else if (n === 'state') state = v;
            else if (n === 'id') id = v;
          });
          const rel = byId.get(id);
          if (state !== 'veryHidden' && rel?.type === 'worksheet') {
            pkg.sheets.push({ name: sheetName, path: resolvePart(workbookPath, rel.target) });
          }
        }
      },
    });
    if (!isWorkbook) return fileFailure('file.unsupported', { detected: 'archive' });
    const strings = rels.find((r) => r.type === 'sharedStrings');
    const styles = rels.find((r) => r.type === 'styles');
    pkg.sharedStrings = strings ? findEntry(dir, resolvePart(workbookPath, strings.target)) : null;
    pkg.styles = styles ? findEntry(dir, resolvePart(workbookPath, styles.target)) : null;
    return pkg;
  } catch (err) {
    if (err instanceof XmlError) return damaged();
    throw err;
  }
}

/** sharedStrings.xml: each <si>'s text, its rich-text runs joined and its phonetic runs left out. */
class SharedStrings implements XmlHandler {
  private buffer = '';
  private inItem = false;
  private collecting = false;
  private phoneticDepth = 0;

  constructor(private readonly out: string[]) {}

  /** The scanner for this part: the general one with the fast path below. */
  readonly scan: Scanner = (b, from, _h, final) => scanXml(b, from, this, final, this.fast);

  /**
   * The fast path for this part (see FastPath): <si><t>…</t></si> (also with attributes on the <t>,
   * such as xml:space), nearly every item a writer makes, in one step; anything else (rich text,
   * phonetic runs, prefixes, CDATA) goes through the general scanner and the handler methods below.
   */
  fast(b: Uint8Array, lt: number): number {
    const si = !this.inItem && this.phoneticDepth === 0 && lt + 3 < b.length && b[lt + 1] === 115 && b[lt + 2] === 105;
    return si && b[lt + 3] === GT ? this.simpleItem(b, lt) : 0; // <si>
  }

  /** <si><t…>text</t></si> at b[lt]: the index after it, -1 if it does not end within `b`, 0 if it is another shape. */
  private simpleItem(b: Uint8Array, lt: number): number {
    const n = b.length;
    const t = lt + 4;
    if (t + 3 > n) return -1;
    if (b[t] !== LT || b[t + 1] !== 116 || !(b[t + 2] === GT || isSpace(b[t + 2]!))) return 0;
    const gt = tagEnd(b, t);
    if (gt < 0) return -1;
    if (b[gt - 1] === SLASH) return 0;
    const end = indexOfByte(b, LT, gt + 1);
    if (end < 0 || end + 9 > n) return -1;
    if (!bytesAt(b, end, '</t></si>')) return 0;
    this.out.push(decodeOoxmlEscapes(decodeXml(textOf(b, gt + 1, end))));
    this.collecting = false;
    return end + 9;
  }

  open(s: Uint8Array, n: number, ne: number, _a: number, _b: number, selfClosing: boolean): void {
    if (nameIs(s, n, ne, 'si')) {
      if (selfClosing) this.out.push('');
      else {
        this.inItem = true;
        this.buffer = '';
      }
    } else if (nameIs(s, n, ne, 't')) {
      if (this.inItem && this.phoneticDepth === 0 && !selfClosing) this.collecting = true;
    } else if (nameIs(s, n, ne, 'rPh')) {
      if (!selfClosing) this.phoneticDepth++;
    }
  }

  close(s: Uint8Array, n: number, ne: number): void {
    if (nameIs(s, n, ne, 't')) this.collecting = false;
    else if (nameIs(s, n, ne, 'rPh')) this.phoneticDepth = Math.max(0, this.phoneticDepth - 1);
    else if (nameIs(s, n, ne, 'si') && this.inItem) {
      this.inItem = false;
      this.out.push(decodeOoxmlEscapes(decodeXml(this.buffer)));
    }
  }

  text(s: Uint8Array, start: number, end: number): void {
    if (this.collecting) this.buffer += textOf(s, start, end);
  }
}

/** styles.xml → for each cell format (cellXfs), whether its number format is a date or time. */
async function readStyles(bytes: Uint8Array, entry: ZipEntry, inflater: Inflater): Promise<boolean[] | FileFailure> {
  const text = await partBytes(bytes, entry, inflater);
  if (!(text instanceof Uint8Array)) return text;
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  try {
    scanWhole(text, {
      open(name, s, a, b, selfClosing) {
        if (name === 'numFmt') {
          let id = -1;
          let code = '';
          forEachAttribute(s, a, b, (n, v) => {
            if (n === 'numFmtId') id = Number.parseInt(v, 10);
            else if (n === 'formatCode') code = decodeXml(v);
          });
          if (id >= 0) codes.set(id, code);
        } else if (name === 'cellXfs') inCellXfs = !selfClosing;
        else if (name === 'xf' && inCellXfs) {
          let id = 0;
          forEachAttribute(s, a, b, (n, v) => {
            if (n === 'numFmtId') id = Number.parseInt(v, 10) || 0;
          });
          formatIds.push(id);
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  } catch (err) {
    if (err instanceof XmlError) return damaged();
    throw err;
  }
  return formatIds.map((id) => {
    const code = codes.get(id);
    return code !== undefined ? isDateFormatCode(code) : isBuiltInDateFormat(id);
  });
}
