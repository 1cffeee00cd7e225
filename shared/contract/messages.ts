/**
 * The clerk-facing message of every finding code, in Chinese (default) and English. Each message
 * says what is wrong and what to do, naming the value and the expected form. An ID number is
 * never repeated in a message ("该身份证号"): the finding's `value` carries it for the clerk's own
 * file, and reviewer-facing layers drop or mask that field.
 */
import type { FindingCode, Lang } from './codes.js';

export interface MessageDetails {
  /** The sheet's standard name (sheet.missing, header.missing). */
  sheet?: string;
  /** The column's standard header. */
  header?: string;
  /** The cell's value as the clerk sees it (never an ID number). */
  value?: string;
  /** The normalizer's reason, e.g. "impossible", "year-like", "semester", "conditional". */
  reason?: string;
  suggestion?: string;
  allowed?: readonly string[];
  /** The expected value or range, already written out. */
  expected?: string;
  /** Another row's number (duplicates) or another value (the roster's name, the start date). */
  other?: string;
  /** For conditional requirements: the deciding column's header and values. */
  whenHeader?: string;
  whenValues?: readonly string[];
  whenNot?: boolean;
  year?: number;
  /** number.range: the column's bounds. */
  bounds?: { min?: number; minExclusive?: boolean; max?: number; step?: number; integer?: boolean };
  /** hours.per_day: the training's dates and its days, both dates included. */
  period?: { start: string; end: string; days: number };
}

type Render = (d: MessageDetails) => string;

const q = (s: string | undefined): string => `“${s ?? ''}”`;
const eq = (s: string | undefined): string => `"${s ?? ''}"`;

