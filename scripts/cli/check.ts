/**
 * `check FILE.xlsx [--year Y] [--as-of YYYY-MM-DD] [--policy FILE.json] [--server URL --token T] [--json] [--lang en]`
 *
 * With --server (the token from --token or SHIXUN_TOKEN), the teachers' history across the
 * bureau's other ledgers is fetched and evaluated with the workbook, exactly as the worker will on
 * submission (archive.md §1); without it the workbook is evaluated alone, and the report says so.
 */
import { readFile } from 'node:fs/promises';
import { fetchRecordSet } from '../../client/index.js';
import type { Lang } from '../../shared/contract/codes.js';
import type { RecordSet } from '../../shared/history/index.js';
import { CLI_ERRORS, reportText } from '../../shared/labels/cli.js';
import {
  DEFAULT_POLICY,
  defaultAsOf,
  evaluateCompliance,
  PolicyError,
  type ResolvedPolicy,
  resolvePolicy,
} from '../../shared/policy/index.js';
import type { Records } from '../../shared/records.js';
import { JSON_OPTION, LANG_OPTION, langOf, parse, required, serverOrigin, YEAR_OPTION, yearOf } from './args.js';
import { type CliIo, EXIT, InputError, UsageError } from './io.js';
import { checkJson, maskIds, renderCompliance, renderValidation } from './report.js';
import { runValidation } from './run-validation.js';

const OPTIONS = {
  ...YEAR_OPTION,
  ...LANG_OPTION,
  ...JSON_OPTION,
  'as-of': { type: 'string' },
  policy: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
} as const;

/** A seam of the history call that tests replace (a worker in process). */
export interface CheckSeams {
  fetch?: typeof fetch;
}

export async function checkCommand(argv: readonly string[], io: CliIo, seams: CheckSeams = {}): Promise<number> {
  const { positionals, values } = parse(argv, OPTIONS, 1);
  const year = yearOf(values.year);
  const lang = langOf(values.lang);
  // The call's own mistakes are reported before the workbook is read.
  const asOf = asOfFor(values['as-of'], year);
  if (values.token !== undefined && values.server === undefined) throw new UsageError(CLI_ERRORS.tokenNeedsServer());
  const server =
    values.server === undefined
      ? null
      : {
          server: serverOrigin(values.server),
          token: required(values.token ?? process.env.SHIXUN_TOKEN, '--token TOKEN (or SHIXUN_TOKEN)'),
          ...(seams.fetch ? { fetch: seams.fetch } : {}),
        };
  const policy = values.policy === undefined ? DEFAULT_POLICY : await readPolicy(values.policy, lang);
  const t = reportText(lang);
  const run = await runValidation(positionals[0]!, year, lang, io);
  let input: Records | RecordSet = run.result.records;
  if (server) {
    run.progress.phase(t.progress.history);
    const found = await fetchRecordSet(server, run.result.records, year);
    if (!found.ok) {
      run.progress.finish();
      io.stderr(`${t.historyFailed(`${found.code}: ${lang === 'en' ? found.messageEn : found.message}`)}\n`);
      return found.status === null || found.status >= 500 || found.status === 429 ? EXIT.unreachable : EXIT.usage;
    }
    input = found.value.set;
  }
  run.progress.phase(t.progress.evaluating);
  const compliance = policyCall(() => evaluateCompliance(input, policy, { year, asOf, lang }), year, asOf);
  run.progress.finish();
  const result = maskIds(run.result);
  io.stdout(
    values.json
      ? `${JSON.stringify(checkJson(result, compliance), null, 2)}\n`
      : renderValidation(result, positionals[0]!, lang) + renderCompliance(compliance, lang),
  );
  return result.ok ? EXIT.ok : EXIT.findings;
}

function asOfFor(value: string | undefined, year: number): string {
  if (value === undefined) return policyCall(() => defaultAsOf(year), year, '');
  const day = new Date(`${value}T00:00:00Z`);
  // A date that does not survive the round trip (2026-02-30) is not a calendar date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new UsageError(CLI_ERRORS.asOf(value));
  }
  return value;
}

/**
 * The policy engine throws PolicyError for inputs it cannot evaluate (a future year, an asOf outside
 * the year); its message is English only, so the call's own year and date are said again here.
 */
function policyCall<T>(f: () => T, year: number, asOf: string): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    switch (e.code) {
      case 'policy.future_year':
        throw new UsageError(CLI_ERRORS.policyYearFuture(year));
      case 'policy.year_invalid':
        throw new UsageError(CLI_ERRORS.policyYearInvalid(year));
      case 'policy.as_of_invalid':
        throw new UsageError(CLI_ERRORS.policyAsOfInvalid(asOf));
      case 'policy.as_of_before_year':
        throw new UsageError(CLI_ERRORS.policyAsOfBeforeYear(asOf, year));
    }
  }
}

async function readPolicy(path: string, lang: Lang): Promise<ResolvedPolicy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(CLI_ERRORS.policyNotFound(path));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError(CLI_ERRORS.policyNotJson(path, e instanceof Error ? e.message : String(e)));
  }
  const resolved = resolvePolicy(json, lang);
  if (resolved.ok) return resolved.policy;
  // The error is printed in the language of the whole call, which the dispatcher decides: both sides.
  const errorsIn = (l: Lang) => {
    const again = resolvePolicy(json, l);
    return again.ok ? [] : again.errors;
  };
  throw new InputError(CLI_ERRORS.policyInvalid(path, { zh: errorsIn('zh'), en: errorsIn('en') }));
}
