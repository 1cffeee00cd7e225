/**
 * The reviewer's sheets: "全区汇总" (one row per school, the worst pass rate first, missing schools
 * last, with a chart of pass rate by school) and one school's teachers as the bureau sees them.
 */
import type { BureauSummary, TeacherRow } from '../../shared/api/responses.js';
import type { Messages } from '../ui/messages.js';
import type { ExcelCaps } from './caps.js';
import { teacherTable } from './compliance-sheet.js';
import { type ReportSheetOutcome, type ReportSheetSpec, writeReportSheet } from './report-sheet.js';

export function districtSheetSpec(summary: BureauSummary, t: Messages): ReportSheetSpec {
  // Submitted schools first, worst pass rate on top; the missing ones after them, outside the chart
  // (a school that sent nothing has no pass rate to draw).
  const schools = [...summary.schools].sort(
    (a, b) => Number(b.submitted) - Number(a.submitted) || a.passRate - b.passRate,
  );
  const tot = summary.totals;
  return {
    name: t.districtSheet,
    heading: t.districtHeading(summary.bureau.name, summary.year),
    summary: [[t.summaryLine(tot.teachers, tot.pass, tot.warn, tot.fail, tot.passRate)]],
    header: [
      t.colSchool,
      t.colPassRate,
      t.colTeachers,
      t.colPass,
      t.colWarn,
      t.colFail,
      t.colSubmitted,
      t.colVersion,
      t.colSchoolCode,
    ],
    rows: schools.map((s) => [
      s.name,
      s.passRate,
      s.teachers,
      s.pass,
      s.warn,
      s.fail,
      s.status === 'missing' ? t.missing : t.submissionStatus[s.status],
      s.version ?? '',
      s.code,
    ]),
    widths: [24, 10, 8, 8, 8, 8, 16, 6, 14],
    percentColumns: [1],
    chart: { title: t.chartTitle, rows: schools.filter((s) => s.submitted).length },
  };
}

export function writeDistrictSheet(
  context: Excel.RequestContext,
  summary: BureauSummary,
  t: Messages,
  caps: ExcelCaps,
): Promise<ReportSheetOutcome> {
  return writeReportSheet(context, districtSheetSpec(summary, t), caps);
}

/** A school's teachers as the bureau sees them (masked IDs), into a sheet named after the school. */
export function schoolTeachersSpec(schoolName: string, rows: TeacherRow[], t: Messages): ReportSheetSpec {
  return {
    name: schoolName.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'),
    heading: schoolName,
    summary: [],
    ...teacherTable(rows, t),
  };
}
