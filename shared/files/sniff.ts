/**
 * What a file is, from its first bytes and never its name (template.md, "Files"): a zip (an OOXML
 * package, or some other zip), a compound file (.xls, .et, an encrypted OOXML package, or some other
 * Office file), text (perhaps a CSV), or something no ledger is.
 */
import type { CompoundFile } from './cfb.js';
import { type FileFailure, fileFailure } from './errors.js';

export type Container = 'zip' | 'compound' | 'text';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);
/** A file shorter than a signature but equal to its beginning was cut short. */
const cutShort = (b: Uint8Array, sig: readonly number[]) =>
  b.length < sig.length && [...b].every((x, i) => sig[i] === x);

const ascii = (b: Uint8Array, text: string, at = 0) => [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));

export function sniff(b: Uint8Array): Container | FileFailure {
  if (b.length === 0) return fileFailure('file.corrupt', { reason: 'empty' });
  if (startsWith(b, ZIP)) return 'zip';
  // An empty zip archive is a zip with nothing in it: no workbook part, so no spreadsheet.
  if (startsWith(b, ZIP_EMPTY)) return fileFailure('file.unsupported', { detected: 'archive' });
  if (startsWith(b, COMPOUND)) return 'compound';
  if (cutShort(b, ZIP) || cutShort(b, COMPOUND)) return fileFailure('file.corrupt', { reason: 'truncated' });
  if (ascii(b, '%PDF')) return fileFailure('file.unsupported', { detected: 'pdf' });
  if (isImage(b)) return fileFailure('file.unsupported', { detected: 'image' });
  if (isArchive(b)) return fileFailure('file.unsupported', { detected: 'archive' });
  return 'text';
}

function isImage(b: Uint8Array): boolean {
  return (
    startsWith(b, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(b, [0xff, 0xd8, 0xff]) ||
    ascii(b, 'GIF8') ||
    (ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)) ||
    startsWith(b, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])
  );
}

function isArchive(b: Uint8Array): boolean {
  return ascii(b, 'Rar!') || startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) || startsWith(b, [0x1f, 0x8b]);
}

const BIFF_BOF = 0x0809;
const BIFF_FILEPASS = 0x002f;
const BIFF_EOF = 0x000a;
/** FILEPASS follows the workbook globals' BOF closely; this bounds the look without reading the whole stream. */
const FILEPASS_SEARCH_RECORDS = 64;

/**
 * A compound file's kind by its streams: an encrypted OOXML package (EncryptionInfo and
 * EncryptedPackage), an Excel 97–2003 or WPS workbook (Workbook, or Book for Excel 5/95, refused as
 * encrypted when its first records hold FILEPASS), or another Office document.
 */
export function compoundKind(cfb: CompoundFile): 'xls' | FileFailure {
  const has = (name: string) => cfb.names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has('EncryptionInfo') || has('EncryptedPackage')) return fileFailure('file.encrypted');
  const name = has('Workbook') ? cfb.names.find((n) => n.toLowerCase() === 'workbook')! : has('Book') ? 'Book' : null;
  if (name === null) {
    if (has('WordDocument')) return fileFailure('file.unsupported', { detected: 'word' });
    if (has('PowerPoint Document')) return fileFailure('file.unsupported', { detected: 'powerpoint' });
    return fileFailure('file.unsupported', { detected: 'compound' });
  }
  const stream = cfb.stream(name);
  if (stream === null || stream.length < 4) return fileFailure('file.corrupt', { reason: 'damaged' });
  let p = 0;
  for (let k = 0; k < FILEPASS_SEARCH_RECORDS && p + 4 <= stream.length; k++) {
    const type = stream[p]! | (stream[p + 1]! << 8);
    const length = stream[p + 2]! | (stream[p + 3]! << 8);
    if (k === 0 && (type & 0xff) !== (BIFF_BOF & 0xff)) return fileFailure('file.corrupt', { reason: 'damaged' });
    if (type === BIFF_FILEPASS) return fileFailure('file.encrypted');
    if (type === BIFF_EOF) break;
    p += 4 + length;
  }
  return 'xls';
}
