import { type CliIo } from './io.js';
export declare function checkCommand(argv: readonly string[], io: CliIo): Promise<number>;
