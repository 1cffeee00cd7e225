/**
 * The workbook contract of template.md as data: the five sheets, their names and aliases, and every
 * column with its header, aliases, value type and whether it is required. This is the single source
 * for the validator, the zod record schemas, the template writer, the Excel dropdown lists and the
 * docs tables.
 */
import { type EnumDef } from './enums.js';
export type SheetKey = 'school' | 'teachers' | 'trainings' | 'duties' | 'milestones';
/** The order of template.md: findings are sorted by it. */
export declare const SHEET_ORDER: readonly SheetKey[];
/**
 * How a cell's value is read and normalized.
 * - personName: 姓名, 2–20 CJK letters, middle dot or Latin letters/space
 * - text: free text with optional length bounds
 * - idNumber: the resident ID rules
 * - date: a full date; yearMonth: a date where a year-month is enough
 * - number: decimal with optional bounds and step; integer: whole number ≥ min
 * - enum: one of an EnumDef's values or aliases (yes/no and gender are enums too)
 * - phone: 11-digit mainland mobile (warning only)
 * - semester: "YYYY-YYYY-1|2" and the listed Chinese forms
 */
export type ColumnType = {
    kind: 'personName';
} | {
    kind: 'text';
    minLength?: number;
    maxLength?: number;
} | {
    kind: 'idNumber';
} | {
    kind: 'date';
} | {
    kind: 'yearMonth';
} | {
    kind: 'number';
    min?: number;
    minExclusive?: boolean;
    max?: number;
    step?: number;
} | {
    kind: 'integer';
    min: number;
} | {
    kind: 'enum';
    def: EnumDef;
    boolean?: boolean;
} | {
    kind: 'phone';
} | {
    kind: 'semester';
};
/**
 * required: 'yes', 'no', or a condition on the same row's normalized values (任现职时间 when the post
 * is 校长/副校长; 称号级别 when 骨干称号 is not 无).
 */
export type Requirement = 'yes' | 'no' | {
    when: string;
    in: readonly string[];
} | {
    when: string;
    notIn: readonly string[];
};
export interface ColumnDef {
    key: string;
    header: string;
    aliases: readonly string[];
    type: ColumnType;
    required: Requirement;
    /** The value an empty optional cell stands for (骨干称号 empty = 无). */
    emptyMeans?: string;
    /** Column width for the template writer, in Excel character units. */
    width: number;
}
export interface SheetDef {
    key: SheetKey;
    name: string;
    aliases: readonly string[];
    required: boolean;
    columns: readonly ColumnDef[];
    /** 学校概况 may also be a two-column key/value sheet. */
    keyValue?: boolean;
}
export declare const SCHOOL_SHEET: SheetDef;
export declare const TEACHERS_SHEET: SheetDef;
export declare const TRAININGS_SHEET: SheetDef;
export declare const DUTIES_SHEET: SheetDef;
export declare const MILESTONES_SHEET: SheetDef;
export declare const SHEETS: Readonly<Record<SheetKey, SheetDef>>;
export declare const SHEET_LIST: readonly SheetDef[];
