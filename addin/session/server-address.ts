/**
 * The clerk's "server address": the rule is shared with the CLI's --server
 * (shared/api/server-address.ts), and so are the words of each refusal (shared/labels). The pane
 * shows the host it found (`serverName`) and sends the token only after the clerk has seen it.
 */
import type { ServerAddress } from '../../shared/api/server-address.js';
import { SERVER_ADDRESS_PROBLEMS } from '../../shared/labels/server-address.js';

export { checkServerAddress, type ServerAddress } from '../../shared/api/server-address.js';

/** What the pane says, in the pane's two languages: the confirmation before the token leaves, and each refusal. */
export function serverAddressMessage(a: ServerAddress, lang: 'zh' | 'en'): string {
  if (!a.ok) return SERVER_ADDRESS_PROBLEMS[a.problem][lang];
  const zh = lang === 'zh';
  if (a.local)
    return zh
      ? `将把访问令牌发送到本机的 ${a.name}（仅供本地测试）。`
      : `The token will be sent to ${a.name} on this computer (local testing only).`;
  return zh
    ? `将把访问令牌发送到 ${a.name}。请确认这是教育局提供的地址，再继续。`
    : `The token will be sent to ${a.name}. Check that this is the address your bureau gave you before you continue.`;
}
