/**
 * "达标情况": the school's summary on top, then one row per teacher with the status, the earliest
 * day a rule still open must be met by, and the unmet rules in words (the policy engine's own
 * messages), coloured by status. IDs are masked already in the report; nothing here sees a full ID
 * number.
 */
import type { ComplianceReport, RuleStatus, TeacherStatus } from '../../shared/policy/types.js';
import type { Messages } from '../ui/messages.js';
import type { ExcelCaps } from './caps.js';
import { type ReportSheetOutcome, type ReportSheetSpec, type StatusStyle, writeReportSheet } from './report-sheet.js';

const STATUS_COLOURS: Record<TeacherStatus, { fill: string; font: string }> = {
  pass: { fill: '#C6EFCE', font: '#006100' },
  warn: { fill: '#FFEB9C', font: '#9C5700' },
  fail: { fill: '#FFC7CE', font: '#9C0006' },
  invalid: { fill: '#D9D9D9', font: '#3A3A3A' },
};

export function statusStyles(t: Messages): StatusStyle[] {
  return (Object.keys(STATUS_COLOURS) as TeacherStatus[]).map((s) => ({ text: t.status[s], ...STATUS_COLOURS[s] }));
}

export function complianceSheetSpec(report: ComplianceReport, schoolName: string, t: Messages): ReportSheetSpec {
  const s = report.school.summary;
  const invalid = report.teachers.filter((x) => x.status === 'invalid').length;
  const summary: ReportSheetSpec['summary'] = [[t.summaryLine(s.teachers, s.pass, s.warn, s.fail, s.passRate)]];
  if (invalid > 0) summary.push([t.invalidCount(invalid)]);
  for (const rule of report.school.rules) {
    summary.push([`${t.schoolRules}：${t.rule[rule.rule]}`, t.status[rule.status], rule.message]);
  }
  return {
    name: t.complianceSheet,
    heading: t.complianceHeading(schoolName, report.policy.year, report.asOf),
    summary,
    ...teacherTable(report.teachers, t),
  };
}

/** A teacher as a report sheet lists one: the engine's report and the bureau's teacher list both are. */
interface ReportTeacher {
  row: number;
  name: string;
  idMasked: string;
  status: TeacherStatus;
  rules: readonly { status: RuleStatus; message: string; deadline?: string }[];
}

/**
 * The teachers' table of a report sheet: row, name, masked ID, status, the earliest deadline of the
 * rules still open (warn; a clerk sorts by it to see who must train first), and the unmet rules.
 */
export function teacherTable(
  teachers: readonly ReportTeacher[],
  t: Messages,
): Pick<ReportSheetSpec, 'header' | 'rows' | 'widths' | 'statusColumn' | 'statusStyles'> {
  return {
    header: [t.colRow, t.colName, t.colId, t.colStatus, t.colDeadline, t.colUnmet],
    rows: teachers.map((x) => [
      x.row,
      x.name,
      x.idMasked,
      t.status[x.status],
      earliestDeadline(x.rules),
      x.rules
        .filter((r) => r.status !== 'pass')
        .map((r) => r.message)
        .join('；'),
    ]),
    widths: [6, 10, 21, 10, 12, 80],
    statusColumn: 3,
    statusStyles: statusStyles(t),
  };
}

/** YYYY-MM-DD compares as text; '' when no rule is open. */
function earliestDeadline(rules: ReportTeacher['rules']): string {
  let first = '';
  for (const r of rules) if (r.deadline !== undefined && (first === '' || r.deadline < first)) first = r.deadline;
  return first;
}

export function writeComplianceSheet(
  context: Excel.RequestContext,
  report: ComplianceReport,
  schoolName: string,
  t: Messages,
  caps: ExcelCaps,
): Promise<ReportSheetOutcome> {
  return writeReportSheet(context, complianceSheetSpec(report, schoolName, t), caps);
}
