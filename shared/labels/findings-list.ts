/**
 * The findings list 问题清单: the sheet the add-in writes in an Excel without notes or comments
 * (addin/excel/findings-sheet.ts) and the one the standalone page's annotated copy carries for WPS
 * users (workbook/write-annotated.ts). One name, one set of columns in one order, both languages.
 */
import type { Text } from './text.js';

/** The same in both languages: a clerk who switches the pane to English still finds the sheet by it. */
export const FINDINGS_SHEET_NAME = '问题清单';

/** The columns, in the sheet's order; the code stays in the last one (the codes are for support). */
export const FINDINGS_LIST_COLUMNS = ['severity', 'sheet', 'cell', 'finding', 'message', 'code'] as const;
export type FindingsListColumn = (typeof FINDINGS_LIST_COLUMNS)[number];

export const FINDINGS_LIST_HEADERS = {
  severity: { zh: '级别', en: 'Severity' },
  sheet: { zh: '工作表', en: 'Sheet' },
  cell: { zh: '单元格', en: 'Cell' },
  finding: { zh: '问题', en: 'Finding' },
  message: { zh: '说明', en: 'Details' },
  code: { zh: '代码', en: 'Code' },
} as const satisfies Record<FindingsListColumn, Text>;
