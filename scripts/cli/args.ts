/** Option parsing shared by the commands: strict (an unknown option is an error), typed, with cli.md's defaults. */
import { parseArgs } from 'node:util';
import { checkServerAddress } from '../../shared/api/server-address.js';
import type { Lang } from '../../shared/contract/codes.js';
import { CLI_ERRORS } from '../../shared/labels/cli.js';
import { SERVER_ADDRESS_PROBLEMS } from '../../shared/labels/server-address.js';
import type { Text } from '../../shared/labels/text.js';
import { currentYear } from '../../shared/policy/index.js';
import { UsageError } from './io.js';

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

export interface Parsed<O extends OptionSpec> {
  positionals: string[];
  values: { [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };
}

export function parse<O extends OptionSpec>(argv: readonly string[], options: O, positionals: number): Parsed<O> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseArgsError(e));
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0
        ? CLI_ERRORS.unexpectedArgument(parsed.positionals.join(' '))
        : parsed.positionals.length === 0
          ? CLI_ERRORS.missingWorkbook()
          : CLI_ERRORS.fileCount(positionals, parsed.positionals.join(' ')),
    );
  }
  return parsed as unknown as Parsed<O>;
}

/**
 * node:util's parseArgs explains itself in English only; its error codes and the option it quotes
 * (`'--year <value>'`) are stable enough to say the same in both languages.
 */
function parseArgsError(e: unknown): Text {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-{1,2}[^' =]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return CLI_ERRORS.unknownOption(option);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message)
      ? CLI_ERRORS.optionTakesNoValue(option)
      : CLI_ERRORS.optionNeedsValue(option);
  }
  return CLI_ERRORS.wrongCall(message);
}

export const YEAR_OPTION = { year: { type: 'string' } } as const;
export const LANG_OPTION = { lang: { type: 'string' } } as const;
export const JSON_OPTION = { json: { type: 'boolean' } } as const;

/** --year Y, defaulting to the current year in Beijing (the worker's default too). */
export function yearOf(value: string | undefined, now: Date = new Date()): number {
  if (value === undefined) return currentYear(now);
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
    throw new UsageError(CLI_ERRORS.year(value));
  }
  return Number(value);
}

export function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'zh') return 'zh';
  if (value === 'en') return 'en';
  throw new UsageError(CLI_ERRORS.lang(value));
}

export function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UsageError(CLI_ERRORS.missing(option));
  return value;
}

/**
 * --server (or SHIXUN_SERVER) as the origin the client is given, by the pane's own rule: https, or
 * http on this computer only — refused here, before any token is sent (a wrong call, exit 2).
 */
export function serverOrigin(value: string): string {
  const address = checkServerAddress(value);
  if (!address.ok) throw new UsageError(CLI_ERRORS.server(value, SERVER_ADDRESS_PROBLEMS[address.problem]));
  return address.origin;
}
