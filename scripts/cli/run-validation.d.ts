/** Reading and validating one workbook file, as validate, check, fix and submit all begin. */
import type { Lang } from '../../shared/contract/codes.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import type { CliIo } from './io.js';
import { type Progress } from './progress.js';
import { type WorkbookFile } from './workbook-file.js';
export interface ValidationRun {
    file: WorkbookFile;
    result: ValidationResult;
    progress: Progress;
}
export declare function runValidation(path: string, year: number, lang: Lang, io: CliIo): Promise<ValidationRun>;
