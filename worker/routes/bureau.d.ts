import type { Context } from 'hono';
import { type BureauRow } from '../db/tenants.js';
import type { AppEnv } from '../env.js';
/** Exports the bureau's current teachers; `full` (admin route only) decrypts the ID numbers. */
export declare function exportResponse(c: Context<AppEnv>, bureau: BureauRow, year: number, format: 'csv' | 'xlsx', full: boolean): Promise<Response>;
export declare const bureau: import("hono/hono-base").HonoBase<AppEnv, {
    "/summary": {
        $get: {
            input: {
                query: {
                    year?: string | string[] | undefined;
                    bureau?: string | undefined;
                };
            };
            output: {
                bureau: {
                    id: string;
                    name: string;
                };
                year: number;
                deadline: string;
                daysLeft: number;
                schools: {
                    code: string;
                    name: string;
                    type: string;
                    rural: boolean;
                    submitted: boolean;
                    submissionId: string | null;
                    version: number | null;
                    status: import("../../shared/api/responses.js").SubmissionStatus | "missing";
                    submittedAt: string | null;
                    teachers: number;
                    pass: number;
                    warn: number;
                    fail: number;
                    passRate: number;
                    schoolStatus: import("../../shared/index.js").TeacherStatus | null;
                }[];
                totals: {
                    missing: number;
                    approved: number;
                    returned: number;
                    schools: number;
                    submitted: number;
                    teachers: number;
                    pass: number;
                    warn: number;
                    fail: number;
                    passRate: number;
                };
                byRule: {
                    rule: import("../../shared/index.js").RuleId;
                    pass: number;
                    warn: number;
                    fail: number;
                }[];
                backbone: {
                    tier: "校级" | "区级" | "市级" | "省级";
                    teachers: number;
                    pass: number;
                    warn: number;
                    fail: number;
                    passRate: number;
                }[];
                studio: {
                    tier: "主持人" | "核心成员" | "发展对象";
                    teachers: number;
                    pass: number;
                    warn: number;
                    fail: number;
                    passRate: number;
                }[];
                rural: {
                    rural: {
                        schools: number;
                        submitted: number;
                        teachers: number;
                        pass: number;
                        warn: number;
                        fail: number;
                        passRate: number;
                    };
                    urban: {
                        schools: number;
                        submitted: number;
                        teachers: number;
                        pass: number;
                        warn: number;
                        fail: number;
                        passRate: number;
                    };
                };
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/teachers": {
        $get: {
            input: {
                query: {
                    year?: string | string[] | undefined;
                    bureau?: string | undefined;
                    school?: string | undefined;
                    status?: "pass" | "warn" | "fail" | "invalid" | undefined;
                    rule?: string | undefined;
                    q?: string | undefined;
                    page?: string | string[] | undefined;
                    pageSize?: string | string[] | undefined;
                };
            };
            output: {
                year: number;
                page: number;
                pageSize: number;
                total: number;
                items: {
                    schoolCode: string;
                    schoolName: string;
                    rural: boolean;
                    row: number;
                    idMasked: string;
                    name: string;
                    gender: string;
                    stage: string;
                    subject: string;
                    title: string;
                    post: string;
                    backbone: string;
                    backboneLevel: string | null;
                    studioRole: string;
                    status: import("../../shared/index.js").TeacherStatus;
                    unmetRules: import("../../shared/index.js").RuleId[];
                    hours: number;
                    rules: {
                        rule: import("../../shared/index.js").RuleId;
                        status: import("../../shared/index.js").RuleStatus;
                        actual: number;
                        required: number;
                        message: string;
                    }[];
                }[];
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/schools/:code": {
        $get: {
            input: {
                query: {
                    year?: string | string[] | undefined;
                    bureau?: string | undefined;
                };
            } & {
                param: {
                    code: string;
                };
            };
            output: {
                school: {
                    code: string;
                    name: string;
                    type: string;
                    rural: boolean;
                    bureauId: string;
                };
                year: number;
                versions: {
                    id: string;
                    schoolCode: string;
                    schoolName: string;
                    year: number;
                    version: number;
                    current: boolean;
                    status: import("../../shared/api/responses.js").SubmissionStatus;
                    submittedAt: string;
                    submittedBy: string;
                    counts: {
                        teachers: number;
                        trainings: number;
                        duties: number;
                        milestones: number;
                    };
                    contentHash: string;
                    policy: {
                        id: string;
                        year: number;
                    };
                    asOf: string;
                    summary: {
                        teachers: number;
                        pass: number;
                        warn: number;
                        fail: number;
                        passRate: number;
                    };
                    review: {
                        comment: string | null;
                        reviewedBy: string | null;
                        reviewedAt: string | null;
                    };
                }[];
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/export": {
        $get: {
            input: {
                query: {
                    year?: string | string[] | undefined;
                    bureau?: string | undefined;
                    format?: "csv" | "xlsx" | undefined;
                };
            };
            output: {};
            outputFormat: string;
            status: import("hono/utils/http-status").StatusCode;
        };
    };
}, "/", "/export">;
