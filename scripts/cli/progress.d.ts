/**
 * Progress on standard error: always when stderr is a terminal, otherwise only once a run has taken
 * longer than LONG_RUN_MS (a script piping --json must not get noise for a quick file).
 */
import type { CliIo } from './io.js';
export interface Progress {
    /** A new phase ("reading", "validating", …). */
    phase: (label: string) => void;
    /** Rows done of rows in all, within the current phase. */
    step: (done: number, total: number) => void;
    finish: () => void;
}
export declare function progress(io: CliIo, doneLabel: string): Progress;
