/**
 * Records from the rows without errors. Trainings, duties and milestones of a teacher whose roster
 * row has an error are still kept when their own row is clean: the record is correct data, and the
 * policy engine only evaluates valid teachers (an invalid one is listed as `invalid` without rules),
 * so keeping it changes no result and spares the clerk nothing. Rows that reference an ID absent
 * from the roster are errors (reference.unknown_teacher) and make no record.
 */
import type { DutyRecord, InvalidTeacher, MilestoneRecord, SchoolRecord, TeacherRecord, TrainingRecord } from '../records.js';
import type { RowValues } from './row-reader.js';
import type { ParsedTable } from './table-sheet.js';
export declare function schoolRecord(v: RowValues): SchoolRecord;
export declare function teacherRecords(t: ParsedTable | null): {
    teachers: TeacherRecord[];
    invalidTeachers: InvalidTeacher[];
};
export declare function trainingRecords(t: ParsedTable | null): TrainingRecord[];
export declare function dutyRecords(t: ParsedTable | null): DutyRecord[];
export declare function milestoneRecords(t: ParsedTable | null): MilestoneRecord[];
