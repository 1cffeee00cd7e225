/** The green bar: the product's name, where the pane runs, and the language switch. */
import { usePane } from './context.js';

export function Header() {
  const { t, host, switchLang } = usePane();
  const m = t.value;
  return (
    <header class="bar">
      <img src="icons/icon-32.png" alt="" width={24} height={24} />
      <h1 id="title">{m.appTitle}</h1>
      <span id="mode" class="mode">
        {host.kind === 'excel' ? m.modeExcel : m.modeStandalone}
      </span>
      <button id="lang-switch" type="button" class="link" onClick={switchLang}>
        {m.switchLang}
      </button>
    </header>
  );
}
