/**
 * `submit FILE.xlsx --server URL --token TOKEN [--year Y] [--lang en]` (or SHIXUN_SERVER / SHIXUN_TOKEN): validate locally (errors → exit 1,
 * nothing sent), then send the recognized sheets to the worker. Exit 0 accepted, 1 rejected, 3 the
 * network or the server failed after retries, 2 a wrong call (including a token the server refuses).
 */
import { type SubmitOptions } from '../../client/index.js';
import { type CliIo } from './io.js';
/** Seams of the submit client that tests replace (a fake server, no real waiting). */
export type SubmitSeams = Partial<Pick<SubmitOptions, 'fetch' | 'sleep'>>;
export declare function submitCommand(argv: readonly string[], io: CliIo, seams?: SubmitSeams): Promise<number>;
