/**
 * The one sentence shape of threshold rules (hours or counts against a requirement), so every
 * message names what was found, what was required, the gap and what to do, in both languages.
 */
import type { Lang } from '../../contract/codes.js';
import type { RuleStatus } from '../types.js';
import { roundHours, type Text } from './define.js';

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

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function thresholdMessage(lang: Lang, m: ThresholdMessage): string {
  const gap = roundHours(m.required - m.actual);
  const basis = m.basis ? m.basis[lang] : null;
  if (lang === 'en') {
    const found = `${m.subject.en}: ${m.actual} ${m.unit.en}`;
    const head = capitalize(found);
    if (m.status === 'pass') return `${head}, meets the required ${m.required}${basis ? ` (${basis})` : ''}.`;
    const short = `below the required ${m.required} (${gap} short${basis ? `; ${basis}` : ''})`;
    if (m.status === 'warn') return `As of ${m.asOf}, ${found}, ${short}; ${m.todo.en} by ${m.deadline}.`;
    return `${head}, ${short}; ${m.todo.en}.`;
  }
  const head = `${m.subject.zh} ${m.actual} ${m.unit.zh}`;
  if (m.status === 'pass') return `${head}，达到 ${m.required} ${m.unit.zh}的要求${basis ? `（${basis}）` : ''}。`;
  const short = `${m.required} ${m.unit.zh}的要求（还差 ${gap} ${m.unit.zh}${basis ? `；${basis}` : ''}）`;
  if (m.status === 'warn') return `截至 ${m.asOf}，${head}，尚未达到 ${short}；${m.todo.zh}，期限 ${m.deadline}。`;
  return `${head}，未达到 ${short}；${m.todo.zh}。`;
}
export const HOURS: Text = { zh: '学时', en: 'hours' };
export const TIMES: Text = { zh: '次', en: 'record(s)' };
