/**
 * The server address a token is sent to, as the pane's 服务器地址 and the CLI's --server take it:
 * the token goes wherever it points, so only an https origin is accepted, or http on this computer
 * (localhost, 127.0.0.1, [::1]) for local use — never plain http over a network, never a
 * user:password@ prefix, a path, a query or a fragment that could hide where it really goes.
 * Pure: no DOM, no network. The words for each problem are in shared/labels/server-address.ts.
 */

export type ServerAddressProblem =
  | 'server.empty'
  | 'server.invalid'
  | 'server.insecure'
  | 'server.credentials'
  | 'server.not_origin';

export type ServerAddress =
  | {
      ok: true;
      /** What the API client is given: scheme, host and port only, e.g. https://shixun.example.cn */
      origin: string;
      /** What the clerk is shown: the host (punycode for an international name, so a look-alike shows) and port. */
      name: string;
      /** http on this computer (npm start), not a server of the bureau. */
      local: boolean;
    }
  | { ok: false; problem: ServerAddressProblem };

/** URL.hostname spells the IPv6 loopback with its brackets. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkServerAddress(input: string): ServerAddress {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'server.empty' };
  // A bare host ("shixun.example.cn") means https; any other scheme is spelled out and checked.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'server.invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'server.invalid' };
  if (url.hostname === '') return { ok: false, problem: 'server.invalid' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'server.credentials' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return { ok: false, problem: 'server.not_origin' };
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol === 'http:' && !local) return { ok: false, problem: 'server.insecure' };
  return { ok: true, origin: url.origin, name: url.port ? `${url.hostname}:${url.port}` : url.hostname, local };
}
