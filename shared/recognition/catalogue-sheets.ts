/**
 * The catalogue workbook of archive.md §2 as sheet definitions in the template's own terms, so the
 * validator's header, row and cell machinery reads it with the template's rules (aliases, title
 * rows, fixes, findings at cells) and the template writer writes its blank form.
 */
import { type EnumDef, TRAINING_CATEGORIES, TRAINING_FORMS, TRAINING_LEVELS } from '../contract/enums.js';
import { type ColumnDef, type ColumnType, HOUR_UNITS, type SheetDef } from '../contract/sheets.js';
import { RECOGNIZED_LEVELS } from './types.js';

export type CatalogueSheetKey = 'entries' | 'attendees';

/** 国家级 … 区级 with the template's aliases for them (a catalogue holds no 校级 training). */
export const CATALOGUE_LEVELS: EnumDef = {
  values: RECOGNIZED_LEVELS,
  aliases: Object.fromEntries(
    Object.entries(TRAINING_LEVELS.aliases).filter(([, v]) => (RECOGNIZED_LEVELS as readonly string[]).includes(v)),
  ),
};

const CODE_ALIASES = ['培训项目编号', '项目代码'] as const;
const code: ColumnType = { kind: 'text', minLength: 1, maxLength: 40 };

function col(
  key: string,
  header: string,
  type: ColumnType,
  required: 'yes' | 'no',
  aliases: readonly string[],
  width = 12,
): ColumnDef {
  return { key, header, type, required, aliases, width };
}

export const CATALOGUE_ENTRIES_SHEET: SheetDef<CatalogueSheetKey> = {
  key: 'entries',
  name: '培训项目目录',
  aliases: ['项目目录', '培训目录'],
  required: true,
  columns: [
    col('code', '项目编号', code, 'yes', CODE_ALIASES, 16),
    col('course', '培训项目', { kind: 'text', minLength: 2, maxLength: 100 }, 'yes', ['培训名称', '项目名称'], 32),
    col('level', '培训级别', { kind: 'enum', def: CATALOGUE_LEVELS }, 'yes', ['级别']),
    col('category', '培训类别', { kind: 'enum', def: TRAINING_CATEGORIES }, 'yes', ['类别']),
    col('form', '培训形式', { kind: 'enum', def: TRAINING_FORMS }, 'yes', ['形式']),
    col('startDate', '开始日期', { kind: 'date' }, 'yes', ['起始日期', '培训开始时间']),
    col('endDate', '结束日期', { kind: 'date' }, 'yes', ['截止日期', '培训结束时间']),
    col(
      'hours',
      '认定学时',
      { kind: 'number', min: 0, minExclusive: true, max: 300, step: 0.5, units: HOUR_UNITS },
      'yes',
      ['学时', '培训学时'],
      10,
    ),
    col('organizer', '主办单位', { kind: 'text', maxLength: 100 }, 'no', ['组织单位', '培训机构'], 24),
  ],
};

export const CATALOGUE_ATTENDEES_SHEET: SheetDef<CatalogueSheetKey> = {
  key: 'attendees',
  name: '参训名单',
  aliases: ['参训人员名单', '参训人员', '学员名单'],
  required: false,
  columns: [
    col('code', '项目编号', code, 'yes', CODE_ALIASES, 16),
    col('idNumber', '身份证号', { kind: 'idNumber' }, 'yes', ['身份证号码', '证件号码', '公民身份号码', '身份证'], 21),
    col('name', '姓名', { kind: 'text', minLength: 1, maxLength: 40 }, 'yes', ['教师姓名'], 10),
  ],
};

export const CATALOGUE_SHEETS: readonly SheetDef<CatalogueSheetKey>[] = [
  CATALOGUE_ENTRIES_SHEET,
  CATALOGUE_ATTENDEES_SHEET,
];
