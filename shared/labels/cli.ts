/**
 * Every line the command-line tool (scripts/cli) prints to a person, in Chinese (default) and
 * English (--lang en): the readable reports, progress, the errors of a wrong call or an unreadable
 * input, the usage texts and the admin commands' messages. Codes stay in the JSON documents only.
 */
import type { CatalogueImportResult } from '../api/catalogue.js';
import type { Lang, Severity } from '../contract/codes.js';
import type { RuleId, TeacherStatus } from '../policy/types.js';
import { LEDGER_FILE_KINDS } from './files.js';
import { RULE_TITLES } from './rules.js';
import { SEVERITY_LABELS, TEACHER_STATUS_LABELS } from './statuses.js';
import { labelsIn, type Text } from './text.js';

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
  /** `actual` and `required` as ruleFigure gives them. */
  actualRequired: (actual: string, required: string) => string;
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
  failed: (kind: SubmitFailureKind, message: string) => string;
  /** Progress on standard error. */
  progress: {
    reading: (file: string) => string;
    validating: string;
    history: string;
    evaluating: string;
    writing: (out: string) => string;
    done: string;
  };
  retrying: (attempt: number, reason: string, seconds: number) => string;
}

/** Why a submission failed, as the client names it (client/submit.ts). */
export type SubmitFailureKind = 'rejected' | 'conflict' | 'auth' | 'network' | 'server';

const FAILURE_KINDS: Record<SubmitFailureKind, Text> = {
  rejected: { zh: '校验未通过', en: 'rejected' },
  conflict: { zh: '版本冲突', en: 'conflict' },
  auth: { zh: '令牌无效或无权限', en: 'token refused' },
  network: { zh: '网络不通', en: 'network' },
  server: { zh: '服务器故障', en: 'server' },
};

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
  failed: (k, m) => `提交失败（${FAILURE_KINDS[k].zh}）：${m}`,
  progress: {
    reading: (file) => `正在读取 ${file}`,
    validating: '正在校验',
    history: '正在查询教师历史记录',
    evaluating: '正在评估合规情况',
    writing: (out) => `正在写出 ${out}`,
    done: '完成',
  },
  retrying: (a, r, s) => `第 ${a} 次重试（${r}），${s} 秒后`,
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
  failed: (k, m) => `Submission failed (${FAILURE_KINDS[k].en}): ${m}`,
  progress: {
    reading: (file) => `Reading ${file}`,
    validating: 'Validating',
    history: "Fetching the teachers' history",
    evaluating: 'Evaluating compliance',
    writing: (out) => `Writing ${out}`,
    done: 'done',
  },
  retrying: (a, r, s) => `retrying #${a} (${r}) in ${s} s`,
};

export function reportText(lang: Lang): ReportText {
  return lang === 'en' ? en : zh;
}

/**
 * A wrong call or an unreadable input (exit 2): each message in both languages at once, because
 * the mistake may be found before `--lang` itself has been read (scripts/cli/io.ts: UsageError).
 */
