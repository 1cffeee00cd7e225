/**
 * The server and the token. The address is checked first, without the token (only https, or http
 * to this computer, is asked at all), and the server's name is shown; 连接 sends the token only to
 * the server whose name is on screen.
 */
import { useEffect } from 'preact/hooks';
import type { Me } from '../../../shared/api/responses.js';
import type { Messages } from '../messages.js';
import { beijingTime } from '../view.js';
import { usePane } from './context.js';
import { Status } from './Status.js';

/** Typing pauses this long before the address is asked. */
const CHECK_DELAY_MS = 400;
/** A token that ends within this time is announced, so the clerk asks for a new one in time. */
const EXPIRY_WARNING_MS = 30 * 24 * 3600 * 1000;

function expiresSoon(at: string | null): boolean {
  return at !== null && Date.parse(at) - Date.now() < EXPIRY_WARNING_MS;
}

function who(me: Me, m: Messages): string {
  const role = me.role === 'clerk' ? m.roleClerk : me.role === 'reviewer' ? m.roleReviewer : m.roleAdmin;
  // The token's label is the administrator's note (e.g. demo:…), not a name to show the clerk.
  const place = me.school?.name ?? me.bureau?.name ?? '';
  return place === '' ? role : `${place} · ${role}`;
}

function ServerLine() {
  const { t, serverCheck } = usePane();
  const m = t.value;
  const check = serverCheck.value;
  if (check.state === 'idle') return <p id="server-status" class="status" role="status" />;
  if (check.state === 'checking')
    return (
      <p id="server-status" class="status info" role="status">
        {m.serverChecking}
      </p>
    );
  if (check.state === 'error')
    return (
      <p id="server-status" class="status error" role="status">
        {check.say.text(m)}
      </p>
    );
  return (
    <p id="server-status" class="status ok" role="status" data-server={check.server}>
      {check.say.text(m)}
    </p>
  );
}

export function ConnectSection() {
  const pane = usePane();
  const { t, server, token, rememberToken, serverCheck, me, connectStatus, busy } = pane;
  const m = t.value;
  const address = server.value;
  useEffect(() => {
    const check = serverCheck.peek();
    if ((check.state === 'ok' || check.state === 'checking') && check.server === address.trim()) return;
    const timer = setTimeout(() => void pane.checkServer(), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [address]);

  const connected = me.value;
  const ready = serverCheck.value.state === 'ok' && token.value.trim() !== '';
  if (connected) {
    return (
      <section id="connect-section">
        <h2>{m.connectTitle}</h2>
        <p id="connect-status" class="status ok" role="status">
          {m.connectedAs(who(connected, m))}
        </p>
        {expiresSoon(connected.expiresAt) ? (
          <p id="token-expiry" class="status error">
            {m.tokenExpiresOn(beijingTime(connected.expiresAt!, m.locale))}
          </p>
        ) : null}
        <div class="row">
          <button id="disconnect" type="button" class="secondary" onClick={pane.disconnect}>
            {m.disconnect}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section id="connect-section">
      <h2>{m.connectTitle}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void pane.connect();
        }}
      >
        <label>
          {m.serverLabel}
          <input
            id="server"
            type="url"
            value={address}
            autocomplete="url"
            spellcheck={false}
            onInput={(e) => (server.value = e.currentTarget.value)}
            onBlur={() => void pane.checkServer()}
          />
        </label>
        <ServerLine />
        <label>
          {m.tokenLabel}
          <input
            id="token"
            type="password"
            value={token.value}
            autocomplete="off"
            onInput={(e) => (token.value = e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input
            id="remember"
            type="checkbox"
            checked={rememberToken.value}
            onChange={(e) => (rememberToken.value = e.currentTarget.checked)}
          />
          <span>{m.rememberLabel}</span>
        </label>
        <p class="muted">{m.rememberHint}</p>
        <div class="row">
          <button id="connect" type="submit" disabled={!ready || busy.value.has('connect')}>
            {m.connect}
          </button>
        </div>
      </form>
      <Status id="connect-status" say={connectStatus.value ?? { tone: 'info', text: (x) => x.notConnected }} />
    </section>
  );
}
