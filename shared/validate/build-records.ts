/**
 * Records from the rows without errors. Trainings, duties and milestones of a teacher whose roster
 * row has an error are still kept when their own row is clean: the record is correct data, and the
 * policy engine only evaluates valid teachers (an invalid one is listed as `invalid` without rules),
 * so keeping it changes no result and spares the clerk nothing. Rows that reference an ID absent
 * from the roster are errors (reference.unknown_teacher) and make no record.
 */

import type { SheetGrid } from '../grid.js';
import { plainText, trimText } from '../normalize/text.js';
import type {
  DutyRecord,
  InvalidTeacher,
  MilestoneRecord,
  SchoolRecord,
  TeacherRecord,
  TrainingRecord,
} from '../records.js';
import type { RowValues } from './row-reader.js';
import type { ParsedTable } from './table-sheet.js';

const str = (v: RowValues[string]): string => v as string;
const strOrNull = (v: RowValues[string]): string | null => (typeof v === 'string' ? v : null);
const num = (v: RowValues[string]): number => v as number;

function rawText(sheet: SheetGrid, r: number, c: number | undefined): string | null {
  if (c === undefined) return null;
  const v = sheet.rows[r]?.[c];
  if (v === null || v === undefined || (typeof v === 'object' && !(v instanceof Date))) return null;
  const t = trimText(plainText(v));
  return t === '' ? null : t;
}

export function schoolRecord(v: RowValues): SchoolRecord {
  return {
    schoolCode: str(v.schoolCode),
    schoolName: str(v.schoolName),
    schoolType: str(v.schoolType) as SchoolRecord['schoolType'],
    rural: v.rural === '是',
    publicBudget: num(v.publicBudget),
    trainingFunds: num(v.trainingFunds),
    planSubmittedOn: strOrNull(v.planSubmittedOn),
  };
}

export function teacherRecords(t: ParsedTable | null): {
  teachers: TeacherRecord[];
  invalidTeachers: InvalidTeacher[];
} {
  const teachers: TeacherRecord[] = [];
  const invalidTeachers: InvalidTeacher[] = [];
  if (!t) return { teachers, invalidTeachers };
  for (let i = 0; i < t.rows.length; i++) {
    const { index, values: v, bad } = t.rows[i]!;
    if (bad || t.incomplete) {
      invalidTeachers.push({
        row: index + 1,
        name: typeof v.name === 'string' ? v.name : rawText(t.sheet, index, t.plan.get('name')?.index),
        idNumber: typeof v.idNumber === 'string' ? v.idNumber : rawText(t.sheet, index, t.plan.get('idNumber')?.index),
      });
      continue;
    }
    teachers.push({
      row: index + 1,
      name: str(v.name),
      idNumber: str(v.idNumber),
      gender: str(v.gender) as TeacherRecord['gender'],
      birthDate: strOrNull(v.birthDate),
      phone: strOrNull(v.phone),
      stage: str(v.stage) as TeacherRecord['stage'],
      subject: str(v.subject) as TeacherRecord['subject'],
      title: str(v.title) as TeacherRecord['title'],
      education: str(v.education) as TeacherRecord['education'],
      startDate: str(v.startDate),
      post: str(v.post) as TeacherRecord['post'],
      postStartDate: strOrNull(v.postStartDate),
      backbone: (strOrNull(v.backbone) ?? '无') as TeacherRecord['backbone'],
      backboneLevel: strOrNull(v.backboneLevel) as TeacherRecord['backboneLevel'],
      studioRole: (strOrNull(v.studioRole) ?? '无') as TeacherRecord['studioRole'],
      transferred: v.transferred === '是',
      note: strOrNull(v.note),
    });
  }
  return { teachers, invalidTeachers };
}

/**
 * The records of a sheet whose record is its columns (培训记录, 骨干履职, 青年教师考核): a clean row's
 * values are already the record, `row` first and then each column in the record's order
 * (contract/sheets.ts lists them so; a test holds the two together), so they are taken as they
 * are instead of being copied field by field: 60,000 objects fewer to make and keep. Every value
 * of a clean row is a column's normalized type: a string, a number, or null where the column may
 * be empty.
 */
function columnRecords<R>(t: ParsedTable | null): R[] {
  const out: R[] = [];
  if (!t || t.incomplete) return out;
  for (let i = 0; i < t.rows.length; i++) {
    const row = t.rows[i]!;
    if (!row.bad && !row.repeat) out.push(row.values as unknown as R);
  }
  return out;
}

export function trainingRecords(t: ParsedTable | null): TrainingRecord[] {
  return columnRecords<TrainingRecord>(t);
}

export function dutyRecords(t: ParsedTable | null): DutyRecord[] {
  return columnRecords<DutyRecord>(t);
}

export function milestoneRecords(t: ParsedTable | null): MilestoneRecord[] {
  return columnRecords<MilestoneRecord>(t);
}
