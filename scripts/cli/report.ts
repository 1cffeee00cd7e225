/** The readable reports (without --json) and the JSON documents of cli.md. */
import type { Finding, Fix, Lang, ReportValue } from '../../shared/contract/codes.js';
import { reportText } from '../../shared/labels/cli.js';
import { ruleFigure } from '../../shared/labels/rules.js';
import { maskId } from '../../shared/policy/index.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import { toValidateJson } from '../../shared/validate/index.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import { formatTable } from './table.js';

/** The text report lists this many fixes at most; --json lists them all. */
const MAX_FIXES_SHOWN = 200;

export function renderValidation(r: ValidationResult, file: string, lang: Lang): string {
  const t = reportText(lang);
  const infos = r.findings.filter((f) => f.severity === 'info').length;
  const lines = [
    t.title(file, r.year),
    t.counts(r.counts),
    t.tally({ errors: r.counts.errors, warnings: r.counts.warnings, infos, fixes: r.fixes.length }),
  ];
  for (const [sheet, findings] of groupBySheet(r.findings)) {
    lines.push('', sheet ?? t.workbook);
    lines.push(...formatTable(findings.map((f) => [f.cell ?? '—', t.severity[f.severity], f.code, f.message])));
  }
  if (r.fixes.length > 0) {
    lines.push('', t.fixesTitle(r.fixes.length));
    const shown = r.fixes.slice(0, MAX_FIXES_SHOWN);
    lines.push(...formatTable(shown.map((f) => [`${f.sheet}!${f.cell}`, f.code, `${show(f.from)} → ${show(f.to)}`])));
    if (r.fixes.length > shown.length) lines.push(`  ${t.moreFixes(r.fixes.length - shown.length)}`);
  }
  lines.push('', r.ok ? t.verdictOk(r.counts.warnings) : t.verdictErrors(r.counts.errors));
  return `${lines.join('\n')}\n`;
}

export function renderCompliance(c: ComplianceReport, lang: Lang): string {
  const t = reportText(lang);
  const others = c.sources.filter((s) => !s.self);
  const lines = [
    '',
    t.complianceTitle(c.policy.id, c.policy.year, c.asOf),
    c.historyIncluded ? t.historyIncluded(others) : t.historyMissing,
  ];
  lines.push(t.schoolLine(t.status[c.school.status] + (c.school.status === 'invalid' ? ` (${t.schoolInvalid})` : '')));
  lines.push(
    ...formatTable(
      c.school.rules.map((r) => [
        t.rule[r.rule],
        t.status[r.status],
        t.actualRequired(ruleFigure(r.rule, r.actual), ruleFigure(r.rule, r.required)),
        r.message,
      ]),
    ),
  );
  const invalid = c.teachers.filter((x) => x.status === 'invalid').length;
  lines.push('', t.teachersLine({ ...c.school.summary, invalid }));
  const header = [t.columns.row, t.columns.name, t.columns.id, t.columns.status, t.columns.rules];
  const rows = c.teachers.map((x) => [
    String(x.row),
    x.name,
    x.idMasked,
    t.status[x.status],
    x.rules
      .filter((r) => r.status !== 'pass')
      .map(
        (r) =>
          `${t.rule[r.rule]} (${t.status[r.status]}, ${t.actualRequired(ruleFigure(r.rule, r.actual), ruleFigure(r.rule, r.required))})`,
      )
      .join('; '),
  ]);
  lines.push(...formatTable([header, ...rows]));
  return `${lines.join('\n')}\n`;
}

export function validateJson(r: ValidationResult) {
  return toValidateJson(r);
}

/**
 * `check --json`: validate's document plus the compliance of cli.md (pass it a result from maskIds),
 * and `history`: whether the server's history was part of the record set, and its ledgers. The rule
 * lines are cli.md's five keys: pass a report evaluated as check evaluates, with neither counted
 * records nor deadlines (which records a rule counted is the server's teacher view, and the deadline
 * of a rule in progress is in its message). They are printed as they are: no copy of a large
 * school's 40,000 lines, nor a look at each one to see whether it needs one.
 */
export function checkJson(r: ValidationResult, c: ComplianceReport) {
  return {
    ...toValidateJson(r),
    policy: c.policy,
    teachers: c.teachers,
    school: c.school,
    history: {
      included: c.historyIncluded,
      sources: c.sources.filter((s) => !s.self).map(({ self: _self, ...s }) => s),
    },
  };
}

/** The full ID number never appears in check's output: findings and fixes show it masked. */
export function maskIds(r: ValidationResult): ValidationResult {
  return { ...r, findings: r.findings.map(maskFinding), fixes: r.fixes.map(maskFix) };
}

/** An ID cell's value, text or the number Excel made of it, keeps only its ends. */
function maskValue(column: string | null, v: ReportValue): ReportValue {
  if (column !== 'idNumber' || v === null || typeof v === 'boolean') return v;
  return maskId(typeof v === 'number' ? v.toFixed(0) : v);
}

function maskFinding(f: Finding): Finding {
  return { ...f, value: maskValue(f.column, f.value) };
}

function maskFix(f: Fix): Fix {
  return { ...f, from: maskValue(f.column, f.from), to: maskValue(f.column, f.to) };
}

function groupBySheet(findings: readonly Finding[]): Map<string | null, Finding[]> {
  const groups = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.sheet);
    if (list) list.push(f);
    else groups.set(f.sheet, [f]);
  }
  return groups;
}

function show(v: ReportValue): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
