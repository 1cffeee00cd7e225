/** A reviewer's token: the district summary and one school's teachers, into sheets (or the page). */
import { useState } from 'preact/hooks';
import { usePane } from './context.js';
import { Status } from './Status.js';

export function ReviewerSection() {
  const pane = usePane();
  const { t, busy, reviewerSchools } = pane;
  const m = t.value;
  const schools = reviewerSchools.value;
  const [chosen, setChosen] = useState<string | null>(null);
  const school = chosen ?? schools[0]?.code ?? '';
  return (
    <section id="reviewer-section">
      <h2>{m.reviewerTitle}</h2>
      <div class="row">
        <button id="pull-summary" type="button" disabled={busy.value.has('summary')} onClick={pane.pullSummary}>
          {m.pullSummary}
        </button>
      </div>
      <div class="row">
        <label class="inline grow">
          {m.schoolLabel}
          <select
            id="school"
            disabled={schools.length === 0}
            value={school}
            onChange={(e) => setChosen(e.currentTarget.value)}
          >
            {schools.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button
          id="pull-school"
          type="button"
          class="secondary"
          disabled={schools.length === 0 || busy.value.has('school')}
          onClick={() => void pane.pullSchool(school)}
        >
          {m.pullTeachers}
        </button>
      </div>
      <Status id="reviewer-status" say={pane.reviewerStatus.value} />
    </section>
  );
}
