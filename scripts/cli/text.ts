/** The words of the readable reports, in Chinese (default) and English (--lang en). */
import type { Lang, Severity } from '../../shared/contract/codes.js';
import { labelsIn, RULE_TITLES, SEVERITY_LABELS, TEACHER_STATUS_LABELS } from '../../shared/labels/index.js';
import type { RuleId, TeacherStatus } from '../../shared/policy/types.js';

export interface ReportText {
  title: (file: string, year: number) => string;
  counts: (c: { teachers: number; trainings: number; duties: number; milestones: number }) => string;
  tally: (c: { errors: number; warnings: number; infos: number; fixes: number }) => string;
  severity: Record<Severity, string>;
  workbook: string;
  fixesTitle: (n: number) => string;
  moreFixes: (n: number) => string;
  verdictOk: (warnings: number) => string;
  verdictErrors: (errors: number) => string;
  complianceTitle: (policy: string, year: number, asOf: string) => string;
  /** The teachers' history: which other ledgers of the bureau were read, or that none were. */
  historyIncluded: (sources: { year: number; schoolName: string }[]) => string;
  historyMissing: string;
  historyFailed: (message: string) => string;
  schoolLine: (status: string) => string;
  schoolInvalid: string;
  teachersLine: (s: {
    teachers: number;
    pass: number;
    warn: number;
    fail: number;
    invalid: number;
    passRate: number;
  }) => string;
  status: Record<TeacherStatus, string>;
  rule: Record<RuleId, string>;
  columns: { row: string; name: string; id: string; status: string; rules: string };
  actualRequired: (actual: number, required: number) => string;
  fixWritten: (applied: number, out: string) => string;
  fixSkipped: (cell: string, reason: string) => string;
  nothingToFix: (out: string) => string;
  templateWritten: (out: string) => string;
  catalogueTemplateWritten: (out: string) => string;
  notSent: (errors: number) => string;
  sending: (server: string) => string;
  accepted: (id: string, version: number, at: string) => string;
  unchanged: (id: string, version: number) => string;
  receiptCounts: (c: { teachers: number; trainings: number; duties: number; milestones: number }) => string;
  rejected: (message: string) => string;
  failed: (kind: string, message: string) => string;
}

const pct = (r: number) => `${(r * 100).toFixed(2)}%`;
const n = (count: number, word: string, plural = `${word}s`) => `${count} ${count === 1 ? word : plural}`;

const zh: ReportText = {
  title: (file, year) => `师训台账校验报告：${file}（${year} 年度）`,
  counts: (c) =>
    `教师 ${c.teachers} 人 · 培训记录 ${c.trainings} 条 · 骨干履职 ${c.duties} 条 · 青年教师考核 ${c.milestones} 条`,
  tally: (c) => `错误 ${c.errors} 处 · 警告 ${c.warnings} 处 · 提示 ${c.infos} 处 · 自动修正 ${c.fixes} 处`,
  severity: labelsIn(SEVERITY_LABELS, 'zh'),
  workbook: '工作簿',
  fixesTitle: (n) => `自动修正（${n} 处；用 fix 命令可写出修正后的副本）`,
  moreFixes: (n) => `……另有 ${n} 处修正（完整列表见 --json）`,
  verdictOk: (w) => (w > 0 ? `结论：没有错误，有 ${w} 处警告请核对。` : '结论：没有错误。'),
  verdictErrors: (e) => `结论：有 ${e} 处错误，请按提示修改后重新校验。`,
  complianceTitle: (p, y, a) => `合规情况：政策 ${p} · ${y} 年度 · 截至 ${a}`,
  historyIncluded: (s) =>
    s.length === 0
      ? '历史记录：已向服务器查询，本局其他台账中没有这些教师的记录'
      : `历史记录：已纳入本局其他台账 ${s.length} 份（${s.map((x) => `${x.year} 年${x.schoolName}`).join('、')}）`,
  historyMissing:
    '历史记录：未纳入，仅按本台账评估（五年周期等跨年度规则可能偏低；加 --server URL --token T 纳入本局历史）',
  historyFailed: (m) => `无法取得历史记录：${m}`,
  schoolLine: (s) => `学校：${s}`,
  schoolInvalid: '学校概况有误，学校规则未评估',
  teachersLine: (s) =>
    `教师 ${s.teachers} 人：达标 ${s.pass} · 进行中 ${s.warn} · 未达标 ${s.fail} · 数据有误 ${s.invalid} · 达标率 ${pct(s.passRate)}`,
  status: labelsIn(TEACHER_STATUS_LABELS, 'zh'),
  rule: labelsIn(RULE_TITLES, 'zh'),
  columns: { row: '行', name: '姓名', id: '身份证号', status: '状态', rules: '未达标/进行中的要求' },
  actualRequired: (a, r) => `实际 ${a} / 要求 ${r}`,
  fixWritten: (n, out) => `已写出修正后的副本：${out}（应用 ${n} 处修正，原文件未改动）`,
  fixSkipped: (cell, reason) =>
    `  未应用：${cell}（${reason === 'cell.formula' ? '公式单元格，请手工修改' : '找不到工作表'}）`,
  nothingToFix: (out) => `没有需要自动修正的单元格；已写出副本：${out}`,
  templateWritten: (out) => `已写出标准模板：${out}`,
  catalogueTemplateWritten: (out) => `已写出培训项目目录模板：${out}`,
  notSent: (e) => `未提交：本地校验发现 ${e} 处错误，请修改后再提交。`,
  sending: (s) => `正在提交到 ${s} …`,
  accepted: (id, v, at) => `提交成功：回执 ${id} · 第 ${v} 版 · ${at}`,
  unchanged: (id, v) => `内容未变：与服务器上的第 ${v} 版（回执 ${id}）完全相同，未新建版本`,
  receiptCounts: (c) =>
    `服务器已存：教师 ${c.teachers} 人 · 培训记录 ${c.trainings} 条 · 骨干履职 ${c.duties} 条 · 青年教师考核 ${c.milestones} 条`,
  rejected: (m) => `服务器拒绝了本次提交：${m}`,
  failed: (k, m) => `提交失败（${k}）：${m}`,
};