const ZH: Record<FindingCode, Render> = {
  'sheet.missing': (d) => `缺少工作表${q(d.sheet)}。请添加名为${q(d.sheet)}的工作表（可从标准模板复制表头）。`,
  'sheet.extra': (d) =>
    d.reason === 'catalogue'
      ? `工作表${q(d.value)}不是培训项目目录的标准工作表（培训项目目录、参训名单），已忽略。`
      : `工作表${q(d.value)}不是台账的标准工作表，已忽略。如其中有需上报的数据，请移到对应的标准工作表。`,
  'header.missing': (d) =>
    d.reason === 'no-header-row'
      ? `工作表${q(d.sheet)}的前 10 行中找不到表头行，缺少必填列${q(d.header)}。请在数据上方加一行表头，列名与标准模板一致。`
      : d.reason === 'conditional'
        ? `工作表${q(d.sheet)}缺少列${q(d.header)}，${conditionZh(d)}必须填写。请添加该列并填写。`
        : `工作表${q(d.sheet)}缺少必填列${q(d.header)}。请在表头行添加列名为${q(d.header)}的一列并逐行填写。`,
  'column.extra': (d) => `列${q(d.value)}不是本表的标准列，已忽略。如该列应为标准列，请把列名改为标准模板中的名称。`,
  'row.totals': () => '这是合计行，已跳过，不计入数据。',
  required: (d) =>
    d.reason === 'conditional'
      ? `${q(d.header)}不能为空：${conditionZh(d)}必须填写。请补填。`
      : `${q(d.header)}是必填项，不能为空。请补填。`,
  'text.invalid': (d) =>
    d.reason === 'not-a-name'
      ? `姓名${q(d.value)}不符合要求：应为 2–20 个汉字（少数民族姓名可含间隔号“·”）或英文字母。请改为身份证上的姓名。`
      : `${q(d.header)}的内容${q(d.value)}长度不符合要求，应为 ${d.expected ?? ''} 个字。请修改。`,
  'phone.invalid': (d) => `联系电话${q(d.value)}不是 11 位手机号码（以 13–19 开头）。请核对；没有手机号可留空。`,
  'enum.invalid': (d) =>
    `${q(d.header)}的值${q(d.value)}不在可选范围内。可选值：${(d.allowed ?? []).join('、')}。` +
    (d.suggestion !== undefined ? `您是否要填${q(d.suggestion)}？` : '请从下拉列表中选择。'),
  'date.invalid': (d) => dateInvalidZh(d),
  'date.range': (d) =>
    d.reason === 'catalogue-year'
      ? `结束日期 ${d.value ?? ''} 不在 ${d.year ?? ''} 年内：${d.year ?? ''} 年度的培训项目目录只收结束于该年的培训。请核对日期，或把该项目放进对应年度的目录。`
      : d.reason === 'semester'
        ? `学期${q(d.value)}超出范围：不能晚于 ${d.year ?? ''} 年秋季学期（${d.year ?? ''}-${(d.year ?? 0) + 1}-1），也不能早于 1950 年。请核对。`
        : `${q(d.header)}的日期 ${d.value ?? ''} 超出范围：应在 1950-01-01 至 ${d.year ?? ''}-12-31 之间。请核对年份。`,
  'date.order': (d) => `结束日期 ${d.value ?? ''} 早于开始日期 ${d.other ?? ''}。请核对培训的起止日期。`,
  'number.invalid': (d) =>
    d.reason === 'unit'
      ? `${q(d.header)}的值${q(d.value)}带有会改变数值的单位（天、分钟、万元等）。请换算后只填写数字：学时按 45 分钟 1 学时计，金额以元计。`
      : `${q(d.header)}的值${q(d.value)}不是数字。请只填写数字（如 3.5），不要夹带其他文字。`,
  'number.range': (d) => `${q(d.header)}的值 ${d.value ?? ''} 超出允许范围：应${boundsZh(d.bounds)}。请核对。`,
  'cell.error_value': (d) =>
    `单元格是 Excel 错误值 ${d.value ?? ''}（公式出错）。请修正公式，或直接填写${q(d.header)}的值。`,
  'id_number.format': () =>
    '该身份证号格式不正确：应为 18 位，前 17 位是数字，最后一位是数字或 X。请对照身份证重新填写。',
  'id_number.legacy': () => '该身份证号是 15 位的旧号码。请填写 18 位的居民身份证号码。',
  'id_number.scientific': () =>
    '该身份证号被 Excel 存成了数字（显示为 3.20102E+17 之类，或末几位变成 0），原号码已无法恢复。请把这一列的单元格格式设置为“文本”，再重新录入完整的 18 位号码。',
  'id_number.region': () => '该身份证号的前两位不是有效的省级行政区划代码。请对照身份证核对前几位。',
  'id_number.birthdate': (d) =>
    `该身份证号第 7–14 位的出生日期不存在，或不在 1940-01-01 至 ${d.expected ?? ''} 之间。请对照身份证核对。`,
  'id_number.checksum': () => '该身份证号的最后一位（校验码）与前 17 位不符，可能有数字录错。请对照身份证逐位核对。',
  'consistency.gender_id': (d) =>
    `性别${q(d.value)}与身份证号不符：按身份证号第 17 位应为${q(d.expected)}。请核对性别或身份证号。`,
  'consistency.birthdate_id': (d) =>
    `出生日期 ${d.value ?? ''} 与身份证号中的出生日期 ${d.expected ?? ''} 不符。请核对出生日期或身份证号。`,
  'sheet.empty': (d) =>
    d.reason === 'warning'
      ? `工作表${q(d.sheet)}的表头下没有任何数据行。如本年度确实还没有培训，可以照常提交；否则请在表头下逐行填写培训记录（每次培训一行）。`
      : `工作表${q(d.sheet)}的表头下没有任何教师，无法提交。请在表头下逐行填写本校每位教师（每人一行）。`,
  'hours.per_day': (d) =>
    `学时 ${d.value ?? ''} 偏多：${d.period?.start ?? ''} 至 ${d.period?.end ?? ''} 共 ${d.period?.days ?? ''} 天，` +
    `每天最多计 8 学时（1 学时为 45 分钟），最多 ${d.expected ?? ''} 学时。请核对开始日期、结束日期或学时数。`,
  'duplicate.teacher': (d) =>
    `该身份证号已在第 ${d.other ?? ''} 行登记过，同一教师只能登记一次。请删除重复行或核对身份证号。`,
  'duplicate.training': (d) =>
    `此培训记录与第 ${d.other ?? ''} 行重复（身份证号、培训项目、起止日期都相同），学时只计一次。如确是两次培训，请核对日期。`,
  'duplicate.duty': (d) =>
    `该教师 ${d.value ?? ''} 学期的履职记录与第 ${d.other ?? ''} 行重复，每人每学期只能有一行。请合并为一行。`,
  'reference.unknown_teacher': () => '该身份证号不在“教师名册”中。请先在教师名册中登记该教师，或核对身份证号。',
  'reference.name_mismatch': (d) =>
    `姓名${q(d.value)}与教师名册中该身份证号对应的姓名${q(d.other)}不一致。请核对姓名或身份证号。`,
  'duplicate.entry': (d) =>
    `项目编号${q(d.value)}已在第 ${d.other ?? ''} 行使用，同一年度内项目编号不能重复。请改用新的编号或删除重复行。`,
  'duplicate.attendee': (d) =>
    `该身份证号已在第 ${d.other ?? ''} 行列入项目${q(d.value)}的参训名单，只计一次。请删除重复行。`,
  'catalogue.unknown_code': (d) => `项目编号${q(d.value)}不在“培训项目目录”中。请先在目录中登记该项目，或核对编号。`,
};

