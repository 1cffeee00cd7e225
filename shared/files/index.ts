export { readSpreadsheet, type BytesRead, type FileKind, type GridRead, type ReadBytesOptions, type XlsReader } from './read.js';
export { fileFailure, type DetectedKind, type FileError, type FileErrorDetails, type FileFailure } from './errors.js';
export { fileErrorMessage, fileErrorTitle, FILE_ERROR_TITLES } from '../labels/files.js';
export { CELLS_PER_ROW, FILE_LIMITS, maxCells, type FileLimits, type Place } from './limits.js';
export { isBuiltInDateFormat, isDateFormatCode } from './number-format.js';
export { serialToDate } from './sheet-xml.js';
export { InflateError, type Inflater } from './zip.js';
export type { TextEncoding } from './csv.js';
