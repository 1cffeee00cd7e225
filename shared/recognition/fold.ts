/**
 * The forms in which courses and codes are compared (archive.md §2): a clerk's "2026年 新教师
 * 入岗培训（第一期）" and the catalogue's "新教师入岗培训第一期" are the same training.
 */

/** Spaces, punctuation, symbols and invisible characters: none of them makes a different course. */
const NOISE = /[\p{Z}\p{P}\p{S}\p{C}\s]+/gu;
/** A year in front ("2026年", "2026年度"): ledgers repeat the year the catalogue is already for. */
const LEADING_YEAR = /^(?:19|20)\d{2}年度?/;

/**
 * A course as compared: NFKC (full width → half width), lower case, without spaces, punctuation,
 * symbols or a leading year. Pure and cheap; callers that fold many records memoize by text.
 */
export function foldCourse(course: string): string {
  return course.normalize('NFKC').toLowerCase().replace(NOISE, '').replace(LEADING_YEAR, '');
}

/** A 项目编号 as compared: NFKC, without spaces, upper case ("lx-2026-01 " = "LX-2026-01"). */
export function foldCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}
