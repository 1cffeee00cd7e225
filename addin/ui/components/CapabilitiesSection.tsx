/**
 * In Excel: which features this Excel lacks, and what the add-in does instead (the "excel"
 * engineer's missingFeatures). Nothing is shown on an Excel that has them all.
 */
import { missingFeatures } from '../../excel/caps.js';
import { usePane } from './context.js';

export function CapabilitiesSection() {
  const { excel, lang, t } = usePane();
  if (!excel) return null;
  const missing = missingFeatures(excel.caps, lang.value);
  if (missing.length === 0) return null;
  const m = t.value;
  return (
    <section id="capabilities" data-excel-api={excel.excelApi ?? ''}>
      <h2>{m.capsTitle}</h2>
      <p class="muted">{m.capsHint}</p>
      <ul class="caps">
        {missing.map((f) => (
          <li key={f.key} data-feature={f.key}>
            <span class="cap-title">{f.title}</span>
            <span class="cap-instead">{f.instead}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