/** 1000000000 → "1,000,000,000": a bound of ten digits is read wrong without separators. */
function grouped(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const g = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? g : `${g}.${fraction}`;
}

function boundsZh(b: MessageDetails['bounds'] = {}): string {
  const parts: string[] = [];
  if (b.integer) parts.push('为整数');
  if (b.min !== undefined) parts.push(b.minExclusive ? `大于 ${grouped(b.min)}` : `不小于 ${grouped(b.min)}`);
  if (b.max !== undefined) parts.push(`不超过 ${grouped(b.max)}`);
  if (b.step !== undefined) parts.push(`是 ${b.step} 的整数倍`);
  return parts.join('、');
}

function boundsEn(b: MessageDetails['bounds'] = {}): string {
  const parts: string[] = [];
  if (b.integer) parts.push('a whole number');
  if (b.min !== undefined) parts.push(b.minExclusive ? `more than ${grouped(b.min)}` : `at least ${grouped(b.min)}`);
  if (b.max !== undefined) parts.push(`at most ${grouped(b.max)}`);
  if (b.step !== undefined) parts.push(`a multiple of ${b.step}`);
  return parts.join(', ');
}

function conditionZh(d: MessageDetails): string {
  const vals = (d.whenValues ?? []).map(q).join('或');
  return d.whenNot ? `${q(d.whenHeader)}不是${vals}时` : `${q(d.whenHeader)}为${vals}时`;
}

function dateInvalidZh(d: MessageDetails): string {
  const what = `${q(d.header)}的值${q(d.value)}`;
  switch (d.reason) {
    case 'semester':
      return `${what}不是有效的学期。请写作“2026-2027-1”（秋季学期）或“2026-2027-2”（春季学期），也可写“2026年秋季”“2027年春季”。`;
    case 'impossible':
      return `${what}是不存在的日期。请核对月份和日。`;
    case 'time':
      return `${what}中的时间不存在（时为 0–23，分和秒为 0–59）。请改正时间，或只填日期，如 2026-09-01。`;
    case 'year-like':
      return `${what}被 Excel 当成了数字（如 2026.09）。请把单元格格式设为“文本”后按 2026-09 的格式重新填写。`;
    case 'shape-ym':
      return `${what}不是有效日期。请按 2026-09-01 的格式填写（也可只填年月，如 2026-09）。`;
    default:
      return `${what}不是有效日期。请按 2026-09-01 的格式填写。`;
  }
}

