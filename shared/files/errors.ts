/**
 * Why a file cannot be read, as a value: one of template.md's four "Files" codes and the details a
 * message needs. Readers never throw for a bad file and never pass a library's own text on.
 */
import type { FileErrorCode } from '../contract/codes.js';

/** What an unsupported file looks like, so the message can name it ("这是 PDF 文件"). */
export type DetectedKind =
  | 'pdf'
  | 'image'
  | 'word'
  | 'powerpoint'
  | 'ods'
  | 'numbers'
  | 'xlsb'
  | 'html'
  | 'xml'
  | 'utf16'
  | 'archive'
  | 'compound'
  | 'binary';

export interface FileErrorDetails {
  /** file.corrupt: an empty file, one cut short, or one damaged inside. */
  reason?: 'empty' | 'truncated' | 'damaged';
  /** file.unsupported: what the bytes turned out to be, when known. */
  detected?: DetectedKind;
  /** file.too_large: which limit, how much the file has, and the limit. */
  limit?: 'bytes' | 'rows' | 'cells';
  actual?: number;
  max?: number;
  /** file.too_large: the limit of a place is smaller than another's (the pane's than the CLI's). */
  place?: 'pane' | 'cli' | 'worker';
}

export interface FileError {
  code: FileErrorCode;
  details: FileErrorDetails;
}

export type FileFailure = { ok: false } & FileError;

export function fileFailure(code: FileErrorCode, details: FileErrorDetails = {}): FileFailure {
  return { ok: false, code, details };
}
