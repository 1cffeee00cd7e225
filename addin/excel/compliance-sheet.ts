/**
 * "达标情况": the school's summary on top, then one row per teacher with the status and the unmet
 * rules in words (the policy engine's own messages), coloured by status. IDs are masked already
 * in the report; nothing here sees a full ID number.
 */
import type { ComplianceReport, TeacherStatus } from '../../shared/policy/types.js';
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
    header: [t.colRow, t.colName, t.colId, t.colStatus, t.colUnmet],
    rows: report.teachers.map((x) => [
      x.row,
      x.name,
      x.idMasked,
      t.status[x.status],
      x.rules
        .filter((r) => r.status !== 'pass')
        .map((r) => r.message)
        .join('；'),
    ]),
    widths: [6, 10, 21, 10, 80],
    statusColumn: 3,
    statusStyles: statusStyles(t),
  };
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
