/**
 * What the blank template's dropdowns say when a clerk types a value outside their list: Excel shows
 * it as the cell's warning. One text for the template Excel builds (addin/excel/create-template.ts)
 * and the one the standalone page and the CLI write (workbook/write-template.ts). Chinese only: the
 * workbook is the Chinese ledger whatever the pane's language.
 */
export const DROPDOWN_ALERTS = {
  chooseFromList: (header: string) => `请从下拉列表中选择${header}`,
  /** A warning, not a refusal: a code outside the catalogue is allowed and waits for recognition. */
  catalogueCode: '这个项目编号不在本局本年度的培训项目目录中；提交后该记录为待认定。',
} as const;
