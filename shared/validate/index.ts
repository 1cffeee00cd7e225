export { toValidateJson, type ValidateJson } from './json.js';
export type { DetectedSheet, ValidateOptions, ValidationCounts, ValidationResult } from './types.js';
export { validateWorkbook } from './validate-workbook.js';
