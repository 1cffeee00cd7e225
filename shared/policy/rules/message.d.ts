/**
 * The one sentence shape of threshold rules (hours or counts against a requirement), so every
 * message names what was found, what was required, the gap and what to do, in both languages.
 */
import type { Lang } from '../../contract/codes.js';
import type { RuleStatus } from '../types.js';
import { type Text } from './define.js';
export interface ThresholdMessage {
    status: RuleStatus;
    /** What is measured, e.g. 区级及以上培训 / district-level-or-above training. */
    subject: Text;
    unit: Text;
    actual: number;
    required: number;
    /** Why the requirement is what it is (pro-rating, cycle pace), without brackets; or null. */
    basis: Text | null;
    asOf: string;
    /** The date by which the shortfall must be made up (shown while the status is warn). */
    deadline: string;
    /** What to do about a shortfall. */
    todo: Text;
}
export declare function thresholdMessage(lang: Lang, m: ThresholdMessage): string;
export declare const HOURS: Text;
export declare const TIMES: Text;
