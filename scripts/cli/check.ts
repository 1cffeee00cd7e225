/**
 * `check FILE.xlsx [--year Y] [--as-of YYYY-MM-DD] [--policy FILE.json] [--server URL --token T] [--json] [--lang en]`
 *
 * With --server (the token from --token or SHIXUN_TOKEN), the teachers' history across the
 * bureau's other ledgers is fetched and evaluated with the workbook, exactly as the worker will on
 * submission (archive.md §1); without it the workbook is evaluated alone, and the report says so.
 */
import { readFile } from 'node:fs/promises';
import type { fetchRecordSet } from '../../client/index.js';
import type { Lang } from '../../shared/contract/codes.js';
import type { RecordSet } from '../../shared/history/index.js';
import { CLI_ERRORS, reportText } from '../../shared/labels/cli.js';
import {
  DEFAULT_POLICY,
  defaultAsOf,
  evaluateCompliance,
  PolicyError,
  type ResolvedPolicy,
} from '../../shared/policy/index.js';
import type { ComplianceReport } from '../../shared/policy/types.js';
import type { Records } from '../../shared/records.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import { JSON_OPTION, LANG_OPTION, langOf, parse, required, serverOrigin, YEAR_OPTION, yearOf } from './args.js';
import { type CliIo, EXIT, InputError, UsageError } from './io.js';
import { writeJson } from './json-out.js';
import type { Progress } from './progress.js';
import { checkJson, maskIds, renderCompliance, renderValidation } from './report.js';
import { validateOnly } from './run-validation.js';

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
  // Nothing of the file or its records is held here while the report is written: a large
  // district's cells and records are hundreds of megabytes that can be freed by then.
  const evaluated = await evaluate(await validateOnly(positionals[0]!, year, lang, io), {
    server,
    policy,
    year,
    asOf,
    lang,
    io,
  });
  if (typeof evaluated === 'number') return evaluated;
  const { result, compliance } = evaluated;
  if (values.json) writeJson(checkJson(result, compliance), io.stdout);
  else io.stdout(renderValidation(result, positionals[0]!, lang) + renderCompliance(compliance, lang));
  return result.ok ? EXIT.ok : EXIT.findings;
}

interface Evaluation {
  server: Parameters<typeof fetchRecordSet>[0] | null;
  policy: ResolvedPolicy;
  year: number;
  asOf: string;
  lang: Lang;
  io: CliIo;
}

/**
 * The compliance of a validation's records (with the history when a server is given), and the
 * validation as check reports it, IDs masked. Its records stay behind here: once evaluated, the
 * report needs none of them. An exit status when the history could not be fetched.
 */
async function evaluate(
  { result: validated, progress }: { result: ValidationResult; progress: Progress },
  { server, policy, year, asOf, lang, io }: Evaluation,
): Promise<{ result: ValidationResult; compliance: ComplianceReport } | number> {
  const t = reportText(lang);
  let input: Records | RecordSet = validated.records;
  if (server) {
    progress.phase(t.progress.history);
    // The client (hono, the API's zod schemas) is loaded only for a check with --server: a bundle
    // chunk of its own, not even parsed otherwise.
    const { fetchRecordSet } = await import('../../client/index.js');
    const found = await fetchRecordSet(server, validated.records, year);
    if (!found.ok) {
      progress.finish();
      io.stderr(`${t.historyFailed(`${found.code}: ${lang === 'en' ? found.messageEn : found.message}`)}\n`);
      return found.status === null || found.status >= 500 || found.status === 429 ? EXIT.unreachable : EXIT.usage;
    }
    input = found.value.set;
  }
  progress.phase(t.progress.evaluating);
  // check prints cli.md's five keys of a rule line: counted records and deadlines are not made.
  const compliance = policyCall(
    () => evaluateCompliance(input, policy, { year, asOf, lang, countedRecords: false, deadlines: false }),
    year,
    asOf,
  );
  progress.finish();
  return { result: maskIds({ ...validated, records: EMPTY_RECORDS }), compliance };
}

/** What the report's validation holds in place of the records it does not print. */
const EMPTY_RECORDS: Records = {
  school: null,
  teachers: [],
  invalidTeachers: [],
  trainings: [],
  duties: [],
  milestones: [],
};

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
  // Loaded only here: the parser brings zod, which a check with the default policy never needs.
  const { resolvePolicy } = await import('../../shared/policy/policy-file.js');
  const resolved = resolvePolicy(json, lang);
  if (resolved.ok) return resolved.policy;
  // The error is printed in the language of the whole call, which the dispatcher decides: both sides.
  const errorsIn = (l: Lang) => {
    const again = resolvePolicy(json, l);
    return again.ok ? [] : again.errors;
  };
  throw new InputError(CLI_ERRORS.policyInvalid(path, { zh: errorsIn('zh'), en: errorsIn('en') }));
}
