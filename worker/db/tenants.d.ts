/** Bureaus and schools: the tenants every access check is made against. */
import type { BureauInfo, SchoolInfo } from '../../shared/api/responses.js';
export interface SchoolRow {
    code: string;
    name: string;
    type: string;
    rural: number;
    bureau_id: string;
    created_at: string;
}
export interface BureauRow {
    id: string;
    name: string;
    created_at: string;
}
export declare const toSchoolInfo: (r: SchoolRow) => SchoolInfo;
export declare const toBureauInfo: (r: BureauRow) => BureauInfo;
export declare function getSchool(db: D1Database, code: string): any;
export declare function getBureau(db: D1Database, id: string): any;
export declare function listBureaus(db: D1Database): Promise<BureauRow[]>;
export declare function listSchools(db: D1Database, bureauId: string | null): Promise<SchoolRow[]>;
/** false when the id is taken. */
export declare function insertBureau(db: D1Database, b: {
    id: string;
    name: string;
}, now: string): Promise<boolean>;
export declare function insertSchool(db: D1Database, s: {
    code: string;
    name: string;
    type: string;
    rural: boolean;
    bureauId: string;
}, now: string): Promise<boolean>;
export declare function audit(db: D1Database, tokenId: string | null, action: string, details: Record<string, unknown>, now: string): Promise<void>;
