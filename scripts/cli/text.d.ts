/** The words of the readable reports, in Chinese (default) and English (--lang en). */
import type { Lang, Severity } from '../../shared/contract/codes.js';
import type { RuleId, TeacherStatus } from '../../shared/policy/types.js';
export interface ReportText {
    title: (file: string, year: number) => string;
    counts: (c: {
        teachers: number;
        trainings: number;
        duties: number;
        milestones: number;
    }) => string;
    tally: (c: {
        errors: number;
        warnings: number;
        infos: number;
        fixes: number;
    }) => string;
    severity: Record<Severity, string>;
    workbook: string;
    fixesTitle: (n: number) => string;
    moreFixes: (n: number) => string;
    verdictOk: (warnings: number) => string;
    verdictErrors: (errors: number) => string;
    complianceTitle: (policy: string, year: number, asOf: string) => string;
    schoolLine: (status: string) => string;
    schoolInvalid: string;
    teachersLine: (s: {
        teachers: number;
        pass: number;
        warn: number;
        fail: number;
        invalid: number;
        passRate: number;
    }) => string;
    status: Record<TeacherStatus, string>;
    rule: Record<RuleId, string>;
    columns: {
        row: string;
        name: string;
        id: string;
        status: string;
        rules: string;
    };
    actualRequired: (actual: number, required: number) => string;
    fixWritten: (applied: number, out: string) => string;
    fixSkipped: (cell: string, reason: string) => string;
    nothingToFix: (out: string) => string;
    templateWritten: (out: string) => string;
    notSent: (errors: number) => string;
    sending: (server: string) => string;
    accepted: (id: string, version: number, at: string) => string;
    receiptCounts: (c: {
        teachers: number;
        trainings: number;
        duties: number;
        milestones: number;
    }) => string;
    rejected: (message: string) => string;
    failed: (kind: string, message: string) => string;
}
export declare function reportText(lang: Lang): ReportText;
