import type { SubmissionStatus } from '../../../shared/api/responses.js';
import type { TeacherStatus } from '../../../shared/policy/types.js';
import { h } from '../dom.js';
import { t, type StringKey } from '../i18n.js';

const SUBMISSION: Record<SubmissionStatus | 'missing', StringKey> = {
  missing: 'missing',
  pending: 'pending',
  returned: 'returned',
  approved: 'approved',
  superseded: 'superseded',
};

export function submissionBadge(status: SubmissionStatus | 'missing'): HTMLElement {
  return h('span', { class: `badge sub-${status}` }, t(SUBMISSION[status]));
}

export function statusBadge(status: TeacherStatus): HTMLElement {
  return h('span', { class: `badge st-${status}` }, t(status));
}

/** Chart colours shared with the CSS badges; chosen to stay apart for red-green colour blindness and on a projector. */
export const COLORS = { pass: '#2e7d32', warn: '#e0a100', fail: '#c62828', missing: '#9e9e9e' } as const;