const EN: Record<FindingCode, Render> = {
  'sheet.missing': (d) =>
    `The sheet ${eq(d.sheet)} is missing. Add a sheet named ${eq(d.sheet)} (copy its headers from the standard template).`,
  'sheet.extra': (d) =>
    d.reason === 'catalogue'
      ? `The sheet ${eq(d.value)} is not one of the catalogue's sheets (培训项目目录, 参训名单) and was ignored.`
      : `The sheet ${eq(d.value)} is not one of the ledger's sheets and was ignored. Move any data to be reported into the matching standard sheet.`,
  'header.missing': (d) =>
    d.reason === 'no-header-row'
      ? `No header row was found in the first 10 rows of ${eq(d.sheet)}, so the required column ${eq(d.header)} is missing. Add a header row above the data with the template's column names.`
      : d.reason === 'conditional'
        ? `The sheet ${eq(d.sheet)} has no column ${eq(d.header)}, which is required ${conditionEn(d)}. Add the column and fill it in.`
        : `The sheet ${eq(d.sheet)} has no required column ${eq(d.header)}. Add a column headed ${eq(d.header)} to the header row and fill it in.`,
  'column.extra': (d) =>
    `The column ${eq(d.value)} is not one of this sheet's columns and was ignored. If it should be, rename it to the template's header.`,
  'row.totals': () => 'This is a totals row; it was skipped and not counted as data.',
  required: (d) =>
    d.reason === 'conditional'
      ? `${eq(d.header)} must be filled in ${conditionEn(d)}.`
      : `${eq(d.header)} is required and must not be empty. Fill it in.`,
  'text.invalid': (d) =>
    d.reason === 'not-a-name'
      ? `The name ${eq(d.value)} is not valid: use 2–20 Chinese characters (a middle dot "·" is allowed) or Latin letters, as on the ID card.`
      : `${eq(d.header)} ${eq(d.value)} has the wrong length: it must be ${d.expected ?? ''} characters.`,
  'phone.invalid': (d) =>
    `The phone number ${eq(d.value)} is not an 11-digit mainland mobile number (starting 13–19). Check it, or leave the cell empty.`,
  'enum.invalid': (d) =>
    `${eq(d.header)} ${eq(d.value)} is not an allowed value. Allowed: ${(d.allowed ?? []).join(', ')}.` +
    (d.suggestion !== undefined ? ` Did you mean ${eq(d.suggestion)}?` : ' Pick one from the drop-down list.'),
  'date.invalid': (d) => dateInvalidEn(d),
  'date.range': (d) =>
    d.reason === 'catalogue-year'
      ? `The end date ${d.value ?? ''} is not in ${d.year ?? ''}: the ${d.year ?? ''} catalogue holds the trainings that end in that year. Check the date, or put the training in that year's catalogue.`
      : d.reason === 'semester'
        ? `The term ${eq(d.value)} is out of range: it must not be later than the autumn term of ${d.year ?? ''} (${d.year ?? ''}-${(d.year ?? 0) + 1}-1) nor before 1950.`
        : `${eq(d.header)} ${d.value ?? ''} is out of range: it must be between 1950-01-01 and ${d.year ?? ''}-12-31. Check the year.`,
  'date.order': (d) =>
    `The end date ${d.value ?? ''} is before the start date ${d.other ?? ''}. Check the training's dates.`,
  'number.invalid': (d) =>
    d.reason === 'unit'
      ? `${eq(d.header)} ${eq(d.value)} carries a unit that changes the amount (days, minutes, 万元 …). Convert it and enter the number alone: hours of 45 minutes, money in 元.`
      : `${eq(d.header)} ${eq(d.value)} is not a number. Enter digits only (e.g. 3.5), without other text.`,
  'number.range': (d) => `${eq(d.header)} ${d.value ?? ''} is out of range: it must be ${boundsEn(d.bounds)}.`,
  'cell.error_value': (d) =>
    `The cell holds the Excel error ${d.value ?? ''} (a broken formula). Fix the formula or type the value of ${eq(d.header)}.`,
  'id_number.format': () =>
    'This ID number is malformed: it must be 18 characters, 17 digits and a final digit or X. Re-enter it from the ID card.',
  'id_number.legacy': () => 'This ID number is an old 15-digit number. Enter the 18-digit resident ID number.',
  'id_number.scientific': () =>
    'Excel stored this ID number as a number (shown like 3.20102E+17, or with trailing zeros), so the original digits are lost. Format the column as Text, then re-enter the full 18-digit numbers.',
  'id_number.region': () =>
    'The first two digits of this ID number are not a province-level code. Check the number against the ID card.',
  'id_number.birthdate': (d) =>
    `Characters 7–14 of this ID number are not a real birth date between 1940-01-01 and ${d.expected ?? ''}. Check the number against the ID card.`,
  'id_number.checksum': () =>
    "This ID number's check character (the last one) does not match the first 17 digits; a digit was probably mistyped. Check it digit by digit.",
  'consistency.gender_id': (d) =>
    `The gender ${eq(d.value)} disagrees with the ID number, whose 17th digit means ${eq(d.expected)}. Check the gender or the ID number.`,
  'consistency.birthdate_id': (d) =>
    `The birth date ${d.value ?? ''} disagrees with the ID number's birth date ${d.expected ?? ''}. Check either.`,
  'sheet.empty': (d) =>
    d.reason === 'warning'
      ? `The sheet ${eq(d.sheet)} has no data rows below its header. If there has been no training this year yet, you can still submit; otherwise enter one row per training below the header.`
      : `The sheet ${eq(d.sheet)} has no teachers below its header, so there is nothing to submit. Enter one row per teacher of the school below the header.`,
  'hours.per_day': (d) => {
    const days = d.period?.days ?? 0;
    return (
      `The hours (${d.value ?? ''}) are more than ${days} ${days === 1 ? 'day' : 'days'} of training (${d.period?.start ?? ''} to ${d.period?.end ?? ''}) can hold ` +
      `at 8 hours a day (an hour is 45 minutes): at most ${d.expected ?? ''}. Check the start date, the end date or the hours.`
    );
  },
  'duplicate.teacher': (d) =>
    `This ID number is already on row ${d.other ?? ''}; a teacher is listed once. Delete the duplicate row or check the ID number.`,
  'duplicate.training': (d) =>
    `This training repeats row ${d.other ?? ''} (same ID number, course, start and end dates); its hours count once. If these were two trainings, check the dates.`,
  'duplicate.duty': (d) =>
    `This teacher's duties for term ${d.value ?? ''} repeat row ${d.other ?? ''}; one row per teacher per term. Merge the rows.`,
  'reference.unknown_teacher': () =>
    'This ID number is not in the roster (教师名册). Add the teacher to the roster first, or check the ID number.',
  'reference.name_mismatch': (d) =>
    `The name ${eq(d.value)} differs from the roster's name ${eq(d.other)} for this ID number. Check the name or the ID number.`,
  'duplicate.entry': (d) =>
    `The code ${eq(d.value)} is already used on row ${d.other ?? ''}; codes are unique within a year. Give this training a new code or delete the repeated row.`,
  'duplicate.attendee': (d) =>
    `This ID number is already on row ${d.other ?? ''} of the attendee list of ${eq(d.value)}; it counts once. Delete the repeated row.`,
  'catalogue.unknown_code': (d) =>
    `The code ${eq(d.value)} is not in the catalogue sheet (培训项目目录). Add the training there first, or check the code.`,
};

