/** Command name → command module; every command returns its exit status. */

import { CLI_ERRORS, CLI_USAGE, ERROR_PREFIX } from '../../shared/labels/cli.js';
import { type CliIo, EXIT, InputError, langOfArgv, UsageError } from './io.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * Each command's module is loaded when it is called: a run parses and evaluates only its own
 * command's code (submit's client, admin's zod schemas are not check's), each a chunk of the bundle.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.js')).validateCommand,
  check: async () => (await import('./check.js')).checkCommand,
  fix: async () => (await import('./fix.js')).fixCommand,
  template: async () => (await import('./template.js')).templateCommand,
  submit: async () => (await import('./submit.js')).submitCommand,
  admin: async () => (await import('./admin.js')).adminCommand,
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
  const load = name === undefined || !Object.hasOwn(COMMANDS, name) ? undefined : COMMANDS[name];
  try {
    if (!load) throw new UsageError(name === undefined ? CLI_ERRORS.missingCommand() : CLI_ERRORS.unknownCommand(name));
    return await (await load())(rest, io);
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
