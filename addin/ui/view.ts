/**
 * What the pane shows, computed from a validation run and the server's answers: plain functions of
 * data, no DOM and no signals, so each rule of the view (failing rules before those in progress,
 * info findings apart, the teacher of a finding's row, what a submission would replace) has a unit
 * test of its own (test/addin/pane-helpers.test.ts).
 */
import type { SubmissionSummary } from '../../shared/api/responses.js';
import type { Finding, FindingCode, Fix, ReportValue, Severity } from '../../shared/contract/codes.js';
import { SHEETS } from '../../shared/contract/sheets.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { maskId } from '../../shared/policy/mask.js';
import type { ComplianceReport, RuleResult, TeacherCompliance } from '../../shared/policy/types.js';
import type { PaneValidationResult } from './validation-protocol.js';

/** What the views read of a validation: the worker's result and the shared validator's both have it. */
type Located = Pick<PaneValidationResult, 'sheets' | 'findings'>;
type Counted = Pick<PaneValidationResult, 'records' | 'counts' | 'year'>;

export interface FindingGroup {
  /** Stable within a run: the sheet and the code. */
  key: string;
  sheet: string | null;
  code: FindingCode;
  severity: Severity;
  items: Finding[];
}

export interface GroupedFindings {
  /** Errors' groups first, then warnings', each in the order the validator found them. */
  problems: FindingGroup[];
  /** Info findings (an ignored sheet, a skipped totals row): shown apart, collapsed. */
  info: FindingGroup[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by sheet and code; one pass, a Map keyed by both. */
export function groupFindings(findings: readonly Finding[]): GroupedFindings {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.sheet ?? ''}\u0000${f.code}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, sheet: f.sheet, code: f.code, severity: f.severity, items: [] }));
    g.items.push(f);
  }
  const all = [...groups.values()];
  const ranked = all
    .filter((g) => g.severity !== 'info')
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { problems: ranked, info: all.filter((g) => g.severity === 'info') };
}

/** A cell's value as the pane quotes it: text in quotes (so spaces show), numbers bare. */
export function showValue(v: ReportValue): string {
  if (v === null) return '';
  return typeof v === 'string' ? `“${v}”` : String(v);
}

/** Fix cards listed at once; applying fixes only the listed ones, and the next run lists the rest. */
export const FIX_LIMIT = 2_000;

export interface FixLine {
  /** sheet!cell, as a clerk types it into Excel's name box. */
  place: string;
  from: string;
  to: string;
}

export function fixLine(fix: Fix): FixLine {
  return { place: `${fix.sheet}!${fix.cell}`, from: showValue(fix.from), to: showValue(fix.to) };
}

export interface RowTeacher {
  name: string;
  idMasked: string;
}

/**
 * The teacher on a finding's row, read from the grid through the columns the validator found: the
 * name and the ID, masked (a clerk's screen may be seen by others). Null when the row has neither,
 * or the finding has no row (a missing sheet).
 */
export function rowTeacher(
  grid: WorkbookGrid,
  result: Located,
  finding: Pick<Finding, 'sheet' | 'row'>,
): RowTeacher | null {
  if (finding.row === null || finding.sheet === null) return null;
  const sheet = result.sheets.find((s) => s.name === finding.sheet);
  if (!sheet || sheet.key === 'school') return null;
  const cells = grid.sheets[sheet.index]?.rows[finding.row - 1];
  if (!cells) return null;
  const text = (column: string): string => {
    const i = sheet.columns[column];
    const v = i === undefined ? null : cells[i];
    return v === null || v === undefined || typeof v === 'object' ? '' : String(v).trim();
  };
  const name = text('name');
  const id = text('idNumber');
  if (name === '' && id === '') return null;
  return { name, idMasked: id === '' ? '' : maskId(id) };
}

export interface TeacherPreview {
  /** 须处理: rules the teacher fails. */
  mustFix: RuleResult[];
  /** 截止前完成: rules still open, the nearest deadline first. */
  due: RuleResult[];
  /** 已达标: rules met, shown apart (closed) so the clerk can see why a teacher passes. */
  met: RuleResult[];
}

