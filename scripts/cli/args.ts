/** Option parsing shared by the commands: strict (an unknown option is an error), typed, with cli.md's defaults. */
import { parseArgs } from 'node:util';
import type { Lang } from '../../shared/contract/codes.js';
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
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(
      positionals === 0
        ? `unexpected argument: ${parsed.positionals.join(' ')}`
        : parsed.positionals.length === 0
          ? 'missing the workbook: give the path of an .xlsx file'
          : `expected ${positionals} file argument(s), got: ${parsed.positionals.join(' ')}`,
    );
  }
  return parsed as unknown as Parsed<O>;
}

export const YEAR_OPTION = { year: { type: 'string' } } as const;
export const LANG_OPTION = { lang: { type: 'string' } } as const;
export const JSON_OPTION = { json: { type: 'boolean' } } as const;

/** --year Y, defaulting to the current year in Beijing (the worker's default too). */
export function yearOf(value: string | undefined, now: Date = new Date()): number {
  if (value === undefined) return currentYear(now);
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
    throw new UsageError(`--year must be a year from 2000 to 2100, got "${value}"`);
  }
  return Number(value);
}

export function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'zh') return 'zh';
  if (value === 'en') return 'en';
  throw new UsageError(`--lang must be zh or en, got "${value}"`);
}

export function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing ${option}`);
  return value;
}