export const CLI_ERRORS = {
  missingCommand: (): Text => ({ zh: '缺少命令', en: 'missing the command' }),
  unknownCommand: (name: string): Text => ({ zh: `未知命令“${name}”`, en: `unknown command "${name}"` }),
  unknownOption: (option: string): Text => ({ zh: `未知选项 ${option}`, en: `unknown option ${option}` }),
  optionNeedsValue: (option: string): Text => ({ zh: `选项 ${option} 需要一个值`, en: `${option} needs a value` }),
  optionTakesNoValue: (option: string): Text => ({
    zh: `选项 ${option} 不带值`,
    en: `${option} does not take a value`,
  }),
  unexpectedArgument: (args: string): Text => ({ zh: `多余的参数：${args}`, en: `unexpected argument: ${args}` }),
  missingWorkbook: (): Text => ({
    zh: `缺少工作簿：请给出台账文件（${LEDGER_FILE_KINDS.zh}）的路径`,
    en: `missing the workbook: give the path of a ledger file (${LEDGER_FILE_KINDS.en})`,
  }),
  fileCount: (expected: number, got: string): Text => ({
    zh: `应给出 ${expected} 个文件，实际是：${got}`,
    en: `expected ${expected} file argument(s), got: ${got}`,
  }),
  /** A refusal of node:util's parseArgs other than the ones above: its own words are all there is. */
  wrongCall: (detail: string): Text => ({ zh: `调用有误：${detail}`, en: detail }),
  missing: (option: string): Text => ({ zh: `缺少 ${option}`, en: `missing ${option}` }),
  year: (value: string): Text => ({
    zh: `--year 应为 2000 至 2100 之间的年份，实际是“${value}”`,
    en: `--year must be a year from 2000 to 2100, got "${value}"`,
  }),
  lang: (value: string): Text => ({
    zh: `--lang 只能是 zh 或 en，实际是“${value}”`,
    en: `--lang must be zh or en, got "${value}"`,
  }),
  asOf: (value: string): Text => ({
    zh: `--as-of 应为日期 YYYY-MM-DD，实际是“${value}”`,
    en: `--as-of must be a date YYYY-MM-DD, got "${value}"`,
  }),
  tokenNeedsServer: (): Text => ({ zh: '--token 需要同时给出 --server URL', en: '--token needs --server URL' }),
  /** The policy engine's refusals (shared/policy/errors.ts), with the call's own year and date. */
  policyYearFuture: (year: number): Text => ({
    zh: `${year} 年度尚未开始，无法评估`,
    en: `the year ${year} has not begun; it cannot be evaluated`,
  }),
  policyYearInvalid: (year: number): Text => ({
    zh: `${year} 不是 1950 年以后的年份`,
    en: `year ${year} is not a calendar year from 1950`,
  }),
  policyAsOfInvalid: (asOf: string): Text => ({
    zh: `截至日期“${asOf}”不是 YYYY-MM-DD 格式的日期`,
    en: `the date "${asOf}" is not a date YYYY-MM-DD`,
  }),
  policyAsOfBeforeYear: (asOf: string, year: number): Text => ({
    zh: `截至日期 ${asOf} 早于 ${year} 年度的开始`,
    en: `the date ${asOf} is before the year ${year} began`,
  }),
  policyNotFound: (path: string): Text => ({ zh: `找不到政策文件：${path}`, en: `policy file not found: ${path}` }),
  policyNotJson: (path: string, detail: string): Text => ({
    zh: `政策文件 ${path} 不是有效的 JSON（${detail}）`,
    en: `the policy file ${path} is not valid JSON (${detail})`,
  }),
  /** `lines` are the policy validator's own messages, already in the language asked for. */
  policyInvalid: (path: string, lines: { zh: string[]; en: string[] }): Text => ({
    zh: `政策文件 ${path} 有误：\n${lines.zh.map((m) => `  - ${m}`).join('\n')}`,
    en: `the policy file ${path} is invalid:\n${lines.en.map((m) => `  - ${m}`).join('\n')}`,
  }),
  fileNotFound: (path: string): Text => ({ zh: `找不到文件：${path}`, en: `file not found: ${path}` }),
  notAFile: (path: string): Text => ({ zh: `不是文件：${path}`, en: `not a file: ${path}` }),
  /** A file of template.md's "Files" that cannot be read; the message is the clerk's, in both languages. */
  unreadable: (path: string, message: Text): Text => ({ zh: `${path}：${message.zh}`, en: `${path}: ${message.en}` }),
  notXlsx: (option: string, path: string): Text => ({
    zh: `${option} 必须是 .xlsx 文件：${path}`,
    en: `${option} must be an .xlsx file: ${path}`,
  }),
  outIsInput: (out: string): Text => ({
    zh: `--out 不能与输入文件相同：原文件从不修改（${out}）`,
    en: `--out must differ from the input file: the original is never modified (${out})`,
  }),
  cannotWrite: (out: string, detail: string): Text => ({
    zh: `无法写出 ${out}：${detail}`,
    en: `cannot write ${out}: ${detail}`,
  }),
  /** --server refused (shared/api/server-address.ts); `why` is that rule's message. */
  server: (value: string, why: Text): Text => ({
    zh: `--server “${value}”不可用：${why.zh}`,
    en: `--server "${value}" cannot be used: ${why.en}`,
  }),
  // The admin commands'.
  exactlyOneTarget: (): Text => ({
    zh: '请给出 --local 或 --remote 之一',
    en: 'give exactly one of --local or --remote',
  }),
  format: (value: string): Text => ({
    zh: `--format 只能是 csv 或 xlsx，实际是“${value}”`,
    en: `--format must be csv or xlsx, not "${value}"`,
  }),
  rural: (value: string): Text => ({
    zh: `--rural 只能是 yes 或 no，实际是“${value}”`,
    en: `--rural must be yes or no, not "${value}"`,
  }),
  adminYear: (value: string): Text => ({
    zh: `--year 应为年份，如 2026，实际是“${value}”`,
    en: `--year must be a year such as 2026, not "${value}"`,
  }),
  tokenIdNeeded: (verb: string): Text => ({
    zh: `token ${verb} 需要令牌编号（见 token list）`,
    en: `token ${verb} needs the token id (see token list)`,
  }),
  unknownAdmin: (command: string): Text => ({
    zh: `未知的 admin 命令“${command}”`,
    en: `unknown admin command "${command}"`,
  }),
  unknownCatalogue: (verb: string): Text => ({
    zh: `未知的 catalogue 命令“${verb}”`,
    en: `unknown catalogue command "${verb}"`,
  }),
  /** A request body the worker's schema refuses: the field and the schema's own words. */
  invalidField: (field: string, detail: string): Text => ({
    zh: `${field} 的值无效（${detail}）`,
    en: `${field}: ${detail}`,
  }),
  notJsonFile: (path: string, detail: string): Text => ({
    zh: `${path} 不是有效的 JSON（${detail}）`,
    en: `${path} is not valid JSON (${detail})`,
  }),
} as const;

