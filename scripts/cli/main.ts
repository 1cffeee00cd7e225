/** The command-line tool of cli.md: `npm run --silent cli -- <command> [options]`. */
import { main } from './dispatch.js';
import { processIo } from './io.js';

process.exitCode = await main(process.argv.slice(2), processIo);
