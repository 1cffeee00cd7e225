/**
 * The compliance preview, one card per teacher, those who need something done first. A card lists
 * the failing rules (须处理), then those still open before their deadline (截止前完成), each with
 * its reason in words and actual / required, then, closed, those met; a 数据有误 teacher's card says
 * which row to fix. Connected, the history's note and each record's recognition come first.
 */
import { ruleFigure } from '../../../shared/labels/rules.js';
import type { RuleResult, TeacherCompliance } from '../../../shared/policy/types.js';
import type { Messages } from '../messages.js';
import type { PreviewHistory } from '../state.js';
import type { PaneValidationResult } from '../validation-protocol.js';
import { invalidRow, teacherPreview } from '../view.js';
import { usePane } from './context.js';
import { PreviewRecognitionPanel } from './RecognitionPanel.js';
import { Status } from './Status.js';

/**
 * One rule: its title, actual / required (also as data-* for a test that compares them with the
 * server's), the deadline of a rule in progress, and the engine's reason in words.
 */
function RuleLine({ rule, m }: { rule: RuleResult; m: Messages }) {
  return (
    <li
      class={`rule ${rule.status}`}
      data-rule={rule.rule}
      data-rule-status={rule.status}
      data-actual={rule.actual}
      data-required={rule.required}
    >
      <span class="rule-title">{m.rule[rule.rule]}</span>{' '}
      <span class="figures">
        {m.actualRequired(ruleFigure(rule.rule, rule.actual), ruleFigure(rule.rule, rule.required))}
      </span>
      {rule.deadline ? (
        <>
          {' '}
          <span class="deadline" data-deadline={rule.deadline}>
            {m.deadline(rule.deadline)}
          </span>
        </>
      ) : null}
      <p class="reason">{rule.message}</p>
    </li>
  );
}

function RuleList({ rules, m }: { rules: RuleResult[]; m: Messages }) {
  return (
    <ul>
      {rules.map((r) => (
        <RuleLine key={r.rule} rule={r} m={m} />
      ))}
    </ul>
  );
}

function RuleGroup({ status, rules, m }: { status: 'fail' | 'warn'; rules: RuleResult[]; m: Messages }) {
  if (rules.length === 0) return null;
  return (
    <div class={`rule-group ${status}`}>
      <h4>{m.ruleStatus[status]}</h4>
      <RuleList rules={rules} m={m} />
    </div>
  );
}

/** The rules met, closed: why a teacher passes (and the figures the server will store). */
function MetRules({ rules, m }: { rules: RuleResult[]; m: Messages }) {
  if (rules.length === 0) return null;
  return (
    <details class="rule-group pass">
      <summary>{m.metRules(rules.length)}</summary>
      <RuleList rules={rules} m={m} />
    </details>
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
  const { mustFix, due, met } = teacherPreview(teacher);
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
      <MetRules rules={met} m={m} />
    </li>
  );
}

/** Whether the preview includes the server's history of these teachers (other years and schools). */
function HistoryNote({ history, m }: { history: PreviewHistory | null; m: Messages }) {
  const text = (): string => {
    if (history === null) return m.historyNotIncluded;
    if (history.state === 'loading') return m.historyLoading;
    if (history.state === 'failed') return history.say.text(m);
    return m.historyIncluded(history.sources);
  };
  return (
    <p
      id="history-note"
      class={history?.state === 'failed' ? 'status error' : 'muted'}
      data-history={history?.state ?? 'none'}
    >
      {text()}
    </p>
  );
}

export function PreviewSection() {
  const pane = usePane();
  const { t, run, previewShown, busy } = pane;
  const m = t.value;
  const current = run.value;
  const shown = previewShown.value && current !== null;
  // With the server's history once it is there (for this very run), else the workbook alone.
  const history = pane.previewHistory.value?.run === current ? pane.previewHistory.value : null;
  const evaluated = history?.state === 'server' ? history : shown ? current.outcome : null;
  const compliance = shown ? (evaluated?.compliance ?? null) : null;
  let status = pane.previewStatus.value;
  if (shown && !compliance) {
    const error = evaluated?.complianceError ?? null;
    status = { tone: 'error', text: (x) => (error ? x.failed(error) : x.futureYear) };
  } else if (compliance) {
    const s = compliance.school.summary;
    const invalid = compliance.invalidCount;
    status = {
      tone: 'ok',
      text: (x) => {
        const line = `${x.asOfLabel} ${compliance.asOf}：${x.summaryLine(s.teachers, s.pass, s.warn, s.fail, s.passRate)}`;
        return invalid ? `${line}；${x.invalidCount(invalid)}` : line;
      },
    };
  }
  // The worker sent the first teachers by urgency, as many as have cards, and counted the others.
  const teachers = compliance?.teachers ?? [];
  const unlisted = compliance ? compliance.teacherCount - teachers.length : 0;
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
          <HistoryNote history={history} m={m} />
          {history?.state === 'server' && history.catalogueSay ? (
            <Status id="catalogue-status" say={history.catalogueSay} />
          ) : null}
          {history?.state === 'server' && history.recognition && current.outcome.result.catalogueYears.length > 0 ? (
            <PreviewRecognitionPanel value={history.recognition} m={m} />
          ) : null}
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
            {teachers.map((x) => (
              <TeacherCard key={x.row} teacher={x} result={current.outcome.result} m={m} />
            ))}
          </ul>
          {unlisted > 0 ? <p class="muted">{m.moreTeachers(unlisted)}</p> : null}
        </>
      ) : null}
    </section>
  );
}
