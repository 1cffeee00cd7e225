/** Command name → command module; every command returns its exit status. */
import { adminCommand } from './admin.js';
import { checkCommand } from './check.js';
import { fixCommand } from './fix.js';
import { type CliIo, EXIT, InputError, UsageError } from './io.js';
import { submitCommand } from './submit.js';
import { templateCommand } from './template.js';
import { validateCommand } from './validate.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  check: checkCommand,
  fix: fixCommand,
  template: templateCommand,
  submit: submitCommand,
  admin: adminCommand,
};

export const USAGE = `usage: npm run --silent cli -- <command> [options]

  validate FILE [--year Y] [--json] [--lang en]
  check    FILE [--year Y] [--as-of YYYY-MM-DD] [--policy FILE.json] [--server URL --token TOKEN] [--json] [--lang en]
  fix      FILE --out OUT.xlsx [--lang en]
  template [--catalogue] --out OUT.xlsx   (--catalogue: the blank training catalogue)
  submit   FILE --server URL --token TOKEN [--year Y] [--lang en]   (or SHIXUN_SERVER, SHIXUN_TOKEN)

  FILE: a ledger workbook, .xlsx, .xlsm, .xls, WPS .et or .csv (UTF-8 or GBK), recognised by its content
  admin    …  (bureaus, schools, tokens, policies: npm run --silent cli -- admin help)

exit status: 0 ok, 1 the workbook has errors (or the server rejected it), 2 wrong call or unreadable file,
3 network or server failure (submit)
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command) throw new UsageError(name === undefined ? 'missing the command' : `unknown command "${name}"`);
    return await command(rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (rest.includes('--json')) {
      // Even a call that fails prints exactly one JSON document with --json (cli.md).
      io.stdout(`${JSON.stringify({ ok: false, error: { code: e.code, message: e.message } }, null, 2)}\n`);
    } else {
      io.stderr(e instanceof InputError ? `错误 error: ${e.message}\n` : `错误 error: ${e.message}\n\n${USAGE}`);
    }
    return EXIT.usage;
  }
}
