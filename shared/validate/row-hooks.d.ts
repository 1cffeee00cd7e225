import type { RowHook } from './table-sheet.js';
/** 性别 and 出生日期 against the ID number (year and month only when a year-month was given). */
export declare const teacherRowHook: RowHook;
/** 结束日期 not before 开始日期, reported on the end date's cell. */
export declare const trainingRowHook: RowHook;
