/**
 * What a command touches outside itself: its output streams and the clock. Commands take a CliIo so
 * that tests can run them in-process and read exactly what a user would see.
 */
export interface CliIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Progress goes to standard error only when a person is watching it or the run is long. */
    stderrIsTty: boolean;
    now: () => number;
}
export declare const processIo: CliIo;
/** The exit statuses of cli.md. */
export declare const EXIT: {
    readonly ok: 0;
    readonly findings: 1;
    readonly usage: 2;
    readonly unreachable: 3;
};
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
/** A wrong call or an unreadable input: reported on standard error, exit status 2. */
export declare class UsageError extends Error {
    readonly name: string;
}
/** A file that is missing, unreadable or invalid: exit status 2 too, but the call itself was right (no usage text). */
export declare class InputError extends UsageError {
    readonly name: string;
}
