/** The export's columns, shared by CSV and XLSX so both files hold the same table. */
import type { TeacherRow } from '../../shared/api/responses.js';
export type ExportRow = TeacherRow & {
    idFull?: string;
};
export declare function exportTable(rows: ExportRow[], full: boolean): (string | number)[][];
