/**
 * Entry of taskpane.html: decide whether Office hosts the page, then render the same pane on the
 * right WorkbookHost. The standalone code is loaded only in a plain browser, and the workbook
 * readers and writers (exceljs) only when a file is opened or written.
 */
import { h, render } from 'preact';
import { detectHost, recall, remember } from './office/helpers.js';
import { createTokenStore } from './session/token-store.js';
import { App } from './ui/components/App.js';
import { createPane, type Pane } from './ui/state.js';
import { ValidationClient } from './ui/validation-client.js';

/** A storage the page may not be allowed to touch (a sandboxed frame throws on access). */
function storage(get: () => Storage): Storage | null {
  try {
    return get();
  } catch {
    // No storage here: the token then lasts as long as the page, and nothing is remembered.
    return null;
  }
}

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const info = await detectHost();
  // Earlier versions kept the token in local storage for good; it is kept by the clerk's choice now.
  remember('token', null);
  const validator = new ValidationClient();
  // Its scripts load while the clerk chooses a file (or Excel's cells are read): not after.
  validator.start();
  const common = {
    validator,
    lang: info.lang,
    prefs: { recall, remember },
    tokens: createTokenStore({
      session: storage(() => window.sessionStorage),
      local: storage(() => window.localStorage),
      // Office on the web partitions an add-in's storage by this key; elsewhere there is none.
      partitionKey: info.kind === 'excel' ? Office.context.partitionKey : null,
    }),
    defaultServer: location.origin,
  };
  let pane: Pane | undefined;
  if (info.kind === 'excel') {
    const { excelHost } = await import('./ui/excel-host.js');
    // The findings sheet of an old Excel is written in the language the pane shows at the time.
    const lang = () => pane!.lang.value;
    pane = createPane({
      ...common,
      host: excelHost(info.caps, lang),
      excel: { caps: info.caps, excelApi: info.excelApi },
    });
  } else {
    const { fileHost } = await import('./standalone/file-host.js');
    // The file is read in the Web Worker, its messages in the language the pane shows at the time.
    const standalone = fileHost(common.validator, () => pane!.lang.value);
    pane = createPane({ ...common, host: standalone.host, standalone });
  }
  const ready = pane;
  root.replaceChildren();
  render(h(App, { pane: ready }), root);
  void ready.start();
}

main().catch((err: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `启动失败 / Failed to start: ${err instanceof Error ? err.message : String(err)}`;
});