function conditionEn(d: MessageDetails): string {
  const vals = (d.whenValues ?? []).map(eq).join(' or ');
  return d.whenNot ? `when ${eq(d.whenHeader)} is not ${vals}` : `when ${eq(d.whenHeader)} is ${vals}`;
}

function dateInvalidEn(d: MessageDetails): string {
  const what = `${eq(d.header)} ${eq(d.value)}`;
  switch (d.reason) {
    case 'semester':
      return `${what} is not a term. Write "2026-2027-1" (autumn) or "2026-2027-2" (spring); "2026年秋季" and "2027年春季" are accepted too.`;
    case 'impossible':
      return `${what} is a date that does not exist. Check the month and day.`;
    case 'time':
      return `${what} has a time of day that does not exist (hours 0–23, minutes and seconds 0–59). Correct it, or enter the date alone, e.g. 2026-09-01.`;
    case 'year-like':
      return `${what} was stored by Excel as a number (like 2026.09). Format the cell as Text and enter it as 2026-09.`;
    case 'shape-ym':
      return `${what} is not a date. Write it as 2026-09-01 (or just the year and month, 2026-09).`;
    default:
      return `${what} is not a date. Write it as 2026-09-01.`;
  }
}

export function findingMessage(code: FindingCode, details: MessageDetails, lang: Lang = 'zh'): string {
  return (lang === 'en' ? EN : ZH)[code](details);
}
