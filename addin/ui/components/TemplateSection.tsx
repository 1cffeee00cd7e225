/** The empty template: added as sheets in Excel, downloaded as a file in the browser. */
import { usePane } from './context.js';
import { Status } from './Status.js';

export function TemplateSection() {
  const { t, host, busy, templateStatus, createTemplate } = usePane();
  const m = t.value;
  const excel = host.kind === 'excel';
  return (
    <section id="template-section">
      <h2>{m.templateTitle}</h2>
      {excel ? <p class="muted">{m.templateHint}</p> : null}
      <button
        id="template"
        type="button"
        class="secondary"
        disabled={busy.value.has('template')}
        onClick={createTemplate}
      >
        {excel ? m.templateButton : m.templateDownload}
      </button>
      <Status id="template-status" say={templateStatus.value} />
    </section>
  );
}
