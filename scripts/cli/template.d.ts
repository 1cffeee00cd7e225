import { type CliIo } from './io.js';
export declare function templateCommand(argv: readonly string[], io: CliIo): Promise<number>;