/** The first word of every error line. */
export const ERROR_PREFIX: Text = { zh: '错误：', en: 'error: ' };

/** An error the server answered with, its code kept beside the message for the bureau's IT staff. */
export function serverErrorLine(code: string, message: string, lang: Lang): string {
  return lang === 'en' ? `error (${code}): ${message}` : `错误（${code}）：${message}`;
}

/** The admin commands' own lines (scripts/cli/admin.ts). */
export const ADMIN_TEXT = {
  zh: {
    firstToken: (token: string, id: string) => `管理员令牌（只显示这一次，请妥善保存）：\n${token}\n（编号 ${id}）`,
    wranglerFailed: (status: number | null) => `wrangler d1 execute 失败（退出码 ${status}）；数据库迁移是否已执行？`,
    bureauAdded: (id: string, name: string) => `已添加教育局 ${id} ${name}`,
    schoolAdded: (code: string, name: string, bureau: string) => `已添加学校 ${code} ${name}（教育局 ${bureau}）`,
    rural: (rural: boolean) => (rural ? '农村' : '城镇'),
    tokenIssued: (token: string, line: string) => `令牌（只显示这一次，请妥善保存）：\n${token}\n${line}`,
    revoked: (line: string) => `已吊销 ${line}`,
    renewed: (line: string) => `已续期 ${line}`,
    policyStored: (bureau: string, year: number, deadline: string) =>
      `已保存 ${bureau} ${year} 年度的政策（报送截止 ${deadline}）`,
    exported: (out: string) => `已写出 ${out}（含完整身份证号，请妥善保管；本次导出已记录）`,
    neverExpires: '永不过期',
    revokedAt: (at: string) => `已于 ${at} 吊销`,
    expired: (day: string) => `已过期（有效至 ${day}）`,
    validUntil: (day: string) => `有效至 ${day}`,
  },
  en: {
    firstToken: (token: string, id: string) => `admin token (shown once, keep it safe):\n${token}\n(id ${id})`,
    wranglerFailed: (status: number | null) =>
      `wrangler d1 execute failed (exit ${status}); are the migrations applied?`,
    bureauAdded: (id: string, name: string) => `added bureau ${id} ${name}`,
    schoolAdded: (code: string, name: string, bureau: string) => `added school ${code} ${name} (bureau ${bureau})`,
    rural: (rural: boolean) => (rural ? 'rural' : 'urban'),
    tokenIssued: (token: string, line: string) => `token (shown once, keep it safe):\n${token}\n${line}`,
    revoked: (line: string) => `revoked ${line}`,
    renewed: (line: string) => `renewed ${line}`,
    policyStored: (bureau: string, year: number, deadline: string) =>
      `stored policy for ${bureau} ${year} (deadline ${deadline})`,
    exported: (out: string) => `wrote ${out} (full ID numbers: keep it safe; the export is logged)`,
    neverExpires: 'never expires',
    revokedAt: (at: string) => `revoked ${at}`,
    expired: (day: string) => `EXPIRED (valid until ${day})`,
    validUntil: (day: string) => `valid until ${day}`,
  },
} as const;

