/** What the client's own failures say to people (the API's failures carry the worker's message). */
import type { ClientErrorCode } from '../shared/api/errors.js';
export interface ClientMessage {
    /** Chinese, the default. */
    message: string;
    messageEn: string;
}
export declare function clientMessage(code: ClientErrorCode, detail?: {
    cause?: string;
    timeoutMs?: number;
    statusText?: string;
}): ClientMessage;
