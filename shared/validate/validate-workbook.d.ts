import type { WorkbookGrid } from '../grid.js';
import type { ValidateOptions, ValidationResult } from './types.js';
export declare function validateWorkbook(grid: WorkbookGrid, opts: ValidateOptions): ValidationResult;
