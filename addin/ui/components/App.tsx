/**
 * The pane: the same sections in Excel and in a plain browser. A reviewer's token shows the
 * reviewer's section instead of the clerk's; the standalone page adds the open-file section and
 * the report area.
 */
import { useEffect } from 'preact/hooks';
import type { Pane } from '../state.js';
import { CapabilitiesSection } from './CapabilitiesSection.js';
import { ConnectSection } from './ConnectSection.js';
import { PaneContext } from './context.js';
import { FixSection } from './FixSection.js';
import { Header } from './Header.js';
import { OpenSection } from './OpenSection.js';
import { PreviewSection } from './PreviewSection.js';
import { ReportArea } from './ReportArea.js';
import { ReviewerSection } from './ReviewerSection.js';
import { SubmitSection } from './SubmitSection.js';
import { TemplateSection } from './TemplateSection.js';
import { ValidateSection } from './ValidateSection.js';

function Sections({ pane }: { pane: Pane }) {
  const m = pane.t.value;
  useEffect(() => {
    document.documentElement.lang = pane.lang.value === 'zh' ? 'zh-CN' : 'en';
    document.title = m.appTitle;
  }, [m]);
  const reviewer = pane.conn.value !== null && pane.me.value?.role === 'reviewer';
  return (
    <>
      <Header />
      <main>
        <CapabilitiesSection />
        <ConnectSection />
        {reviewer ? (
          <ReviewerSection />
        ) : (
          <>
            {pane.standalone ? <OpenSection /> : null}
            <TemplateSection />
            <ValidateSection />
            <FixSection />
            <PreviewSection />
            <SubmitSection />
          </>
        )}
        <ReportArea />
      </main>
    </>
  );
}

export function App({ pane }: { pane: Pane }) {
  return (
    <PaneContext.Provider value={pane}>
      <Sections pane={pane} />
    </PaneContext.Provider>
  );
}
