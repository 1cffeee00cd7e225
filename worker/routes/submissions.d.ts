import type { AppEnv } from '../env.js';
export declare const submissions: import("hono/hono-base").HonoBase<AppEnv, {
    "/": {
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
                        status: import("../../shared/index.js").TeacherStatus;
                        rules: {
                            rule: import("../../shared/index.js").RuleId;
                            status: import("../../shared/index.js").RuleStatus;
                            actual: number;
                            required: number;
                            message: string;
                        }[];
                    }[];
                    school: {
                        status: import("../../shared/index.js").TeacherStatus;
                        rules: {
                            rule: import("../../shared/index.js").RuleId;
                            status: import("../../shared/index.js").RuleStatus;
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
    };
} & {
    "/": {
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
    "/:id": {
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
    };
} & {
    "/:id/compliance": {
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
                        status: import("../../shared/index.js").TeacherStatus;
                        rules: {
                            rule: import("../../shared/index.js").RuleId;
                            status: import("../../shared/index.js").RuleStatus;
                            actual: number;
                            required: number;
                            message: string;
                        }[];
                    }[];
                    school: {
                        status: import("../../shared/index.js").TeacherStatus;
                        rules: {
                            rule: import("../../shared/index.js").RuleId;
                            status: import("../../shared/index.js").RuleStatus;
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
    };
} & {
    "/:id/diff": {
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
                    before: import("../../shared/index.js").TeacherStatus;
                    after: import("../../shared/index.js").TeacherStatus;
                }[];
            };
            outputFormat: "json";
            status: 200;
        };
    };
} & {
    "/:id/review": {
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
                };
            };
            outputFormat: "json";
            status: 200;
        };
    };
}, "/", "/:id/review">;
