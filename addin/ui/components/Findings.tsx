/**
 * The findings, grouped under their Chinese titles by sheet: errors and warnings open (when few),
 * info findings together, collapsed, as 提示. A clicked finding shows its cell's value and the
 * row's teacher (name, masked ID); the code stays out of the text, inside a closed 代码 detail.
 */
import type { Finding } from '../../../shared/contract/codes.js';
import type { Messages } from '../messages.js';
import { type FindingGroup, groupFindings, type RowTeacher, showValue } from '../view.js';
import { usePane } from './context.js';

/** Rows shown per group; the CSV report always has everything. */
const GROUP_ROWS = 200;
/** With this many groups or fewer, they start open. */
const OPEN_GROUPS = 6;

function FindingDetail({ finding, teacher }: { finding: Finding; teacher: RowTeacher | null }) {
  const { t } = usePane();
  const m = t.value;
  return (
    <div class="finding-detail" id="finding-detail">
      <dl>
        <dt>{m.cellValue}</dt>
        <dd class="value">{finding.value === null ? m.emptyValue : showValue(finding.value)}</dd>
        <dt>{m.rowTeacher}</dt>
        <dd class="teacher">
          {teacher ? [teacher.name, teacher.idMasked].filter((x) => x !== '').join(' · ') : m.noTeacher}
        </dd>
      </dl>
      <details class="code">
        <summary>{m.codeLabel}</summary>
        <code>{finding.code}</code>
      </details>
    </div>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  const { t, selected, selectedTeacher, select } = usePane();
  const m = t.value;
  const isSelected = selected.value === finding;
  // The detail shows once the worker has read the row's teacher (a moment).
  const detail = isSelected && selectedTeacher.value?.finding === finding ? selectedTeacher.value : null;
  return (
    <li
      class={`finding ${finding.severity}${isSelected ? ' selected' : ''}`}
      data-sheet={finding.sheet ?? ''}
      data-cell={finding.cell ?? ''}
    >
      <button
        type="button"
        class="finding-row"
        title={finding.cell ? m.clickToSelect : undefined}
        aria-expanded={isSelected}
        onClick={() => select(finding)}
      >
        {finding.cell ? <span class="cellref">{finding.cell}</span> : null}
        <span class="message">{finding.message}</span>
      </button>
      {detail ? <FindingDetail finding={finding} teacher={detail.teacher} /> : null}
    </li>
  );
}

function Group({ group, open, m }: { group: FindingGroup; open: boolean; m: Messages }) {
  const shown = group.items.slice(0, GROUP_ROWS);
  return (
    <details class={`group ${group.severity}`} open={open} data-code={group.code}>
      <summary>
        <span class={`badge ${group.severity}`}>{m.severity[group.severity]}</span>{' '}
        {m.findingsGroup(group.sheet ?? m.workbookLevel, m.findingTitle[group.code], group.items.length)}
      </summary>
      <ul class="findings">
        {shown.map((f, i) => (
          <FindingItem key={i} finding={f} />
        ))}
      </ul>
      {group.items.length > shown.length ? (
        <p class="muted">{m.moreFindings(group.items.length - shown.length)}</p>
      ) : null}
    </details>
  );
}

export function Findings() {
  const { t, run } = usePane();
  const m = t.value;
  const current = run.value;
  if (!current) return null;
  const { problems, info } = groupFindings(current.outcome.result.findings);
  const infoCount = info.reduce((n, g) => n + g.items.length, 0);
  return (
    <div id="findings">
      {problems.length === 0 ? <p class="status ok">{m.noProblems}</p> : null}
      {problems.map((g) => (
        <Group key={g.key} group={g} open={problems.length <= OPEN_GROUPS} m={m} />
      ))}
      {infoCount > 0 ? (
        <details id="info-findings" class="group info">
          <summary>
            <span class="badge info">{m.severity.info}</span> {m.infoGroup(infoCount)}
          </summary>
          {info.map((g) => (
            <Group key={g.key} group={g} open={true} m={m} />
          ))}
        </details>
      ) : null}
    </div>
  );
}
