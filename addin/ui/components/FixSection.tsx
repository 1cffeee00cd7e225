/**
 * The automatic fixes, one card per change: where (sheet!cell), what kind, and old → new on one
 * line, with a checkbox. The bar with 应用所选 sticks to the bottom of the view while the cards
 * scroll, so it is never hidden below them. Nothing is written until it is pressed.
 */
import { FIX_LIMIT, fixLine } from '../view.js';
import { usePane } from './context.js';
import { Status } from './Status.js';

export function FixSection() {
  const pane = usePane();
  const { t, run, fixChosen, busy, standalone } = pane;
  const m = t.value;
  const current = run.value;
  const fixes = current?.outcome.result.fixes ?? [];
  const listed = fixes.slice(0, FIX_LIMIT);
  const chosen = listed.filter((_, i) => fixChosen.value[i]).length;
  const fixedCopy = standalone?.file.value?.fixed ? standalone : null;
  return (
    <section id="fix-section">
      <h2>{m.fixTitle}</h2>
      <p class="muted">{m.fixHint}</p>
      {current && listed.length === 0 ? <p class="muted">{m.noFixes}</p> : null}
      {listed.length > 0 ? (
        <ul id="fixes" class="fix-list">
          {listed.map((f, i) => {
            const line = fixLine(f);
            return (
              <li key={i} class="fix-card" data-sheet={f.sheet} data-cell={f.cell}>
                <label class="check">
                  <input
                    type="checkbox"
                    data-fix={i}
                    checked={fixChosen.value[i] ?? false}
                    onChange={(e) => pane.chooseFix(i, e.currentTarget.checked)}
                  />
                  <span class="place">{line.place}</span>
                  <span class="kind">{m.fixKind[f.code]}</span>
                </label>
                <div class="change">
                  <span class="old">{line.from}</span>
                  <span class="arrow" aria-hidden="true">
                    {' → '}
                  </span>
                  <span class="new">{line.to}</span>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
      {fixes.length > listed.length ? <p class="muted">{m.moreFixes(fixes.length - listed.length)}</p> : null}
      {listed.length > 0 || fixedCopy ? (
        <div class="apply-bar">
          {listed.length > 0 ? (
            <>
              <label class="check">
                <input
                  id="fix-all"
                  type="checkbox"
                  checked={chosen === listed.length}
                  onChange={(e) => pane.chooseAllFixes(e.currentTarget.checked)}
                />
                <span>{m.selectAll}</span>
              </label>
              <button
                id="apply-fixes"
                type="button"
                disabled={chosen === 0 || busy.value.has('fix')}
                onClick={pane.applyFixes}
              >
                {m.applyFixes(chosen)}
              </button>
            </>
          ) : null}
          {fixedCopy ? (
            <button id="download-fixed" type="button" class="secondary" onClick={fixedCopy.downloadFixed}>
              {m.downloadFixed}
            </button>
          ) : null}
        </div>
      ) : null}
      <Status id="fix-status" say={pane.fixStatus.value} />
    </section>
  );
}
