import { type Collector, type SheetPlace } from './collector.js';
import type { ParsedTable } from './table-sheet.js';
export interface RosterEntry {
    rowIndex: number;
    name: string | null;
}
export interface PlacedTable {
    table: ParsedTable;
    place: SheetPlace & {
        name: string;
    };
}
export interface Roster {
    byId: Map<string, RosterEntry>;
    /**
     * The first 15 digits of roster IDs that Excel stored as numbers. A training whose (valid) ID
     * starts with them belongs to that teacher: the roster row already has id_number.scientific,
     * and flagging each of the teacher's trainings as unknown would only bury that one fix.
     */
    damaged: Set<string>;
}
/** The roster by ID (first row wins); later rows with the same ID get duplicate.teacher. */
export declare function buildRoster(t: PlacedTable, collector: Collector): Roster;
/**
 * reference.unknown_teacher on the ID cell and reference.name_mismatch on the name cell. When the
 * roster could not be read (no 教师名册, or no ID column) nothing is checked: every row would be
 * "unknown", and the roster's own findings already say what to fix.
 */
export declare function checkReferences(t: PlacedTable, roster: Roster | null, collector: Collector): void;
/** duplicate.training (warning) on the later copies' ID cell; those copies make no record. */
export declare function checkRepeatedTrainings(t: PlacedTable, collector: Collector): void;
/** duplicate.duty (error) on the later rows of the same teacher and term. */
export declare function checkRepeatedDuties(t: PlacedTable, collector: Collector): void;
