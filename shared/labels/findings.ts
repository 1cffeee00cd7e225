/**
 * A short title for every finding and fix code: the heading a group of findings stands under in
 * the pane, the dashboard and the exports. The full message of each finding, which names the
 * cell's problem and what to do, is in shared/contract/messages.ts.
 */
import type { FindingCode, FixCode } from '../contract/codes.js';
import type { Text } from './text.js';

export const FINDING_TITLES = {
  'sheet.missing': { zh: '缺少工作表', en: 'Missing sheet' },
  'sheet.extra': { zh: '非标准工作表（已忽略）', en: 'Extra sheet (ignored)' },
  'header.missing': { zh: '缺少必填列', en: 'Missing column' },
  'column.extra': { zh: '非标准列（已忽略）', en: 'Extra column (ignored)' },
  'row.totals': { zh: '合计行（已跳过）', en: 'Totals row (skipped)' },
  required: { zh: '必填项为空', en: 'Required value missing' },
  'text.invalid': { zh: '文字不符合要求', en: 'Text not allowed' },
  'phone.invalid': { zh: '手机号格式不对', en: 'Phone number not valid' },
  'enum.invalid': { zh: '不是可选的值', en: 'Not one of the allowed values' },
  'date.invalid': { zh: '日期无法识别', en: 'Date not recognised' },
  'date.range': { zh: '日期超出范围', en: 'Date out of range' },
  'date.order': { zh: '结束日期早于开始日期', en: 'End date before start date' },
  'number.invalid': { zh: '不是数字', en: 'Not a number' },
  'number.range': { zh: '数值超出范围', en: 'Number out of range' },
  'cell.error_value': { zh: '单元格为错误值', en: 'Error value in cell' },
  'id_number.format': { zh: '身份证号格式不对', en: 'ID number badly formed' },
  'id_number.legacy': { zh: '15 位旧身份证号', en: 'Old 15-digit ID number' },
  'id_number.scientific': { zh: '身份证号被 Excel 变成数字', en: 'ID number turned into a number by Excel' },
  'id_number.region': { zh: '身份证号地区码不对', en: 'ID number region code wrong' },
  'id_number.birthdate': { zh: '身份证号出生日期不对', en: 'ID number birth date wrong' },
  'id_number.checksum': { zh: '身份证号校验位不对', en: 'ID number check character wrong' },
  'consistency.gender_id': { zh: '性别与身份证号不符', en: 'Gender disagrees with the ID number' },
  'consistency.birthdate_id': { zh: '出生日期与身份证号不符', en: 'Birth date disagrees with the ID number' },
  'sheet.empty': { zh: '工作表没有数据行', en: 'Sheet without data rows' },
  'hours.per_day': { zh: '学时多于每天 8 学时', en: 'More than 8 hours a day' },
  'duplicate.teacher': { zh: '教师重复', en: 'Teacher listed twice' },
  'duplicate.training': { zh: '培训记录重复', en: 'Training listed twice' },
  'duplicate.duty': { zh: '履职记录重复', en: 'Duty record listed twice' },
  'reference.unknown_teacher': { zh: '名册中没有该教师', en: 'Teacher not on the roster' },
  'reference.name_mismatch': { zh: '姓名与名册不一致', en: 'Name differs from the roster' },
  'duplicate.entry': { zh: '项目编号重复', en: 'Catalogue code used twice' },
  'duplicate.attendee': { zh: '参训名单重复', en: 'Attendee listed twice' },
  'catalogue.unknown_code': { zh: '目录中没有该项目编号', en: 'Code not in the catalogue' },
} as const satisfies Record<FindingCode, Text>;

export const FIX_TITLES = {
  'fix.trim': { zh: '去除多余空格和不可见字符', en: 'Spaces and invisible characters removed' },
  'fix.fullwidth': { zh: '全角改为半角', en: 'Full-width characters made half-width' },
  'fix.unit': { zh: '去掉数字后的单位', en: 'Unit after the number removed' },
  'fix.normalize': { zh: '改为标准写法', en: 'Written in the standard form' },
} as const satisfies Record<FixCode, Text>;
