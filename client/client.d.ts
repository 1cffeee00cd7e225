/**
 * Every call the pane, the dashboard and the CLI make, by name: `createClient(conn).bureau.summary({ year })`.
 * Reads are retried (network errors, timeouts, 5xx, 429); writes only where a retry cannot do a
 * thing twice (429, 503; the submission under its Idempotency-Key). Every method answers an
 * ApiResult, never throws.
 */
import type { BureauCreate, ReviewRequest, SchoolCreate, TeacherQuery, TokenIssue } from '../shared/api/requests.js';
import type { RetryOptions } from './retry.js';
import { type Connection } from './routes.js';
import { type SubmitInput } from './submit.js';
export interface ClientOptions extends Connection {
    /** Defaults for every call's retries (attempts, timeout, backoff, onRetry; sleep for tests). */
    retry?: RetryOptions;
    /** Called on any 401 (a revoked or expired token), e.g. to sign out. */
    onUnauthorized?: () => void;
}
/** The year and, for an admin, the bureau a bureau-scoped read is about. */
export interface Scope {
    year?: number;
    /** Admins name the bureau; a reviewer's token has one and may omit it. */
    bureau?: string;
}
export type ExportFormat = 'csv' | 'xlsx';
export declare function createClient(options: ClientOptions): {
    /** The typed routes themselves, for a call not named below (still no hand-made URL). */
    routes: {
        health: import("hono/client").ClientRequest<string, "/api/v1/health", {
            $get: {
                input: {};
                output: {
                    ok: true;
                    version: string;
                    time: string;
                };
                outputFormat: "json";
                status: 200;
            };
        }>;
    } & {
        me: import("hono/client").ClientRequest<string, "/api/v1/me", {
            $get: {
                input: {};
                output: {
                    role: "clerk" | "reviewer" | "admin";
                    label: string;
                    school: {
                        code: string;
                        name: string;
                    } | null;
                    bureau: {
                        id: string;
                        name: string;
                    } | null;
                };
                outputFormat: "json";
                status: 200;
            };
        }>;
    } & {
        submissions: import("hono/client").ClientRequest<string, "/api/v1/submissions", {
            $post: {
                input: {
                    json: {
                        year: number;
                        workbook: {
                            sheets: {
                                name: string;
                                rows: (string | number | boolean | {
                                    d: string;
                                } | {
                                    e: string;
                                } | null)[][];
                            }[];
                        };
                    };
                };
                output: {
                    submission: {
                        id: string;
                        schoolCode: string;
                        schoolName: string;
                        year: number;
                        version: number;
                        current: boolean;
                        status: import("../shared/api/responses.js").SubmissionStatus;
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
                    };
                    compliance: {
                        policy: {
                            id: string;
                            year: number;
                        };
                        asOf: string;
                        teachers: {
                            row: number;
                            idMasked: string;
                            name: string;
                            status: import("../shared/index.js").TeacherStatus;
                            rules: {
                                rule: import("../shared/index.js").RuleId;
                                status: import("../shared/index.js").RuleStatus;
                                actual: number;
                                required: number;
                                message: string;
                            }[];
                        }[];
                        school: {
                            status: import("../shared/index.js").TeacherStatus;
                            rules: {
                                rule: import("../shared/index.js").RuleId;
                                status: import("../shared/index.js").RuleStatus;
                                actual: number;
                                required: number;
                                message: string;
                            }[];
                            summary: {
                                teachers: number;
                                pass: number;
                                warn: number;
                                fail: number;
                                passRate: number;
                            };
                        };
                    };
                };
                outputFormat: "json";
                status: 201;
            };
            $get: {
                input: {
                    query: {
                        year?: string | string[] | undefined;
                    };
                };
                output: {
                    items: {
                        id: string;
                        schoolCode: string;
                        schoolName: string;
                        year: number;
                        version: number;
                        current: boolean;
                        status: import("../shared/api/responses.js").SubmissionStatus;
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
        }>;
    } & {
        submissions: {
            ":id": import("hono/client").ClientRequest<string, "/api/v1/submissions/:id", {
                $get: {
                    input: {
                        param: {
                            id: string;
                        };
                    };
                    output: {
                        submission: {
                            id: string;
                            schoolCode: string;
                            schoolName: string;
                            year: number;
                            version: number;
                            current: boolean;
                            status: import("../shared/api/responses.js").SubmissionStatus;
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
                        };
                        school: {
                            code: string;
                            name: string;
                            type: string;
                            rural: boolean;
                            publicBudget: number;
                            trainingFunds: number;
                            planSubmittedOn: string | null;
                        };
                    };
                    outputFormat: "json";
                    status: 200;
                };
            }>;
        };
    } & {
        submissions: {
            ":id": {
                compliance: import("hono/client").ClientRequest<string, "/api/v1/submissions/:id/compliance", {
                    $get: {
                        input: {
                            param: {
                                id: string;
                            };
                        };
                        output: {
                            submission: {
                                id: string;
                                schoolCode: string;
                                schoolName: string;
                                year: number;
                                version: number;
                                current: boolean;
                                status: import("../shared/api/responses.js").SubmissionStatus;
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
                            };
                            compliance: {
                                policy: {
                                    id: string;
                                    year: number;
                                };
                                asOf: string;
                                teachers: {
                                    row: number;
                                    idMasked: string;
                                    name: string;
                                    status: import("../shared/index.js").TeacherStatus;
                                    rules: {
                                        rule: import("../shared/index.js").RuleId;
                                        status: import("../shared/index.js").RuleStatus;
                                        actual: number;
                                        required: number;
                                        message: string;
                                    }[];
                                }[];
                                school: {
                                    status: import("../shared/index.js").TeacherStatus;
                                    rules: {
                                        rule: import("../shared/index.js").RuleId;
                                        status: import("../shared/index.js").RuleStatus;
                                        actual: number;
                                        required: number;
                                        message: string;
                                    }[];
                                    summary: {
                                        teachers: number;
                                        pass: number;
                                        warn: number;
                                        fail: number;
                                        passRate: number;
                                    };
                                };
                            };
                        };
                        outputFormat: "json";
                        status: 200;
                    };
                }>;
            };
        };
    } & {
        submissions: {
            ":id": {
                diff: import("hono/client").ClientRequest<string, "/api/v1/submissions/:id/diff", {
                    $get: {
                        input: {
                            param: {
                                id: string;
                            };
                        };
                        output: {
                            id: string;
                            version: number;
                            previous: {
                                id: string;
                                version: number;
                            } | null;
                            added: {
                                idMasked: string;
                                name: string;
                            }[];
                            removed: {
                                idMasked: string;
                                name: string;
                            }[];
                            hoursChanged: {
                                idMasked: string;
                                name: string;
                                before: number;
                                after: number;
                            }[];
                            statusChanged: {
                                idMasked: string;
                                name: string;
                                before: import("../shared/index.js").TeacherStatus;
                                after: import("../shared/index.js").TeacherStatus;
                            }[];
                        };
                        outputFormat: "json";
                        status: 200;
                    };
                }>;
            };
        };
    } & {
        submissions: {
            ":id": {
                review: import("hono/client").ClientRequest<string, "/api/v1/submissions/:id/review", {
                    $post: {
                        input: {
                            json: {
                                decision: "approve" | "return";
                                comment?: string | undefined;
                            };
                        } & {
                            param: {
                                id: string;
                            };
                        };
                        output: {
                            submission: {
                                id: string;
                                schoolCode: string;
                                schoolName: string;
                                year: number;
                                version: number;
                                current: boolean;
                                status: import("../shared/api/responses.js").SubmissionStatus;
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
                            };
                        };
                        outputFormat: "json";
                        status: 200;
                    };
                }>;
            };
        };
    } & {
        bureau: {
            exports: {
                summary: import("hono/client").ClientRequest<string, "/api/v1/bureau/exports/summary", {
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
                }>;
            };
        };
    } & {
        bureau: {
            exports: {
                teachers: import("hono/client").ClientRequest<string, "/api/v1/bureau/exports/teachers", {
                    $get: {
                        input: {
                            query: {
                                school?: string | undefined;
                                status?: "pass" | "warn" | "fail" | "invalid" | undefined;
                                year?: string | string[] | undefined;
                                bureau?: string | undefined;
                                rule?: string | undefined;
                                q?: string | undefined;
                                format?: "csv" | "xlsx" | undefined;
                            };
                        };
                        output: {};
                        outputFormat: string;
                        status: import("hono/utils/http-status").StatusCode;
                    };
                }>;
            };
        };
    } & {
        bureau: {
            summary: import("hono/client").ClientRequest<string, "/api/v1/bureau/summary", {
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
                            status: import("../shared/api/responses.js").SubmissionStatus | "missing";
                            submittedAt: string | null;
                            teachers: number;
                            pass: number;
                            warn: number;
                            fail: number;
                            passRate: number;
                            schoolStatus: import("../shared/index.js").TeacherStatus | null;
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
                            rule: import("../shared/index.js").RuleId;
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
            }>;
        };
    } & {
        bureau: {
            teachers: import("hono/client").ClientRequest<string, "/api/v1/bureau/teachers", {
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
                            status: import("../shared/index.js").TeacherStatus;
                            unmetRules: import("../shared/index.js").RuleId[];
                            hours: number;
                            rules: {
                                rule: import("../shared/index.js").RuleId;
                                status: import("../shared/index.js").RuleStatus;
                                actual: number;
                                required: number;
                                message: string;
                            }[];
                        }[];
                    };
                    outputFormat: "json";
                    status: 200;
                };
            }>;
        };
    } & {
        bureau: {
            schools: {
                ":code": import("hono/client").ClientRequest<string, "/api/v1/bureau/schools/:code", {
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
                                status: import("../shared/api/responses.js").SubmissionStatus;
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
                }>;
            };
        };
    } & {
        bureau: {
            export: import("hono/client").ClientRequest<string, "/api/v1/bureau/export", {
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
            }>;
        };
    } & {
        policies: {
            ":year": import("hono/client").ClientRequest<string, "/api/v1/policies/:year", {
                $get: {
                    input: {
                        param: {
                            year: string;
                        };
                    } & {
                        query: {
                            year?: string | string[] | undefined;
                            bureau?: string | undefined;
                        };
                    };
                    output: {
                        bureauId: string;
                        year: number;
                        source: "bureau" | "default";
                        file: import("hono/utils/types").JSONValue;
                        deadline: string;
                        updatedAt: string | null;
                    };
                    outputFormat: "json";
                    status: 200;
                };
                $put: {
                    input: {
                        param: {
                            year: string;
                        };
                    } & {
                        query: {
                            bureau: string;
                            deadline?: string | undefined;
                        };
                    } & {
                        json?: unknown;
                    };
                    output: {
                        bureauId: string;
                        year: number;
                        source: "bureau" | "default";
                        file: import("hono/utils/types").JSONValue;
                        deadline: string;
                        updatedAt: string | null;
                    };
                    outputFormat: "json";
                    status: 200;
                };
            }>;
        };
    } & {
        admin: {
            bureaus: import("hono/client").ClientRequest<string, "/api/v1/admin/bureaus", {
                $get: {
                    input: {};
                    output: {
                        items: {
                            id: string;
                            name: string;
                            createdAt: string;
                        }[];
                    };
                    outputFormat: "json";
                    status: 200;
                };
                $post: {
                    input: {
                        json: {
                            id: string;
                            name: string;
                        };
                    };
                    output: {
                        id: string;
                        name: string;
                        createdAt: string;
                    };
                    outputFormat: "json";
                    status: 201;
                };
            }>;
        };
    } & {
        admin: {
            schools: import("hono/client").ClientRequest<string, "/api/v1/admin/schools", {
                $get: {
                    input: {
                        query: {
                            bureau?: string | undefined;
                        };
                    };
                    output: {
                        items: {
                            code: string;
                            name: string;
                            type: string;
                            rural: boolean;
                            bureauId: string;
                            createdAt: string;
                        }[];
                    };
                    outputFormat: "json";
                    status: 200;
                };
                $post: {
                    input: {
                        json: {
                            code: string;
                            name: string;
                            type: string;
                            rural: boolean;
                            bureauId: string;
                        };
                    };
                    output: {
                        code: string;
                        name: string;
                        type: string;
                        rural: boolean;
                        bureauId: string;
                        createdAt: string;
                    };
                    outputFormat: "json";
                    status: 201;
                };
            }>;
        };
    } & {
        admin: {
            tokens: import("hono/client").ClientRequest<string, "/api/v1/admin/tokens", {
                $get: {
                    input: {};
                    output: {
                        items: {
                            id: string;
                            role: "clerk" | "reviewer" | "admin";
                            schoolCode: string | null;
                            bureauId: string | null;
                            label: string;
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                        }[];
                    };
                    outputFormat: "json";
                    status: 200;
                };
                $post: {
                    input: {
                        json: {
                            role: "clerk" | "reviewer" | "admin";
                            label: string;
                            schoolCode?: string | undefined;
                            bureauId?: string | undefined;
                            expiresAt?: string | undefined;
                        };
                    };
                    output: {
                        token: string;
                        info: {
                            id: string;
                            role: "clerk" | "reviewer" | "admin";
                            schoolCode: string | null;
                            bureauId: string | null;
                            label: string;
                            createdAt: string;
                            expiresAt: string | null;
                            revokedAt: string | null;
                        };
                    };
                    outputFormat: "json";
                    status: 201;
                };
            }>;
        };
    } & {
        admin: {
            tokens: {
                ":id": {
                    revoke: import("hono/client").ClientRequest<string, "/api/v1/admin/tokens/:id/revoke", {
                        $post: {
                            input: {
                                param: {
                                    id: string;
                                };
                            };
                            output: {
                                id: string;
                                role: "clerk" | "reviewer" | "admin";
                                schoolCode: string | null;
                                bureauId: string | null;
                                label: string;
                                createdAt: string;
                                expiresAt: string | null;
                                revokedAt: string | null;
                            };
                            outputFormat: "json";
                            status: 200;
                        };
                    }>;
                };
            };
        };
    } & {
        admin: {
            export: import("hono/client").ClientRequest<string, "/api/v1/admin/export", {
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
            }>;
        };
    };
    health: () => Promise<import("./call.js").Sent<{
        ok: true;
        version: string;
        time: string;
    }>>;
    me: () => Promise<import("./call.js").Sent<{
        role: "clerk" | "reviewer" | "admin";
        label: string;
        school: {
            code: string;
            name: string;
        } | null;
        bureau: {
            id: string;
            name: string;
        } | null;
    }>>;
    submissions: {
        list: (year: number) => Promise<import("./call.js").Sent<{
            items: {
                id: string;
                schoolCode: string;
                schoolName: string;
                year: number;
                version: number;
                current: boolean;
                status: import("../shared/api/responses.js").SubmissionStatus;
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
        }>>;
        get: (id: string) => Promise<import("./call.js").Sent<{
            submission: {
                id: string;
                schoolCode: string;
                schoolName: string;
                year: number;
                version: number;
                current: boolean;
                status: import("../shared/api/responses.js").SubmissionStatus;
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
            };
            school: {
                code: string;
                name: string;
                type: string;
                rural: boolean;
                publicBudget: number;
                trainingFunds: number;
                planSubmittedOn: string | null;
            };
        }>>;
        compliance: (id: string) => Promise<import("./call.js").Sent<{
            submission: {
                id: string;
                schoolCode: string;
                schoolName: string;
                year: number;
                version: number;
                current: boolean;
                status: import("../shared/api/responses.js").SubmissionStatus;
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
            };
            compliance: {
                policy: {
                    id: string;
                    year: number;
                };
                asOf: string;
                teachers: {
                    row: number;
                    idMasked: string;
                    name: string;
                    status: import("../shared/index.js").TeacherStatus;
                    rules: {
                        rule: import("../shared/index.js").RuleId;
                        status: import("../shared/index.js").RuleStatus;
                        actual: number;
                        required: number;
                        message: string;
                    }[];
                }[];
                school: {
                    status: import("../shared/index.js").TeacherStatus;
                    rules: {
                        rule: import("../shared/index.js").RuleId;
                        status: import("../shared/index.js").RuleStatus;
                        actual: number;
                        required: number;
                        message: string;
                    }[];
                    summary: {
                        teachers: number;
                        pass: number;
                        warn: number;
                        fail: number;
                        passRate: number;
                    };
                };
            };
        }>>;
        diff: (id: string) => Promise<import("./call.js").Sent<{
            id: string;
            version: number;
            previous: {
                id: string;
                version: number;
            } | null;
            added: {
                idMasked: string;
                name: string;
            }[];
            removed: {
                idMasked: string;
                name: string;
            }[];
            hoursChanged: {
                idMasked: string;
                name: string;
                before: number;
                after: number;
            }[];
            statusChanged: {
                idMasked: string;
                name: string;
                before: import("../shared/index.js").TeacherStatus;
                after: import("../shared/index.js").TeacherStatus;
            }[];
        }>>;
        review: (id: string, body: ReviewRequest) => Promise<import("./call.js").Sent<{
            submission: {
                id: string;
                schoolCode: string;
                schoolName: string;
                year: number;
                version: number;
                current: boolean;
                status: import("../shared/api/responses.js").SubmissionStatus;
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
            };
        }>>;
        submit: (input: SubmitInput) => Promise<import("./submit.js").SubmitResult>;
    };
    bureau: {
        summary: (scope: Scope) => Promise<import("./call.js").Sent<{
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
                status: import("../shared/api/responses.js").SubmissionStatus | "missing";
                submittedAt: string | null;
                teachers: number;
                pass: number;
                warn: number;
                fail: number;
                passRate: number;
                schoolStatus: import("../shared/index.js").TeacherStatus | null;
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
                rule: import("../shared/index.js").RuleId;
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
        }>>;
        teachers: (q: TeacherQuery) => Promise<import("./call.js").Sent<{
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
                status: import("../shared/index.js").TeacherStatus;
                unmetRules: import("../shared/index.js").RuleId[];
                hours: number;
                rules: {
                    rule: import("../shared/index.js").RuleId;
                    status: import("../shared/index.js").RuleStatus;
                    actual: number;
                    required: number;
                    message: string;
                }[];
            }[];
        }>>;
        school: (code: string, scope: Scope) => Promise<import("./call.js").Sent<{
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
                status: import("../shared/api/responses.js").SubmissionStatus;
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
        }>>;
        /** The bureau's current teachers with masked IDs. */
        export: (scope: Scope, format: ExportFormat) => Promise<import("./call.js").Sent<import("./call.js").Download>>;
        /** The district summary, one row per school. */
        exportSummary: (scope: Scope, format: ExportFormat) => Promise<import("./call.js").Sent<import("./call.js").Download>>;
        /** The teacher list with the same filters as `teachers`. */
        exportTeachers: (q: Omit<TeacherQuery, "page" | "pageSize">, format: ExportFormat) => Promise<import("./call.js").Sent<import("./call.js").Download>>;
    };
    policies: {
        get: (year: number, bureau?: string) => Promise<import("./call.js").Sent<{
            bureauId: string;
            year: number;
            source: "bureau" | "default";
            file: import("hono/utils/types").JSONValue;
            deadline: string;
            updatedAt: string | null;
        }>>;
        /** Stores a bureau's policy file for the year (admin); the same file twice stores the same state. */
        put: (year: number, q: {
            bureau: string;
            deadline?: string;
        }, file: unknown) => Promise<import("./call.js").Sent<{
            bureauId: string;
            year: number;
            source: "bureau" | "default";
            file: import("hono/utils/types").JSONValue;
            deadline: string;
            updatedAt: string | null;
        }>>;
    };
    admin: {
        bureaus: {
            list: () => Promise<import("./call.js").Sent<{
                items: {
                    id: string;
                    name: string;
                    createdAt: string;
                }[];
            }>>;
            add: (b: BureauCreate) => Promise<import("./call.js").Sent<{
                id: string;
                name: string;
                createdAt: string;
            }>>;
        };
        schools: {
            list: (bureau?: string) => Promise<import("./call.js").Sent<{
                items: {
                    code: string;
                    name: string;
                    type: string;
                    rural: boolean;
                    bureauId: string;
                    createdAt: string;
                }[];
            }>>;
            add: (s: SchoolCreate) => Promise<import("./call.js").Sent<{
                code: string;
                name: string;
                type: string;
                rural: boolean;
                bureauId: string;
                createdAt: string;
            }>>;
        };
        tokens: {
            list: () => Promise<import("./call.js").Sent<{
                items: {
                    id: string;
                    role: "clerk" | "reviewer" | "admin";
                    schoolCode: string | null;
                    bureauId: string | null;
                    label: string;
                    createdAt: string;
                    expiresAt: string | null;
                    revokedAt: string | null;
                }[];
            }>>;
            issue: (t: TokenIssue) => Promise<import("./call.js").Sent<{
                token: string;
                info: {
                    id: string;
                    role: "clerk" | "reviewer" | "admin";
                    schoolCode: string | null;
                    bureauId: string | null;
                    label: string;
                    createdAt: string;
                    expiresAt: string | null;
                    revokedAt: string | null;
                };
            }>>;
            revoke: (id: string) => Promise<import("./call.js").Sent<{
                id: string;
                role: "clerk" | "reviewer" | "admin";
                schoolCode: string | null;
                bureauId: string | null;
                label: string;
                createdAt: string;
                expiresAt: string | null;
                revokedAt: string | null;
            }>>;
        };
        /** Every teacher with the full ID number: audited on the server. */
        export: (scope: Scope & {
            bureau: string;
        }, format: ExportFormat) => Promise<import("./call.js").Sent<import("./call.js").Download>>;
    };
};
export type ShixunClient = ReturnType<typeof createClient>;
