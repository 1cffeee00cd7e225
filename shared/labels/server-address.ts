/** Why a server address is refused (shared/api/server-address.ts), as the pane and the CLI both say it. */
import type { ServerAddressProblem } from '../api/server-address.js';
import type { Text } from './text.js';

export const SERVER_ADDRESS_PROBLEMS = {
  'server.empty': {
    zh: '请填写服务器地址（教育局提供的 https:// 地址）。',
    en: "Enter the server address (the bureau's https:// address).",
  },
  'server.invalid': {
    zh: '服务器地址无效，应形如 https://shixun.example.cn。',
    en: 'The server address is not valid; it looks like https://shixun.example.cn.',
  },
  'server.insecure': {
    zh: '只接受 https:// 地址（本机测试可用 http://localhost 或 http://127.0.0.1）：http 会让令牌在网络上明文传输。',
    en:
      'Only https:// addresses are accepted (http://localhost or http://127.0.0.1 for local testing): ' +
      'over http the token would cross the network in clear.',
  },
  'server.credentials': {
    zh: '服务器地址不能包含用户名或密码（@ 前的部分）。',
    en: 'The server address must not contain a user name or password (the part before @).',
  },
  'server.not_origin': {
    zh: '服务器地址只填写域名（及端口），不要路径、? 或 #。',
    en: 'Give only the host (and port) of the server: no path, ? or #.',
  },
} as const satisfies Record<ServerAddressProblem, Text>;