const en: ReportText = {
  title: (file, year) => `Roster check: ${file} (year ${year})`,
  counts: (c) =>
    `${n(c.teachers, 'teacher')} · ${n(c.trainings, 'training')} · ${n(c.duties, 'duty row')} · ${n(c.milestones, 'milestone row')}`,
  tally: (c) =>
    `${n(c.errors, 'error')} · ${n(c.warnings, 'warning')} · ${n(c.infos, 'note')} · ${n(c.fixes, 'automatic fix', 'automatic fixes')}`,
  severity: labelsIn(SEVERITY_LABELS, 'en'),
  workbook: 'Workbook',
  fixesTitle: (count) => `Automatic fixes (${count}; the fix command writes a corrected copy)`,
  moreFixes: (count) => `… and ${n(count, 'more fix', 'more fixes')} (see --json for the full list)`,
  verdictOk: (w) => (w > 0 ? `Result: no errors; please check the ${n(w, 'warning')}.` : 'Result: no errors.'),
  verdictErrors: (e) => `Result: ${n(e, 'error')}; correct them as described and validate again.`,
  complianceTitle: (p, y, a) => `Compliance: policy ${p} · year ${y} · as of ${a}`,
  historyIncluded: (s) =>
    s.length === 0
      ? 'History: asked the server; no other ledger of the bureau holds these teachers'
      : `History: included, ${n(s.length, 'other ledger')} of the bureau (${s.map((x) => `${x.year} ${x.schoolName}`).join(', ')})`,
  historyMissing:
    'History: not included, this ledger alone (multi-year rules such as the five-year cycle may read short; add --server URL --token T)',
  historyFailed: (m) => `Could not fetch the history: ${m}`,
  schoolLine: (s) => `School: ${s}`,
  schoolInvalid: 'the school sheet has errors; school rules were not evaluated',
  teachersLine: (s) =>
    `${n(s.teachers, 'teacher')}: ${s.pass} pass · ${s.warn} in progress · ${s.fail} fail · ${s.invalid} invalid data · pass rate ${pct(s.passRate)}`,
  status: labelsIn(TEACHER_STATUS_LABELS, 'en'),
  rule: labelsIn(RULE_TITLES, 'en'),
  columns: { row: 'Row', name: 'Name', id: 'ID number', status: 'Status', rules: 'Rules failed or at risk' },
  actualRequired: (a, r) => `actual ${a} / required ${r}`,
  fixWritten: (count, out) => `Wrote the corrected copy: ${out} (${count} applied; the original is unchanged)`,
  fixSkipped: (cell, reason) =>
    `  not applied: ${cell} (${reason === 'cell.formula' ? 'a formula cell, change it by hand' : 'sheet not found'})`,
  nothingToFix: (out) => `Nothing to fix automatically; wrote a copy: ${out}`,
  templateWritten: (out) => `Wrote the standard template: ${out}`,
  catalogueTemplateWritten: (out) => `Wrote the blank training catalogue: ${out}`,
  notSent: (e) => `Not submitted: local validation found ${n(e, 'error')}; correct them and submit again.`,
  sending: (s) => `Submitting to ${s} …`,
  accepted: (id, v, at) => `Accepted: receipt ${id} · version ${v} · ${at}`,
  unchanged: (id, v) =>
    `Unchanged: the same records as version ${v} on the server (receipt ${id}); no new version was stored`,
  receiptCounts: (c) =>
    `Stored by the server: ${n(c.teachers, 'teacher')} · ${n(c.trainings, 'training')} · ${n(c.duties, 'duty row')} · ${n(c.milestones, 'milestone row')}`,
  rejected: (m) => `The server rejected the submission: ${m}`,
  failed: (k, m) => `Submission failed (${k}): ${m}`,
};

export function reportText(lang: Lang): ReportText {
  return lang === 'en' ? en : zh;
}
