/**
 * Progress on standard error: always when stderr is a terminal, otherwise only once a run has taken
 * longer than LONG_RUN_MS (a script piping --json must not get noise for a quick file).
 */
import type { CliIo } from './io.js';

const LONG_RUN_MS = 2000;

export interface Progress {
  /** A new phase ("reading", "validating", …). */
  phase: (label: string) => void;
  /** Rows done of rows in all, within the current phase. */
  step: (done: number, total: number) => void;
  finish: () => void;
  /** A line the user must read (not progress): always shown, on a line of its own. */
  note: (text: string) => void;
}

export function progress(io: CliIo, doneLabel: string): Progress {
  const start = io.now();
  let label = '';
  let shownPct = -1;
  let lineOpen = false;
  const visible = () => io.stderrIsTty || io.now() - start > LONG_RUN_MS;
  const endLine = () => {
    if (lineOpen) io.stderr('\n');
    lineOpen = false;
  };
  return {
    phase(next) {
      endLine();
      label = next;
      shownPct = -1;
      if (visible()) io.stderr(`${label}…\n`);
    },
    step(done, total) {
      if (!visible() || total <= 0) return;
      const pct = Math.floor((done / total) * 100);
      // A terminal gets one line rewritten in place; a log file gets a line every 10%.
      const every = io.stderrIsTty ? 1 : 10;
      if (pct === shownPct || pct - shownPct < every) return;
      shownPct = pct;
      if (io.stderrIsTty) {
        io.stderr(`\r${label} ${pct}%`);
        lineOpen = true;
      } else {
        io.stderr(`${label} ${pct}%\n`);
      }
    },
    note(text) {
      endLine();
      io.stderr(`${text}\n`);
    },
    finish() {
      endLine();
      if (visible()) io.stderr(`${doneLabel} (${((io.now() - start) / 1000).toFixed(1)} s)\n`);
    },
  };
}
