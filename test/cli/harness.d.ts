import type { CliIo } from '../../scripts/cli/io.js';
export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}
export declare function captureIo(): {
    io: CliIo;
    out: () => string;
    err: () => string;
};
export declare function runCli(...argv: string[]): Promise<CliRun>;
/** `node --import tsx scripts/cli/main.ts …`, what `npm run --silent cli --` runs. */
export declare function spawnCli(argv: string[], env?: Record<string, string>): Promise<CliRun>;
export declare function tempDir(): Promise<{
    dir: string;
    file: (name: string, bytes?: Uint8Array | string) => Promise<string>;
    cleanup: () => Promise<void>;
}>;
