export interface Connection {
    /** The worker's origin, e.g. https://shixun.example.workers.dev; '' for the page's own origin. */
    server: string;
    /** The bearer token, or a function read at every call (a session that can sign out); null sends none. */
    token: string | null | (() => string | null);
    /** Replaces fetch (tests, the submission's gzip body). */
    fetch?: typeof fetch;
}
/** The `/api/v1` routes for one connection, with its bearer token on every call. */
export declare function api(conn: Connection): {
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
export type Routes = ReturnType<typeof api>;
