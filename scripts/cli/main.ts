/** The command-line tool of cli.md: `npm run --silent cli -- <command> [options]`. */
import { main } from './dispatch.js';
import { processIo } from './io.js';

// A reader that stops reading (`… --json | head`) closes the pipe: the rest of the output is not
// wanted, so the run ends there, quietly, instead of dying on an unhandled 'error' event with a
// stack trace. Progress on a closed standard error is dropped the same way.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});
process.stderr.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

process.exitCode = await main(process.argv.slice(2), processIo);