/** A teacher's rules: failing ones first, then those in progress by deadline, then those met. */
export function teacherPreview(teacher: TeacherCompliance): TeacherPreview {
  const due = teacher.rules.filter((r) => r.status === 'warn');
  // Stable: rules without a deadline keep the engine's order, after those with one.
  due.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  return {
    mustFix: teacher.rules.filter((r) => r.status === 'fail'),
    due,
    met: teacher.rules.filter((r) => r.status === 'pass'),
  };
}

const STATUS_ORDER: Record<TeacherCompliance['status'], number> = { fail: 0, invalid: 1, warn: 2, pass: 3 };

/** Teachers who need something done first (未达标, then 数据有误, then 进行中), by row within each. */
export function teachersByUrgency(teachers: readonly TeacherCompliance[]): TeacherCompliance[] {
  return [...teachers].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.row - b.row);
}

/**
 * Teacher cards the preview shows; the others are counted ("另有 N 名教师未列出"). The 达标情况 sheet
 * (Excel) or report (browser) after submitting has all.
 */
export const PREVIEW_TEACHERS = 500;

/**
 * A compliance report as the pane shows it: its teachers by urgency, only as many as have cards,
 * and how many there are in all and with 数据有误. Made in the Web Worker: a district's 25,000
 * teachers are not copied to the page for 500 cards.
 */
export type ShownCompliance = ComplianceReport & { teacherCount: number; invalidCount: number };

export function shownCompliance(report: ComplianceReport, cards = PREVIEW_TEACHERS): ShownCompliance {
  return {
    ...report,
    teachers: teachersByUrgency(report.teachers).slice(0, cards),
    teacherCount: report.teachers.length,
    invalidCount: report.teachers.filter((t) => t.status === 'invalid').length,
  };
}

export interface InvalidRow {
  /** The roster's sheet name as it stands in the workbook. */
  sheet: string;
  row: number;
  /** The codes of the errors on that row, each once, in the order found. */
  codes: FindingCode[];
}

/** Where a 数据有误 teacher's data must be fixed: the roster row and what is wrong on it. */
export function invalidRow(result: Located, teacher: TeacherCompliance): InvalidRow {
  const roster = result.sheets.find((s) => s.key === 'teachers')?.name ?? SHEETS.teachers.name;
  const codes = new Set<FindingCode>();
  for (const f of result.findings) {
    if (f.severity === 'error' && f.sheet === roster && f.row === teacher.row) codes.add(f.code);
  }
  return { sheet: roster, row: teacher.row, codes: [...codes] };
}

export interface SubmissionFacts {
  schoolCode: string;
  schoolName: string;
  year: number;
  teachers: number;
  trainings: number;
  duties: number;
  milestones: number;
}

export function submissionFacts(result: Counted): SubmissionFacts | null {
  const school = result.records.school;
  if (!school) return null;
  const c = result.counts;
  return {
    schoolCode: school.schoolCode,
    schoolName: school.schoolName,
    year: result.year,
    teachers: c.teachers,
    trainings: c.trainings,
    duties: c.duties,
    milestones: c.milestones,
  };
}

/**
 * What pressing 提交 would do, decided before anything is sent: refuse a workbook of another
 * school than the token's, skip content identical to the current version, or ask to confirm with
 * the version it replaces.
 */
export type SubmissionPlan =
  | { kind: 'mismatch'; file: { code: string; name: string }; token: { code: string; name: string } }
  | { kind: 'identical'; version: number }
  | { kind: 'confirm'; facts: SubmissionFacts; replaces: SubmissionSummary | null };

export function planSubmission(
  facts: SubmissionFacts,
  token: { code: string; name: string },
  current: SubmissionSummary | null,
  contentHash: string,
): SubmissionPlan {
  if (facts.schoolCode !== token.code) {
    return { kind: 'mismatch', file: { code: facts.schoolCode, name: facts.schoolName }, token };
  }
  if (current && current.contentHash === contentHash) return { kind: 'identical', version: current.version };
  return { kind: 'confirm', facts, replaces: current };
}

/** A time of the server's (ISO, UTC) as people in the district read it: Beijing time, minutes. */
export function beijingTime(iso: string, locale: string): string {
  return new Date(iso).toLocaleString(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** A content hash short enough to read aloud on the phone, long enough not to collide by chance. */
export function shortHash(hex: string): string {
  return hex.slice(0, 12);
}
