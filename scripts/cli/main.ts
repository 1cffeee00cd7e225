/** The command-line tool of cli.md: `npm run --silent cli -- <command> [options]`. */
import { main } from './dispatch.js';
import { dropOutputOnClosedPipes, processIo } from './io.js';

dropOutputOnClosedPipes();
process.exitCode = await main(process.argv.slice(2), processIo);
