import type { Lang } from '../../shared/contract/codes.js';
import type { Text } from '../../shared/labels/text.js';

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

/** The output streams alone: what the admin and catalogue commands touch. */
export type CliStreams = Pick<CliIo, 'stdout' | 'stderr'>;

/** Set once a reader has closed the stream: what is written after that is dropped. */
const closed = { stdout: false, stderr: false };

export const processIo: CliIo = {
  stdout: (text) => {
    if (!closed.stdout) process.stdout.write(text);
  },
  stderr: (text) => {
    if (!closed.stderr) process.stderr.write(text);
  },
  stderrIsTty: process.stderr.isTTY === true,
  now: () => performance.now(),
};

/**
 * A reader that stops reading (`… --json | head`) closes the pipe. The rest of the output is then
 * dropped, but the command runs to its end (a submit in flight is finished, not cut off) and exits
 * with its own status, instead of dying on an unhandled 'error' event with a stack trace.
 */
export function dropOutputOnClosedPipes(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      closed[name] = true;
    });
  }
}

/** The exit statuses of cli.md. */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreachable: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A wrong call or an unreadable input: exit status 2, reported on standard error, or with --json as
 * the one document `{ ok: false, error: { code, message } }` (cli.md).
 */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';

  constructor(
    /** Both languages: the mistake may be found before --lang is read (shared/labels/cli.ts: CLI_ERRORS). */
    readonly text: Text,
    /** `usage.invalid` for a wrong call, a `file.*` code of template.md for a file that cannot be read. */
    readonly code: string = 'usage.invalid',
  ) {
    super(text.en);
  }

  in(lang: Lang): string {
    return this.text[lang];
  }
}

/**
 * The language a call asked for, read from its raw arguments so that even an error in parsing them
 * is reported in it: `--lang en` or `--lang=en`; anything else is Chinese.
 */
export function langOfArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === '--lang=en' || (argv[i] === '--lang' && argv[i + 1] === 'en')) return 'en';
  }
  return 'zh';
}

/** A file that is missing, unreadable or invalid: exit status 2 too, but the call itself was right (no usage text). */
export class InputError extends UsageError {
  override readonly name: string = 'InputError';
}
