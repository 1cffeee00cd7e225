import { type CliIo } from './io.js';
export declare function fixCommand(argv: readonly string[], io: CliIo): Promise<number>;
