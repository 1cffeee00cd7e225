/**
 * The words for every status a person reads: a teacher's compliance, a submission's review state
 * (archive.md §3), a record's recognition (archive.md §2) and a finding's severity.
 */
import type { Severity } from '../contract/codes.js';
import type { RuleStatus, TeacherStatus } from '../policy/types.js';
import type { RecognitionStatus } from '../recognition/types.js';
import type { Text } from './text.js';

export const TEACHER_STATUS_LABELS = {
  pass: { zh: '达标', en: 'Pass' },
  warn: { zh: '进行中', en: 'In progress' },
  fail: { zh: '未达标', en: 'Fail' },
  invalid: { zh: '数据有误', en: 'Invalid data' },
} as const satisfies Record<TeacherStatus, Text>;

/** A rule's status for one teacher, as the pane's preview groups it. */
export const RULE_STATUS_LABELS = {
  pass: { zh: '已达标', en: 'Met' },
  warn: { zh: '截止前完成', en: 'Due before the deadline' },
  fail: { zh: '须处理', en: 'Needs action' },
} as const satisfies Record<RuleStatus, Text>;

export type ReviewState = 'pending' | 'returned' | 'approved' | 'superseded';

export const REVIEW_STATE_LABELS = {
  pending: { zh: '待审核', en: 'Pending review' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已通过', en: 'Approved' },
  superseded: { zh: '已被取代', en: 'Superseded' },
} as const satisfies Record<ReviewState, Text>;

/** A school that has not submitted for the year, beside the review states. */
export const NOT_SUBMITTED_LABEL: Text = { zh: '未报送', en: 'Not submitted' };

/** Shown beside a pending version whose school had an approved one before. */
export const CHANGED_AFTER_APPROVAL_LABEL: Text = { zh: '通过后有改动', en: 'Changed after approval' };

export type { RecognitionStatus } from '../recognition/types.js';

export const RECOGNITION_STATUS_LABELS = {
  recognized: { zh: '已认定', en: 'Recognised' },
  hours_exceed: { zh: '学时超出认定', en: 'Hours exceed the recognised hours' },
  not_on_list: { zh: '不在参训名单', en: 'Not on the attendee list' },
  unmatched: { zh: '待认定', en: 'Awaiting recognition' },
} as const satisfies Record<RecognitionStatus, Text>;

export const SEVERITY_LABELS = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Note' },
} as const satisfies Record<Severity, Text>;

/** Listed fixes are a fourth kind beside the three severities. */
export const FIX_LABEL: Text = { zh: '自动修正', en: 'Automatic fix' };
