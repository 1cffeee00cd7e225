/** Command name → command module; every command returns its exit status. */

import { CLI_ERRORS, CLI_USAGE, ERROR_PREFIX } from '../../shared/labels/cli.js';
import { adminCommand } from './admin.js';
import { checkCommand } from './check.js';
import { fixCommand } from './fix.js';
import { type CliIo, EXIT, InputError, langOfArgv, UsageError } from './io.js';
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

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // `cli --lang en …`: the language may come before the command too.
  const leading = argv[0] === '--lang' ? argv.slice(0, 2) : [];
  const [name, ...after] = argv.slice(leading.length);
  const rest = [...after, ...leading];
  const lang = langOfArgv(argv);
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(CLI_USAGE[lang]);
    return EXIT.ok;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  try {
    if (!command)
      throw new UsageError(name === undefined ? CLI_ERRORS.missingCommand() : CLI_ERRORS.unknownCommand(name));
    return await command(rest, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (rest.includes('--json')) {
      // Even a call that fails prints exactly one JSON document with --json (cli.md).
      io.stdout(`${JSON.stringify({ ok: false, error: { code: e.code, message: e.in(lang) } }, null, 2)}\n`);
    } else {
      const line = `${ERROR_PREFIX[lang]}${e.in(lang)}\n`;
      io.stderr(e instanceof InputError ? line : `${line}\n${CLI_USAGE[lang]}`);
    }
    return EXIT.usage;
  }
}
