/** The bureau's views over the current versions of its schools. */
import type { BureauSummary, TeacherPage, TeacherRow } from '../../shared/api/responses.js';
import type { TeacherStatus } from '../../shared/policy/types.js';
import type { BureauRow } from './tenants.js';
/** Two reads in one round trip: the bureau's schools with their current versions, and the deadline. */
export declare function bureauSummary(db: D1Database, bureau: BureauRow, year: number, today: string): Promise<BureauSummary>;
export interface TeacherFilter {
    bureauId: string;
    year: number;
    school?: string;
    status?: TeacherStatus;
    rule?: string;
    q?: string;
}
interface TeacherDbRow {
    school_code: string;
    school_name: string;
    rural: number;
    row: number;
    id_masked: string;
    id_enc: string;
    name: string;
    gender: string;
    stage: string;
    subject: string;
    title: string;
    post: string;
    backbone: string;
    backbone_level: string | null;
    studio_role: string;
    status: TeacherStatus;
    unmet: string;
    hours: number;
    compliance_json: string;
}
export declare function toTeacherRow(r: TeacherDbRow): TeacherRow;
export declare function teacherPage(db: D1Database, f: TeacherFilter, page: number, pageSize: number): Promise<TeacherPage>;
/** Every current teacher of the bureau (export), with the encrypted ID for the audited full export. */
export declare function allTeachers(db: D1Database, f: TeacherFilter): Promise<(TeacherRow & {
    idEnc: string;
})[]>;
export {};
