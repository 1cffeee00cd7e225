import type { Text } from './text.js';
export declare const TEACHER_STATUS_LABELS: {
    readonly pass: {
        readonly zh: "达标";
        readonly en: "Pass";
    };
    readonly warn: {
        readonly zh: "进行中";
        readonly en: "In progress";
    };
    readonly fail: {
        readonly zh: "未达标";
        readonly en: "Fail";
    };
    readonly invalid: {
        readonly zh: "数据有误";
        readonly en: "Invalid data";
    };
};
/** A rule's status for one teacher, as the pane's preview groups it. */
export declare const RULE_STATUS_LABELS: {
    readonly pass: {
        readonly zh: "已达标";
        readonly en: "Met";
    };
    readonly warn: {
        readonly zh: "截止前完成";
        readonly en: "Due before the deadline";
    };
    readonly fail: {
        readonly zh: "须处理";
        readonly en: "Needs action";
    };
};
export type ReviewState = 'pending' | 'returned' | 'approved' | 'superseded';
export declare const REVIEW_STATE_LABELS: {
    readonly pending: {
        readonly zh: "待审核";
        readonly en: "Pending review";
    };
    readonly returned: {
        readonly zh: "已退回";
        readonly en: "Returned";
    };
    readonly approved: {
        readonly zh: "已通过";
        readonly en: "Approved";
    };
    readonly superseded: {
        readonly zh: "已被取代";
        readonly en: "Superseded";
    };
};
/** A school that has not submitted for the year, beside the review states. */
export declare const NOT_SUBMITTED_LABEL: Text;
/** Shown beside a pending version whose school had an approved one before. */
export declare const CHANGED_AFTER_APPROVAL_LABEL: Text;
export type RecognitionStatus = 'recognized' | 'hours_exceed' | 'not_on_list' | 'unmatched';
export declare const RECOGNITION_STATUS_LABELS: {
    readonly recognized: {
        readonly zh: "已认定";
        readonly en: "Recognised";
    };
    readonly hours_exceed: {
        readonly zh: "学时超出认定";
        readonly en: "Hours exceed the recognised hours";
    };
    readonly not_on_list: {
        readonly zh: "不在参训名单";
        readonly en: "Not on the attendee list";
    };
    readonly unmatched: {
        readonly zh: "待认定";
        readonly en: "Awaiting recognition";
    };
};
export declare const SEVERITY_LABELS: {
    readonly error: {
        readonly zh: "错误";
        readonly en: "Error";
    };
    readonly warning: {
        readonly zh: "警告";
        readonly en: "Warning";
    };
    readonly info: {
        readonly zh: "提示";
        readonly en: "Note";
    };
};
/** Listed fixes are a fourth kind beside the three severities. */
export declare const FIX_LABEL: Text;
