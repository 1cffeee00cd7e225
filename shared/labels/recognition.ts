/**
 * The words of recognition (archive.md §2) and of the statistics (§4) beside the status labels of
 * statuses.ts: the policy's mode, why a record stands as it does, the queue's decisions, the hours
 * buckets of 教基4068.
 */
import type { HoursBucket } from '../recognition/statistics.js';
import type { RecognitionBasis, RecognitionMode } from '../recognition/types.js';
import type { Text } from './text.js';

export const RECOGNITION_MODE_LABELS = {
  off: { zh: '不认定', en: 'Off' },
  flag: { zh: '认定并提示（未认定学时照计）', en: 'Flag (unrecognised hours still count)' },
  require: { zh: '只计认定学时', en: 'Require (only recognised hours count)' },
} as const satisfies Record<RecognitionMode, Text>;

export const RECOGNITION_BASIS_LABELS = {
  catalogue: { zh: '按培训项目目录', en: 'By the catalogue' },
  code_unknown: { zh: '项目编号不在目录中', en: 'Code not in the catalogue' },
  linked: { zh: '审核人已关联到目录项目', en: 'Linked to an entry by the reviewer' },
  rejected: { zh: '审核人不予认定', en: 'Rejected by the reviewer' },
} as const satisfies Record<RecognitionBasis, Text>;

/**
 * The preview's status for a record matched to an entry that has an attendee list: a clerk cannot
 * read the list, so only the server can say 已认定 or 不在参训名单.
 */
export const RECOGNITION_PENDING_LIST_LABEL: Text = { zh: '待核对参训名单', en: 'Attendee list to be checked' };

export const RECOGNITION_DECISION_LABELS = {
  add: { zh: '加入目录', en: 'Add to the catalogue' },
  link: { zh: '关联到目录项目', en: 'Link to an entry' },
  reject: { zh: '不予认定', en: 'Reject' },
} as const satisfies Record<'add' | 'link' | 'reject', Text>;

export const HOURS_BUCKET_LABELS = {
  upTo36: { zh: '36 学时以下', en: 'Up to 36 hours' },
  upTo72: { zh: '37–72 学时', en: '37–72 hours' },
  upTo108: { zh: '73–108 学时', en: '73–108 hours' },
  over108: { zh: '109 学时以上', en: '109 hours or more' },
} as const satisfies Record<HoursBucket, Text>;