/** `npm run --silent cli -- --help`, and below the error of a wrong call. */
export const CLI_USAGE: Record<Lang, string> = {
  zh: `用法：npm run --silent cli -- <命令> [选项]

  validate 文件 [--year 年度] [--json] [--lang en]
  check    文件 [--year 年度] [--as-of YYYY-MM-DD] [--policy 政策.json] [--server URL --token 令牌] [--json] [--lang en]
  fix      文件 --out 输出.xlsx [--lang en]
  template [--catalogue] --out 输出.xlsx [--lang en]   （--catalogue：空白的培训项目目录）
  submit   文件 --server URL --token 令牌 [--year 年度] [--lang en]   （或环境变量 SHIXUN_SERVER、SHIXUN_TOKEN）

  文件：台账工作簿，${LEDGER_FILE_KINDS.zh}（UTF-8 或 GBK），按内容识别
  --server：只接受 https:// 地址；本机测试可用 http://localhost、http://127.0.0.1 或 http://[::1]
  admin    …  （教育局、学校、令牌、政策：npm run --silent cli -- admin help）

退出码：0 正常，1 工作簿有错误（或服务器拒绝），2 调用有误或文件无法读取，3 网络或服务器故障（submit）
`,
  en: `usage: npm run --silent cli -- <command> [options]

  validate FILE [--year Y] [--json] [--lang en]
  check    FILE [--year Y] [--as-of YYYY-MM-DD] [--policy FILE.json] [--server URL --token TOKEN] [--json] [--lang en]
  fix      FILE --out OUT.xlsx [--lang en]
  template [--catalogue] --out OUT.xlsx [--lang en]   (--catalogue: the blank training catalogue)
  submit   FILE --server URL --token TOKEN [--year Y] [--lang en]   (or SHIXUN_SERVER, SHIXUN_TOKEN)

  FILE: a ledger workbook, ${LEDGER_FILE_KINDS.en} (UTF-8 or GBK), recognised by its content
  --server: https:// only; http://localhost, http://127.0.0.1 or http://[::1] for local testing
  admin    …  (bureaus, schools, tokens, policies: npm run --silent cli -- admin help)

exit status: 0 ok, 1 the workbook has errors (or the server rejected it), 2 wrong call or unreadable file,
3 network or server failure (submit)
`,
};

export const ADMIN_USAGE: Record<Lang, string> = {
  zh: `用法：npm run --silent cli -- admin <命令> [选项]

  init --local|--remote [--persist-to 目录] [--label 说明]     创建第一个管理员令牌（只显示一次）

  以下命令连接运行中的服务器（--server URL --token 管理员令牌，或 SHIXUN_SERVER、SHIXUN_TOKEN）：
  bureau add --id 编号 --name 名称
  bureau list
  school add --code 学校代码 --name 名称 --type 小学 --rural yes|no --bureau 教育局编号
  school list [--bureau 教育局编号]
  token issue --role clerk|reviewer|admin (--school 学校代码 | --bureau 教育局编号) [--label 说明] [--expires ISO 时间]
      报送员和审核员令牌默认于 8 月 31 日（北京时间）学年结束时过期
  token revoke 令牌编号
  token renew 令牌编号 [--expires ISO 时间]                    新的过期时间（默认：学年结束）
  token list
  policy put --year 年度 --bureau 教育局编号 --file 政策.json [--deadline YYYY-MM-DD]
  policy get --year 年度 --bureau 教育局编号
  export --year 年度 --bureau 教育局编号 --out 文件 [--format csv|xlsx]   含完整身份证号；会记录审计日志
  catalogue import 文件.xlsx --year 年度 [--bureau 教育局编号]     培训项目目录（admin catalogue help）
  catalogue export --year 年度 --out 文件.xlsx [--bureau 教育局编号]

  加 --json 输出机器可读的结果；加 --lang en 用英文。
退出码：0 正常，1 服务器拒绝，2 调用有误，3 网络或服务器故障
`,
  en: `usage: npm run --silent cli -- admin <command> [options]

  init --local|--remote [--persist-to DIR] [--label TEXT]     create the first admin token (printed once)

  against a running worker (--server URL --token ADMIN_TOKEN, or SHIXUN_SERVER / SHIXUN_TOKEN):
  bureau add --id ID --name NAME
  bureau list
  school add --code CODE --name NAME --type 小学 --rural yes|no --bureau ID
  school list [--bureau ID]
  token issue --role clerk|reviewer|admin (--school CODE | --bureau ID) [--label TEXT] [--expires ISO-TIME]
      clerk and reviewer tokens expire on 31 Aug (Beijing) by default, at the end of the school year
  token revoke TOKEN_ID
  token renew TOKEN_ID [--expires ISO-TIME]                    a new expiry (default: end of the school year)
  token list
  policy put --year Y --bureau ID --file POLICY.json [--deadline YYYY-MM-DD]
  policy get --year Y --bureau ID
  export --year Y --bureau ID --out FILE [--format csv|xlsx]   full ID numbers; audited
  catalogue import FILE.xlsx --year Y [--bureau ID]           the training catalogue (admin catalogue help)
  catalogue export --year Y --out FILE.xlsx [--bureau ID]

  add --json for machine-readable output, --lang en for English.
exit status: 0 ok, 1 refused by the server, 2 wrong call, 3 network or server failure
`,
};

