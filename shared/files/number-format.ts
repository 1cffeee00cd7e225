/**
 * Whether a cell's number format shows a date or a time, which is what makes its number a date
 * (the grid's Date). Shared by the .xlsx reader (styles.xml) and the .xls adapter (SheetJS's
 * format strings), so both kinds of file give the same cells.
 */

/**
 * Built-in formats without a numFmt entry in the file: 14–22 and 45–47 everywhere, and the ones
 * East-Asian Excel and WPS write for 年月日 and 时分 formats (27–36, 50–58; zh-CN 31 is
 * yyyy"年"m"月"d"日"). exceljs knew only the first group; see docs/FILES.md.
 */
export function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A format code shows a date when, outside quoted text, escaped characters, fill/padding pairs and
 * [bracketed] parts (colours, locales, [h] durations keep their letter), it has a date or time
 * letter. "General" and the exponent "E+" are the only other letters number formats use.
 */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[([hms])+\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '')
    .replace(/G\/通用格式/g, '');
  return /[ymdhsb]/i.test(bare);
}
