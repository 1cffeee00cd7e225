/**
 * The compliance preview, one card per teacher, those who need something done first. A card lists
 * the failing rules (须处理), then those still open before their deadline (截止前完成), each with
 * its reason in words and actual / required; a 数据有误 teacher's card says which row to fix.
 */
import type { RuleResult, TeacherCompliance } from '../../../shared/policy/types.js';
import type { Messages } from '../messages.js';
import type { PaneValidationResult } from '../validation-protocol.js';
import { invalidRow, teacherPreview, teachersByUrgency } from '../view.js';
import { usePane } from './context.js';
import { Status } from './Status.js';

/** Cards rendered at once; the 达标情况 sheet (Excel) or report (browser) after submitting has all. */
const TEACHER_CARDS = 500;

function RuleLine({ rule, m }: { rule: RuleResult; m: Messages }) {
  return (
    <li class={`rule ${rule.status}`} data-rule-status={rule.status}>
      <span class="rule-title">{m.rule[rule.rule]}</span>{' '}
      <span class="figures">{m.actualRequired(rule.actual, rule.required)}</span>
      <p class="reason">{rule.message}</p>
    </li>
  );
}

function RuleGroup({ status, rules, m }: { status: 'fail' | 'warn'; rules: RuleResult[]; m: Messages }) {
  if (rules.length === 0) return null;
  return (
    <div class={`rule-group ${status}`}>
      <h4>{m.ruleStatus[status]}</h4>
      <ul>
        {rules.map((r) => (
          <RuleLine key={r.rule} rule={r} m={m} />
        ))}
      </ul>
    </div>
  );
}

function TeacherCard({
  teacher,
  result,
  m,
}: {
  teacher: TeacherCompliance;
  result: PaneValidationResult;
  m: Messages;
}) {
  const { mustFix, due } = teacherPreview(teacher);
  const fix = teacher.status === 'invalid' ? invalidRow(result, teacher) : null;
  return (
    <li class={`teacher-card ${teacher.status}`} data-status={teacher.status} data-row={teacher.row}>
      <div class="teacher-head">
        <span class="name">{teacher.name}</span>
        <span class="id">{teacher.idMasked}</span>
        <span class={`badge ${teacher.status}`}>{m.status[teacher.status]}</span>
      </div>
      {fix ? (
        <p class="fix-row">
          {m.invalidRow(fix.sheet, fix.row)}
          {fix.codes.length > 0 ? m.invalidBecause(fix.codes.map((c) => m.findingTitle[c]).join('、')) : ''}
        </p>
      ) : null}
      <RuleGroup status="fail" rules={mustFix} m={m} />
      <RuleGroup status="warn" rules={due} m={m} />
    </li>
  );
}

export function PreviewSection() {
  const pane = usePane();
  const { t, run, previewShown, busy } = pane;
  const m = t.value;
  const current = run.value;
  const shown = previewShown.value && current !== null;
  const compliance = shown ? current.outcome.compliance : null;
  let status = pane.previewStatus.value;
  if (shown && !compliance) {
    const error = current.outcome.complianceError;
    status = { tone: 'error', text: (x) => (error ? x.failed(error) : x.futureYear) };
  } else if (compliance) {
    const s = compliance.school.summary;
    const invalid = compliance.teachers.filter((x) => x.status === 'invalid').length;
    status = {
      tone: 'ok',
      text: (x) => {
        const line = `${x.asOfLabel} ${compliance.asOf}：${x.summaryLine(s.teachers, s.pass, s.warn, s.fail, s.passRate)}`;
        return invalid ? `${line}；${x.invalidCount(invalid)}` : line;
      },
    };
  }
  const teachers = compliance ? teachersByUrgency(compliance.teachers) : [];
  const schoolOpen = compliance ? compliance.school.rules.filter((r) => r.status !== 'pass') : [];
  return (
    <section id="preview-section">
      <h2>{m.previewTitle}</h2>
      <button
        id="preview"
        type="button"
        class="secondary"
        disabled={!pane.workbookOpen.value || busy.value.has('preview')}
        onClick={pane.showPreview}
      >
        {m.previewButton}
      </button>
      <Status id="preview-status" say={status} />
      {compliance && current ? (
        <>
          <p id="history-note" class="muted">
            {m.historyNotIncluded}
          </p>
          {schoolOpen.length > 0 ? (
            <div id="school-rules" class="teacher-card school">
              <div class="teacher-head">
                <span class="name">{m.schoolRules}</span>
              </div>
              <RuleGroup status="fail" rules={schoolOpen.filter((r) => r.status === 'fail')} m={m} />
              <RuleGroup status="warn" rules={schoolOpen.filter((r) => r.status === 'warn')} m={m} />
            </div>
          ) : null}
          <ul id="compliance" class="teacher-list">
            {teachers.slice(0, TEACHER_CARDS).map((x) => (
              <TeacherCard key={x.row} teacher={x} result={current.outcome.result} m={m} />
            ))}
          </ul>
          {teachers.length > TEACHER_CARDS ? (
            <p class="muted">{m.moreTeachers(teachers.length - TEACHER_CARDS)}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
