/**
 * What the host can do, decided once by the UI (Office.context.requirements, see
 * addin/office/helpers.ts) and passed to the Excel functions, so that they stay plain functions the
 * mock can drive. Each flag is one feature of api-sets.ts; the Excel functions test the flag itself
 * (`if (caps.notes)`) right where they use a member above the manifest's minimum, which is the form
 * the requirement-set audit (scripts/excel-api-audit.ts) recognises as a guard.
 */
import type { Lang } from '../../shared/contract/codes.js';
import { FINDINGS_SHEET_NAME } from '../../shared/labels/findings-list.js';
import { compareApiVersions, FEATURES, type Feature, KNOWN_EXCEL_API_VERSIONS, MIN_EXCEL_API } from './api-sets.js';

export type ExcelCaps = { readonly [F in Feature]: boolean };

/** The capabilities of a host that answers isSetSupported('ExcelApi', version) with `supports`. */
export function capsFrom(supports: (version: string) => boolean): ExcelCaps {
  const caps = {} as Record<Feature, boolean>;
  for (const [feature, set] of Object.entries(FEATURES) as [Feature, string][]) caps[feature] = supports(set);
  return caps;
}

/** The capabilities of an Excel whose newest ExcelApi is `version` ('current': every one known). */
export function capsAt(version: string): ExcelCaps {
  if (version === 'current') return capsFrom(() => true);
  return capsFrom((set) => compareApiVersions(set, version) <= 0);
}

/** The newest ExcelApi version the host supports, of those known; null when not even the minimum. */
export function highestExcelApi(supports: (version: string) => boolean): string | null {
  let highest: string | null = null;
  for (const v of KNOWN_EXCEL_API_VERSIONS) {
    if (!supports(v)) break;
    highest = v;
  }
  return highest;
}

/** The manifest's minimum: what every Excel that loads the add-in can do. */
export const NO_CAPS: ExcelCaps = capsAt(MIN_EXCEL_API);

export type MarkStyle = 'conditionalFormat' | 'fill';
export type AnnotationKind = 'notes' | 'comments' | 'sheet';

export function markStyle(caps: ExcelCaps): MarkStyle {
  return caps.conditionalFormats ? 'conditionalFormat' : 'fill';
}

/** Where a finding's message goes: a note, else a threaded comment, else a row of the findings sheet. */
export function annotationKind(caps: ExcelCaps): AnnotationKind {
  return caps.notes ? 'notes' : caps.comments ? 'comments' : 'sheet';
}

export interface MissingFeature {
  /** Stable key, for the pane's list and for tests. */
  key: 'conditionalFormats' | 'notes' | 'annotations' | 'dataValidation' | 'freezePanes' | 'columnWidths';
  title: string;
  /** What the add-in does instead. */
  instead: string;
}

const MISSING_TEXT: Record<Lang, Record<MissingFeature['key'], Omit<MissingFeature, 'key'>>> = {
  zh: {
    conditionalFormats: {
      title: '条件格式标记',
      instead: '问题单元格直接填充颜色；原来的填充色记录在文档中，“清除标记”时恢复。',
    },
    notes: { title: '单元格注释', instead: '问题说明以批注形式添加到单元格。' },
    annotations: {
      title: '单元格注释和批注',
      instead: `问题说明写在“${FINDINGS_SHEET_NAME}”工作表中，每条带有跳转到单元格的链接。`,
    },
    dataValidation: { title: '下拉列表', instead: '模板的选项列没有下拉列表；填写的值仍由校验检查。' },
    freezePanes: { title: '冻结表头', instead: '新建工作表的表头行不冻结。' },
    columnWidths: { title: '列宽', instead: '新建工作表使用 Excel 默认列宽。' },
  },
  en: {
    conditionalFormats: {
      title: 'Marks by conditional format',
      instead: 'Problem cells are filled directly; their own fills are recorded and restored by Clear marks.',
    },
    notes: { title: 'Cell notes', instead: 'Messages are added to the cells as comments.' },
    annotations: {
      title: 'Cell notes and comments',
      instead: `Messages are listed in the “${FINDINGS_SHEET_NAME}” (findings) sheet, each with a link to its cell.`,
    },
    dataValidation: {
      title: 'Dropdown lists',
      instead: 'The template’s option columns have no dropdowns; validation still checks them.',
    },
    freezePanes: { title: 'Frozen header rows', instead: 'The header row of new sheets is not frozen.' },
    columnWidths: { title: 'Column widths', instead: 'New sheets keep Excel’s default column widths.' },
  },
};

/** What this Excel lacks that a clerk would see, and what the add-in does instead; empty on a current Excel. */
export function missingFeatures(caps: ExcelCaps, lang: Lang): MissingFeature[] {
  const keys: MissingFeature['key'][] = [];
  if (!caps.conditionalFormats) keys.push('conditionalFormats');
  if (!caps.notes) keys.push(caps.comments ? 'notes' : 'annotations');
  if (!caps.dataValidation) keys.push('dataValidation');
  if (!caps.freezePanes) keys.push('freezePanes');
  if (!caps.columnWidths) keys.push('columnWidths');
  return keys.map((key) => ({ key, ...MISSING_TEXT[lang][key] }));
}

/** Sheets the add-in itself keeps in a workbook: never read as data. */
export const LISTS_SHEET = '_lists';
export const MARKS_SHEET_PREFIX = '_marks';

/**
 * The findings sheet (FINDINGS_SHEET_NAME) is the add-in's too, and has the name of the annotated
 * copy's list, so that a copy the standalone page wrote, opened in Excel, is not read as data either.
 */
export function isInternalSheet(name: string): boolean {
  return name === LISTS_SHEET || name === FINDINGS_SHEET_NAME || name.startsWith(MARKS_SHEET_PREFIX);
}

/** Queued before a batch of writes: no repaint and no recalculation until the batch's sync. */
export function suspendWhileWriting(context: Excel.RequestContext, caps: ExcelCaps): void {
  if (caps.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
  if (caps.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
}

/** Excel character units (the contract's widths) to points, for Chinese headers in the default font. */
export function widthInPoints(chars: number): number {
  return Math.round(chars * 7.5 + 5);
}

/** Quotes a sheet name for a formula or an address: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