export const CATALOGUE_USAGE: Record<Lang, string> = {
  zh: `用法：npm run --silent cli -- admin catalogue <命令> [选项]

  import 文件.xlsx --year 年度 [--bureau 教育局编号] [--json] [--lang en]   工作表“培训项目目录”及可选的“参训名单”
  export --year 年度 --out 文件.xlsx [--bureau 教育局编号]                  该年度的目录，可再次导入

  连接运行中的服务器：--server URL --token 令牌（或 SHIXUN_SERVER、SHIXUN_TOKEN）；审核员令牌用于本局，
  管理员令牌须用 --bureau 指明教育局。
  空白目录：npm run --silent cli -- template --catalogue --out 文件.xlsx
退出码：0 正常，1 目录有错误（或服务器拒绝），2 调用有误或文件无法读取，3 网络或服务器故障
`,
  en: `usage: npm run --silent cli -- admin catalogue <command> [options]

  import FILE.xlsx --year Y [--bureau ID] [--json] [--lang en]   the sheets 培训项目目录 and optional 参训名单
  export --year Y --out FILE.xlsx [--bureau ID]                   the year's catalogue, re-importable

  against a running worker: --server URL --token TOKEN (or SHIXUN_SERVER / SHIXUN_TOKEN); a reviewer's
  token works on its own bureau, an admin's names it with --bureau.
  a blank catalogue: npm run --silent cli -- template --catalogue --out FILE.xlsx
exit status: 0 ok, 1 the catalogue has errors (or the server refused it), 2 wrong call or unreadable file,
3 network or server failure
`,
};

/** The catalogue commands' own lines (scripts/cli/catalogue.ts). */
export const CATALOGUE_TEXT = {
  zh: {
    title: (file: string, year: number) => `培训项目目录 ${file}（${year} 年度）`,
    notSent: (n: number) => `目录有 ${n} 处错误，未导入。请修正后再导入。`,
    refused: (n: number) => `服务器拒绝导入：${n} 处错误。`,
    imported: (r: CatalogueImportResult) =>
      `已导入 ${r.year} 年度目录：新增 ${r.imported.added} 项，更新 ${r.imported.updated} 项，参训名单 ${r.imported.attendees} 人；` +
      `重新评估 ${r.reevaluated.length} 份台账。`,
    changed: (school: string, before: number, after: number) => `  ${school}：达标 ${before} → ${after} 人`,
    wrote: (out: string) => `已写出目录：${out}`,
  },
  en: {
    title: (file: string, year: number) => `Training catalogue ${file} (${year})`,
    notSent: (n: number) => `The catalogue has ${n} errors and was not imported. Fix them and import again.`,
    refused: (n: number) => `The server refused the import: ${n} errors.`,
    imported: (r: CatalogueImportResult) =>
      `Imported the ${r.year} catalogue: ${r.imported.added} added, ${r.imported.updated} updated, ` +
      `${r.imported.attendees} attendees; ` +
      `${r.reevaluated.length} ledgers re-evaluated.`,
    changed: (school: string, before: number, after: number) => `  ${school}: passing ${before} → ${after}`,
    wrote: (out: string) => `Wrote the catalogue: ${out}`,
  },
} as const;
