/**
 * From a submitted workbook to the rows to store: re-validate with the shared validator (the
 * clerk's findings, exactly), evaluate the bureau's policy (the authoritative compliance), and turn
 * every ID number into its hash, masked and encrypted forms. Nothing here touches the database.
 */
import type { SubmissionCounts } from '../../shared/api/responses.js';
import { type EncodedWorkbook } from '../../shared/grid.js';
import { type ResolvedPolicy } from '../../shared/policy/index.js';
import type { ComplianceReport, TeacherStatus } from '../../shared/policy/types.js';
import type { Records, SchoolRecord } from '../../shared/records.js';
import { type IdKeys } from '../crypto/ids.js';
/** Per-version aggregates kept with the submission so the bureau summary never scans teachers. */
export interface SubmissionStats {
    /** rule → [pass, warn, fail] over teachers (teacher rules) or the school (school rules). */
    byRule: Record<string, [number, number, number]>;
    /** backbone level → [teachers, pass, warn, fail]. */
    backbone: Record<string, [number, number, number, number]>;
    /** studio role → [teachers, pass, warn, fail]. */
    studio: Record<string, [number, number, number, number]>;
    schoolStatus: TeacherStatus;
}
export interface PreparedSubmission {
    school: SchoolRecord;
    report: ComplianceReport;
    counts: SubmissionCounts;
    stats: SubmissionStats;
    teachers: unknown[][];
    trainings: unknown[][];
    duties: unknown[][];
    milestones: unknown[][];
}
/** Column order of each table's staged JSON rows (after submission_id). */
export declare const TEACHER_COLUMNS: readonly ["row", "id_hmac", "id_masked", "id_enc", "name", "gender", "birth_date", "stage", "subject", "title", "education", "start_date", "post", "post_start_date", "backbone", "backbone_level", "studio_role", "transferred", "status", "unmet", "hours", "compliance_json"];
export declare const TRAINING_COLUMNS: readonly ["row", "id_hmac", "course", "level", "category", "form", "start_date", "end_date", "hours", "organizer", "certificate"];
export declare const DUTY_COLUMNS: readonly ["row", "id_hmac", "semester", "demo_lessons_home", "demo_lessons_guided", "observed_lessons", "group_preps", "lectures", "project_led", "small_projects"];
export declare const MILESTONE_COLUMNS: readonly ["row", "id_hmac", "milestone", "result", "date"];
/** 400 submission.invalid with the validator's findings, or the valid records. */
export declare function validateSubmission(workbook: EncodedWorkbook, year: number): Records;
export declare function prepareSubmission(records: Records, policy: ResolvedPolicy, opts: {
    year: number;
    asOf: string;
    schoolCode: string;
    keys: IdKeys;
}): Promise<PreparedSubmission>;
