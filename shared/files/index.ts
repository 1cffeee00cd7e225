export { FILE_ERROR_TITLES, fileErrorMessage, fileErrorTitle } from '../labels/files.js';
export type { TextEncoding } from './csv.js';
export { type DetectedKind, type FileError, type FileErrorDetails, type FileFailure, fileFailure } from './errors.js';
export { CELLS_PER_ROW, FILE_LIMITS, type FileLimits, maxCells, type Place } from './limits.js';
export { isBuiltInDateFormat, isDateFormatCode } from './number-format.js';
export {
  type BytesRead,
  type FileKind,
  type GridRead,
  type ReadBytesOptions,
  readSpreadsheet,
  type XlsReader,
} from './read.js';
export { serialToDate } from './sheet-xml.js';
export { InflateError, type Inflater } from './zip.js';
