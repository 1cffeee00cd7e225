/** Every string the dashboard shows, Chinese first; English for visiting reviewers and the docs. */
import { REVIEW_STATE_LABELS, RULE_TITLES, TEACHER_STATUS_LABELS, type Text } from '../../shared/labels/index.js';
import type { RuleId } from '../../shared/policy/types.js';
import { RECOGNITION_STRINGS } from './recognition-strings.js';

export type UiLang = 'zh' | 'en';

/** A catalogue label in the [zh, en] shape of this file's strings. */
const pair = (text: Text): readonly [string, string] => [text.zh, text.en];

const STRINGS = {
  appTitle: ['师训台账 · 教育局审核', 'Shixun · Bureau review'],
  signInTitle: ['审核人员登录', 'Reviewer sign-in'],
  signInHint: [
    '请输入教育局发放的审核令牌（仅保存在本浏览器会话中）。',
    'Enter the reviewer token issued by the bureau (kept for this browser session only).',
  ],
  token: ['令牌', 'Token'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  badToken: ['令牌无效或已吊销，请核对后重试。', 'The token is invalid or revoked; check it and try again.'],
  clerkToken: [
    '这是学校报送员的令牌，请使用教育局审核令牌登录。',
    "This is a school clerk's token; sign in with a bureau reviewer token.",
  ],
  sessionExpired: [
    '登录已失效（令牌无效、已吊销或已过期），请重新登录。',
    'The session ended (token invalid, revoked or expired); sign in again.',
  ],
  emptyToken: ['请输入令牌。', 'Enter a token.'],
  loading: ['正在加载…', 'Loading…'],
  retry: ['重试', 'Retry'],
  networkError: ['无法连接服务器，请检查网络后重试。', 'Cannot reach the server; check the network and retry.'],
  notFound: ['未找到该页面或无权访问。', 'Not found, or not yours to see.'],
  schoolNotFound: ['未找到该学校（或不属于本局）。', 'No such school in this bureau.'],
  year: ['年度', 'Year'],
  bureau: ['教育局', 'Bureau'],
  admin: ['管理员', 'administrator'],
  language: ['English', '中文'],
  navSummary: ['全区概览', 'District'],
  navSchools: ['学校列表', 'Schools'],
  navTeachers: ['教师查询', 'Teachers'],
  navPolicy: ['考核政策', 'Policy'],
  schools: ['学校', 'Schools'],
  submitted: ['已报送', 'Submitted'],
  missing: ['未报送', 'Missing'],
  returned: pair(REVIEW_STATE_LABELS.returned),
  approved: pair(REVIEW_STATE_LABELS.approved),
  pending: pair(REVIEW_STATE_LABELS.pending),
  superseded: pair(REVIEW_STATE_LABELS.superseded),
  districtPassRate: ['全区达标率', 'District pass rate'],
  teachers: ['教师', 'Teachers'],
  deadline: ['报送截止', 'Deadline'],
  deadlineShort: ['截止', 'Due'],
  ruralNote: [
    '农村 {rt} 名教师，城区 {ut} 名；分子为已报送学校数 / 学校总数。',
    'Rural: {rt} teachers, urban: {ut}; the fraction is schools submitted / schools.',
  ],
  daysLeft: ['剩余 {n} 天', '{n} days left'],
  daysOver: ['已逾期 {n} 天', '{n} days overdue'],
  dueToday: ['今天截止', 'Due today'],
  chartPassBySchool: ['各校达标率（由低到高）', 'Pass rate by school (lowest first)'],
  chartUnmetRules: ['未达标规则（人次）', 'Unmet rules (teachers)'],
  schoolRuleSuffix: ['（学校数）', ' (schools)'],
  unmetValue: ['未达标 {fail} · 进行中 {warn}', '{fail} fail · {warn} in progress'],
  chartRural: ['农村与城区', 'Rural and urban'],
  chartStudio: ['名师工作室角色', 'Studio roles'],
  chartBackbone: ['骨干教师级别', 'Backbone tiers'],
  showAll: ['显示全部 {n} 所', 'Show all {n}'],
  showFewer: ['只显示最低 {n} 所', 'Show the lowest {n}'],
  noData: ['暂无数据', 'No data yet'],
  recomputing: [
    '{n} 所学校的结果正在按新版本台账重新计算，下面暂为其上一次的结果；稍后刷新即可。',
    "{n} schools' results are being recomputed after a ledger changed; their previous results are shown until then. Reload shortly.",
  ],
  recomputingChip: ['重新计算中', 'Recomputing'],
  rural: ['农村', 'Rural'],
  urban: ['城区', 'Urban'],
  passRate: ['达标率', 'Pass rate'],
  pass: pair(TEACHER_STATUS_LABELS.pass),
  warn: pair(TEACHER_STATUS_LABELS.warn),
  fail: pair(TEACHER_STATUS_LABELS.fail),
  invalid: pair(TEACHER_STATUS_LABELS.invalid),
  status: ['状态', 'Status'],
  all: ['全部', 'All'],
  code: ['代码', 'Code'],
  name: ['名称', 'Name'],
  type: ['类型', 'Type'],
  version: ['版本', 'Version'],
  submittedAt: ['报送时间', 'Submitted at'],
  submittedBy: ['报送人', 'Submitted by'],
  filterStatus: ['报送状态', 'Status'],
  filterRural: ['城乡', 'Area'],
  filterPassBelow: ['达标率低于', 'Pass rate below'],
  search: ['搜索', 'Search'],
  searchSchool: ['学校名称或代码', 'School name or code'],
  searchTeacher: ['按姓名搜索', 'Search by name'],
  rule: ['规则', 'Rule'],
  anyRule: ['任一规则', 'Any rule'],
  count: ['共 {n} 条', '{n} rows'],
  page: ['第 {p} / {n} 页', 'Page {p} of {n}'],
  prev: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
  exportCsv: ['导出 CSV', 'Export CSV'],
  exportXlsx: ['导出 Excel', 'Export Excel'],
  exportSummary: ['导出全区汇总', 'Export district summary'],
  exportTeachers: ['导出当前筛选的教师', 'Export the filtered teachers'],
  exporting: ['正在导出…', 'Exporting…'],
  versions: ['报送版本', 'Versions'],
  diff: ['与上一版本的差异', 'Changes since the previous version'],
  noPrevious: ['首个版本，无可比较的上一版本。', 'First version: nothing to compare with.'],
  added: ['新增教师', 'Teachers added'],
  removed: ['移除教师', 'Teachers removed'],
  hoursChanged: ['学时变化', 'Hours changed'],
  statusChanged: ['状态变化', 'Status changed'],
  noChanges: ['无变化', 'No changes'],
  teacherList: ['教师达标情况', 'Teachers'],
  districtTeachers: ['全区教师（当前版本）', 'Teachers of the district (current versions)'],
  idMasked: ['身份证号', 'ID number'],
  unmetRules: ['未达标规则', 'Unmet rules'],
  subject: ['学段学科', 'Stage · subject'],
  titleCol: ['职称', 'Title'],
  roleCol: ['工作室 · 骨干', 'Studio · backbone'],
  hours: ['学时', 'Hours'],
  review: ['审核', 'Review'],
  reviewComment: ['审核意见（退回时必填）', 'Comment (required to return)'],
  approve: ['审核通过', 'Approve'],
  returnIt: ['退回修改', 'Return'],
  reviewDone: ['已提交审核结果。', 'Review saved.'],
  commentRequired: ['退回时请填写审核意见。', 'Write a comment to return a submission.'],
  lastComment: ['最近审核意见', 'Last review comment'],
  noSubmission: ['该校本年度尚未报送。', 'This school has not submitted for this year.'],
  backToList: ['返回学校列表', 'Back to the schools'],
  policyTitle: ['{year} 年度考核政策', 'Policy for {year}'],
  policyId: ['政策编号', 'Policy id'],
  enabled: ['启用', 'Enabled'],
  required: ['要求', 'Required'],
  parameter: ['参数', 'Parameter'],
  save: ['保存', 'Save'],
  saved: ['已保存。', 'Saved.'],
  adminOnly: ['仅管理员可修改政策参数。', 'Only an administrator can change the policy.'],
  invalidForm: ['表单有误：', 'The form has errors:'],
  notNumber: ['“{f}”必须是数字', '"{f}" must be a number'],
  defaultPolicy: ['（默认政策）', '(default policy)'],
  largeType: ['大字', 'Large type'],
  actualRequired: ['实际 / 要求', 'Actual / required'],
  reason: ['说明', 'Reason'],
  // A teacher's rules with the records behind each (views/TeacherDetail.tsx).
  otherSchools: ['来自其他学校的记录：', 'Records from other schools: '],
  inYears: ['（{years}年）', ' ({years})'],
  yearSep: ['、', ', '],
  listSep: ['、', '; '],
  hoursUnit: ['学时', 'hours'],
  noRecordsCounted: ['没有计入的记录。', 'No record counted.'],
  noRules: ['没有适用于该教师的规则。', 'No rule applies to this teacher.'],
  noRulesInvalid: [
    '该教师的名册数据有误，未按规则评估；请学校修正后重新报送。',
    "This teacher's roster data is invalid, so no rule was evaluated; the school must correct it and submit again.",
  ],
  ofWhich: ['其中 ', 'Of these, '],
  hoursFrom: ['{n} 学时来自{school}（{year}年）', '{n} hours from {school} ({year})'],
  recordsFrom: ['{n} 条来自{school}（{year}年）', '{n} from {school} ({year})'],
  counted_trainings: ['计入的培训记录（{n} 条）', 'Trainings counted ({n})'],
  counted_duties: ['计入的骨干履职记录（{n} 条）', 'Duty records counted ({n})'],
  counted_milestones: ['计入的青年教师考核记录（{n} 条）', 'Milestones counted ({n})'],
  colDates: ['日期', 'Dates'],
  colRecorded: ['登记学时', 'Recorded'],
  colCounted: ['计入学时', 'Counted'],
  colRecognition: ['认定状态', 'Recognition'],
  colLedger: ['来源台账', 'Ledger'],
  colSemester: ['学期', 'Semester'],
  colDemo: ['示范课（本校 / 被指导校）', 'Demo lessons (home / guided)'],
  colObserved: ['听课', 'Observed'],
  colPreps: ['集体备课', 'Group preps'],
  colLectures: ['讲座', 'Lectures'],
  colSmall: ['小课题', 'Small projects'],
  colProject: ['主持课题', 'Project led'],
  colMilestone: ['考核项目', 'Milestone'],
  colResult: ['考核结果', 'Result'],
  colDate: ['考核日期', 'Date'],
  total: ['合计', 'Total'],
  likelyEntry: ['可能是 {code}', 'likely {code}'],
  thisLedger: ['本台账（{year}年）', 'This ledger ({year})'],
  inYear: ['（{year}年）', ' ({year})'],
  otherSchool: ['他校', 'Other school'],
  otherYear: ['其他年度', 'Other year'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  ...RECOGNITION_STRINGS,
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

const PARAMS: Record<string, readonly [string, string]> = {
  enabled: ['启用', 'Enabled'],
  required: ['要求', 'Required'],
  levels: ['计入的培训级别', 'Levels counted'],
  proRateStep: ['折算取整步长', 'Pro-rata step'],
  hoursPerYear: ['每年学时', 'Hours per year'],
  cycleYears: ['周期年数', 'Cycle years'],
  firstCycleStart: ['首个周期起始年', 'First cycle start'],
  category: ['培训类别', 'Category'],
  windowMonths: ['期限（月）', 'Window (months)'],
  dueYears: ['达标年限', 'Years due'],
  roles: ['适用角色', 'Roles'],
  posts: ['适用岗位', 'Posts'],
  graceYears: ['宽限年数', 'Grace years'],
  deadline: ['截止（月-日）', 'Deadline (MM-DD)'],
  demoLessons: ['示范课（节/学期）', 'Demo lessons a semester'],
  demoLessonsGuided: ['被指导校示范课', 'Demo lessons at guided school'],
  observedLessons: ['听课（节/学期）', 'Lessons observed'],
  groupPreps: ['集体备课（次/学期）', 'Group preparations'],
  lectures: ['专题讲座（次/学期）', 'Lectures'],
  smallProjects: ['指导小课题（项/学期）', 'Small projects guided'],
  projectsLedPerYear: ['主持课题（项/年）', 'Projects led a year'],
  minEducation: ['最低学历', 'Minimum education'],
  minTitle: ['最低职称', 'Minimum title'],
  minServiceYears: ['最少教龄（年）', 'Minimum years of service'],
  serviceCountedOn: ['教龄计算日（月-日）', 'Service counted on (MM-DD)'],
};

export function paramLabel(key: string): string {
  const pair = PARAMS[key];
  return pair ? pair[currentLang() === 'zh' ? 0 : 1] : key;
}

/** Roster values shown as chart labels; the data stays in Chinese, only the label is translated. */
const TIERS: Record<string, string> = {
  主持人: 'Studio lead',
  核心成员: 'Core member',
  发展对象: 'Candidate',
  校级: 'School',
  区级: 'District',
  市级: 'City',
  省级: 'Province',
};

export function tierLabel(tier: string): string {
  return currentLang() === 'en' ? (TIERS[tier] ?? tier) : tier;
}

const LANG_KEY = 'shixun.lang';

export function currentLang(): UiLang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function setLang(lang: UiLang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  const text = STRINGS[key][currentLang() === 'zh' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export function ruleLabel(rule: string): string {
  return rule in RULE_TITLES ? RULE_TITLES[rule as RuleId][currentLang()] : rule;
}

/**
 * A token's label as a person's name: the label's internal namespace (`demo:`, `import:`) is how
 * tokens are managed, not who submitted, so it is never shown.
 */
export function personLabel(label: string | null | undefined): string {
  const name = (label ?? '').replace(/^[A-Za-z][\w.-]*:\s*/, '').trim();
  return name || '—';
}

/** A typed name inside an SVG text (no <bdi> there): first-strong isolate … pop directional isolate. */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A stored instant in Beijing time, whatever the reviewer's computer is set to (the exports do the same). */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(currentLang() === 'zh' ? 'zh-CN' : 'en-GB', {
    hour12: false,
    timeZone: 'Asia/Shanghai',
  });
}
