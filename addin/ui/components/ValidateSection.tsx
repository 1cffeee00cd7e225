/** The year, 校验, and what it found. 校验 waits for a workbook (standalone: a file that opened). */
import { currentYear } from '../../../shared/policy/as-of.js';
import { download } from '../download.js';
import { findingsCsv } from '../findings-csv.js';
import { usePane } from './context.js';
import { Findings } from './Findings.js';
import { Progress } from './Status.js';

/** The years offered: this one and the three before it. */
const YEARS_BACK = 4;

export function ValidateSection() {
  const pane = usePane();
  const { t, host, standalone, busy, run, year, lastRun } = pane;
  const m = t.value;
  const current = run.value;
  const findings = current?.outcome.result.findings ?? [];
  const thisYear = currentYear();
  const working = busy.value.has('validate') || busy.value.has('fix') || busy.value.has('submit');
  return (
    <section id="validate-section">
      <h2>{m.validateTitle}</h2>
      <div class="row">
        <label class="inline">
          {m.yearLabel}
          <select id="year" value={String(year.value)} onChange={(e) => (year.value = Number(e.currentTarget.value))}>
            {Array.from({ length: YEARS_BACK }, (_, d) => thisYear - d).map((y) => (
              <option value={String(y)}>{y}</option>
            ))}
          </select>
        </label>
        <button id="validate" type="button" disabled={!pane.workbookOpen.value || working} onClick={pane.validate}>
          {m.validateButton}
        </button>
        {host.kind === 'excel' ? (
          <button
            id="clear-marks"
            type="button"
            class="secondary"
            disabled={busy.value.has('clear')}
            onClick={pane.clearMarks}
          >
            {m.clearMarks}
          </button>
        ) : null}
      </div>
      <Progress value={pane.progress.value} />
      <p
        id="validate-status"
        class={`status ${pane.validateStatus.value?.tone ?? ''}`}
        role="status"
        data-ms={current && lastRun.value ? lastRun.value.ms : undefined}
        data-syncs={current && lastRun.value ? lastRun.value.syncs : undefined}
        data-run={current && lastRun.value ? lastRun.value.serial : undefined}
      >
        {pane.validateStatus.value?.text(m) ?? ''}
      </p>
      {current && findings.length > 0 ? (
        <div class="row">
          <button
            id="download-report"
            type="button"
            class="secondary"
            onClick={() => download('问题清单.csv', findingsCsv(findings, m), 'text/csv;charset=utf-8')}
          >
            {m.downloadReport}
          </button>
          {standalone ? (
            <button
              id="download-annotated"
              type="button"
              class="secondary"
              title={m.annotatedHint}
              disabled={busy.value.has('annotate')}
              onClick={() => void pane.downloadAnnotated()}
            >
              {m.downloadAnnotated}
            </button>
          ) : null}
        </div>
      ) : null}
      {current ? <Findings /> : null}
    </section>
  );
}
