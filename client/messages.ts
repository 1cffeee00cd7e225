/** What the client's own failures say to people (the API's failures carry the worker's message). */
import type { ClientErrorCode } from '../shared/api/errors.js';

export interface ClientMessage {
  /** Chinese, the default. */
  message: string;
  messageEn: string;
}

export function clientMessage(
  code: ClientErrorCode,
  detail: { cause?: string; timeoutMs?: number; statusText?: string } = {},
): ClientMessage {
  const cause = detail.cause ? `（${detail.cause}）` : '';
  const causeEn = detail.cause ? ` (${detail.cause})` : '';
  switch (code) {
    case 'network.unreachable':
      return {
        message: `无法连接服务器，请检查网络和服务器地址${cause}`,
        messageEn: `Cannot reach the server; check the network and the server address${causeEn}`,
      };
    case 'network.timeout': {
      const s = Math.round((detail.timeoutMs ?? 0) / 1000);
      return { message: `服务器 ${s} 秒内没有答复`, messageEn: `No answer from the server within ${s} s` };
    }
    case 'network.aborted':
      return { message: '已取消', messageEn: 'Cancelled' };
    case 'response.invalid':
      return {
        message: '服务器的答复无法识别，请稍后重试',
        messageEn: 'The server’s answer could not be read; please retry',
      };
    default: {
      const status = code.slice('http.'.length);
      const text = detail.statusText ? ` ${detail.statusText}` : '';
      return { message: `服务器答复 HTTP ${status}${text}`, messageEn: `The server answered HTTP ${status}${text}` };
    }
  }
}
