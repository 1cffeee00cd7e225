/**
 * Standalone: the report sheets Excel would get (达标情况, 全区汇总, a school's teachers), shown
 * in the page. A wide table at desktop width; at a task pane's width each row becomes a card whose
 * cells carry their column's name (taskpane.css), so nothing scrolls sideways.
 */
import type { ReportCell, ReportSheetSpec } from '../../excel/report-sheet.js';
import { usePane } from './context.js';

/** A cell's text; null for an empty cell, which a row shown as a card leaves out. */
function cellText(spec: ReportSheetSpec, c: ReportCell, column: number): string | null {
  if (spec.percentColumns?.includes(column) && typeof c === 'number') return `${(c * 100).toFixed(1)}%`;
  return c === '' ? null : String(c);
}

function ReportSheet({ spec }: { spec: ReportSheetSpec }) {
  const status = spec.statusColumn;
  return (
    <div class="report-sheet" data-sheet={spec.name}>
      <h3>{spec.heading}</h3>
      {spec.summary.map((r, i) => (
        <p key={i} class="muted">
          {r.filter((x) => x !== '').join('　')}
        </p>
      ))}
      <table class="grid report">
        <thead>
          <tr>
            {spec.header.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((row, i) => {
            const style = status === undefined ? undefined : spec.statusStyles?.find((s) => s.text === row[status]);
            return (
              <tr key={i} style={style ? { background: style.fill } : undefined}>
                {row.map((c, j) => (
                  <td key={j} data-label={spec.header[j]}>
                    {cellText(spec, c, j)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ReportArea() {
  const { standalone } = usePane();
  if (!standalone) return null;
  return (
    <div id="report-area" class="report">
      {standalone.reports.value.map((spec) => (
        <ReportSheet key={spec.name} spec={spec} />
      ))}
    </div>
  );
}
