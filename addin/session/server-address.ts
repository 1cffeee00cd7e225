/**
 * The clerk's "server address": the token goes wherever it points, so only an https origin is
 * accepted, or http on this computer (localhost, 127.0.0.1) for local use — never plain http over
 * a network, never a user:password@ prefix, a path, a query or a fragment that could hide where
 * it really goes. The pane shows the host it found (`serverName`) and sends the token only after
 * the clerk has seen it. Pure: no DOM, no network.
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
      /** What the clerk is shown: the host (punycode for an international name: a look-alike shows) and a non-default port. */
      name: string;
      /** http on this computer (npm start), not a server of the bureau. */
      local: boolean;
    }
  | { ok: false; problem: ServerAddressProblem };

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

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

/** What the pane says, in the pane's two languages: the confirmation before the token leaves, and each refusal. */
export function serverAddressMessage(a: ServerAddress, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  if (a.ok) {
    if (a.local)
      return zh
        ? `将把访问令牌发送到本机的 ${a.name}（仅供本地测试）。`
        : `The token will be sent to ${a.name} on this computer (local testing only).`;
    return zh
      ? `将把访问令牌发送到 ${a.name}。请确认这是教育局提供的地址，再继续。`
      : `The token will be sent to ${a.name}. Check that this is the address your bureau gave you before you continue.`;
  }
  switch (a.problem) {
    case 'server.empty':
      return zh
        ? '请填写服务器地址（教育局提供的 https:// 地址）。'
        : "Enter the server address (the bureau's https:// address).";
    case 'server.invalid':
      return zh
        ? '服务器地址无效，应形如 https://shixun.example.cn。'
        : 'The server address is not valid; it looks like https://shixun.example.cn.';
    case 'server.insecure':
      return zh
        ? '只接受 https:// 地址（本机测试可用 http://localhost 或 http://127.0.0.1）：http 会让令牌在网络上明文传输。'
        : 'Only https:// addresses are accepted (http://localhost or http://127.0.0.1 for local testing): over http the token would cross the network in clear.';
    case 'server.credentials':
      return zh
        ? '服务器地址不能包含用户名或密码（@ 前的部分）。'
        : 'The server address must not contain a user name or password (the part before @).';
    case 'server.not_origin':
      return zh
        ? '服务器地址只填写域名（及端口），不要路径、? 或 #。'
        : 'Give only the host (and port) of the server: no path, ? or #.';
  }
}
