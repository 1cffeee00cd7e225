/**
 * Entry of taskpane.html: decide whether Office hosts the page, then start the same pane on the
 * right WorkbookHost. The standalone code (and exceljs with it) is loaded only in a plain browser.
 */
import { z } from 'zod';
import { detectHost, recall, remember } from './office/helpers.js';
import { startApp } from './ui/app.js';
import { ValidationClient } from './ui/validation-client.js';

// The page's CSP forbids eval: zod must not try to compile validators with new Function.
z.config({ jitless: true });

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  const info = await detectHost();
  const validator = new ValidationClient();
  const storage = { recall, remember };
  if (info.kind === 'excel') {
    const { excelHost } = await import('./ui/excel-host.js');
    startApp({ root, host: excelHost(info.caps), lang: info.lang, validator, storage });
    return;
  }
  const { fileHost } = await import('./standalone/file-host.js');
  const { MESSAGES } = await import('./ui/messages.js');
  const lang = (recall('lang') as typeof info.lang | null) ?? info.lang;
  const file = fileHost(MESSAGES[lang], validator);
  startApp({
    root,
    host: file.host,
    lang: info.lang,
    validator,
    storage,
    extras: { openSection: file.openSection, reportArea: file.reportArea, downloadFixed: () => file.downloadFixed, onOpened: file.onOpened, relabel: file.relabel },
  });
}

main().catch((err: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = `启动失败 / Failed to start: ${err instanceof Error ? err.message : String(err)}`;
});
