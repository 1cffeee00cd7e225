/** The finding codes of template.md with their severities: the one list every layer reads. */

export const FINDING_CODES = {
  'sheet.missing': 'error',
  'sheet.extra': 'info',
  'header.missing': 'error',
  'column.extra': 'info',
  'row.totals': 'info',
  required: 'error',
  'text.invalid': 'error',
  'phone.invalid': 'warning',
  'enum.invalid': 'error',
  'date.invalid': 'error',
  'date.range': 'error',
  'date.order': 'error',
  'number.invalid': 'error',
  'number.range': 'error',
  'cell.error_value': 'error',
  'id_number.format': 'error',
  'id_number.legacy': 'error',
  'id_number.scientific': 'error',
  'id_number.region': 'error',
  'id_number.birthdate': 'error',
  'id_number.checksum': 'error',
  'consistency.gender_id': 'error',
  'consistency.birthdate_id': 'error',
  /** An error on 教师名册, a warning on 培训记录: see SHEET_EMPTY_SEVERITY. */
  'sheet.empty': 'error',
  'hours.per_day': 'warning',
  'duplicate.teacher': 'error',
  'duplicate.training': 'warning',
  'duplicate.duty': 'error',
  'reference.unknown_teacher': 'error',
  'reference.name_mismatch': 'error',
  // The catalogue workbook's own (archive.md §2: 培训项目目录 and 参训名单).
  'duplicate.entry': 'error',
  'duplicate.attendee': 'warning',
  'catalogue.unknown_code': 'error',
} as const;

export type FindingCode = keyof typeof FINDING_CODES;
export type Severity = 'error' | 'warning' | 'info';

/**
 * The one code whose severity depends on the sheet (template.md): a roster without data rows
 * leaves nothing to submit, a 培训记录 without any may be a school's honest first month.
 */
export const SHEET_EMPTY_SEVERITY = { teachers: 'error', trainings: 'warning' } as const satisfies Record<
  string,
  Severity
>;

export const FIX_CODES = ['fix.trim', 'fix.fullwidth', 'fix.unit', 'fix.normalize'] as const;
export type FixCode = (typeof FIX_CODES)[number];

export type Lang = 'zh' | 'en';

/** Primitive form of a cell's value as it appears in reports (a Date becomes its ISO date). */
export type ReportValue = string | number | boolean | null;

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** The sheet's name as it stands in the workbook; null only for workbook-level findings. */
  sheet: string | null;
  cell: string | null;
  row: number | null;
  column: string | null;
  value: ReportValue;
  message: string;
}

export interface Fix {
  code: FixCode;
  sheet: string;
  cell: string;
  row: number;
  column: string;
  from: ReportValue;
  to: ReportValue;
}

/** Why a file cannot be read at all (template.md, "Files"): refused before any validation. */
export const FILE_ERROR_CODES = ['file.encrypted', 'file.corrupt', 'file.unsupported', 'file.too_large'] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
