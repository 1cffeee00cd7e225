import { type CliIo } from './io.js';
export declare function validateCommand(argv: readonly string[], io: CliIo): Promise<number>;
