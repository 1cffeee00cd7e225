/**
 * `npm run --silent cli -- admin catalogue …`: the bureau's training catalogue (archive.md §2).
 *
 *   admin catalogue import FILE.xlsx --year Y [--bureau ID] [--lang en] [--json]
 *   admin catalogue export --year Y --out FILE.xlsx [--bureau ID]
 *
 * against a running worker (--server URL --token TOKEN, or SHIXUN_SERVER / SHIXUN_TOKEN), with a
 * reviewer's token (its own bureau) or an admin's (--bureau ID). The import reads the workbook here
 * first, with the worker's own rules: a workbook with errors is reported and never sent (exit 1).
 */
import { writeFile } from 'node:fs/promises';
import { type ApiFailure, createClient, type ShixunClient } from '../../client/index.js';
import type { Finding, Lang } from '../../shared/contract/codes.js';
import { encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import {
  CATALOGUE_TEXT,
  CATALOGUE_USAGE,
  CLI_ERRORS,
  ERROR_PREFIX,
  reportText,
  serverErrorLine,
} from '../../shared/labels/cli.js';
import { SEVERITY_LABELS } from '../../shared/labels/index.js';
import { normalizeHeader } from '../../shared/normalize/header.js';
import { maskId } from '../../shared/policy/index.js';
import { CATALOGUE_SHEETS, readCatalogue } from '../../shared/recognition/index.js';
import type { AdminSeams } from './admin.js';
import { langOf, parse, required, serverOrigin, yearOf } from './args.js';
import { type CliStreams, EXIT, InputError, langOfArgv, UsageError } from './io.js';
import { formatTable } from './table.js';
import { readWorkbookFile, requireXlsxPath } from './workbook-file.js';

const OPTIONS = {
  year: { type: 'string' },
  bureau: { type: 'string' },
  out: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function connect(
  values: { server?: string; token?: string },
  io: CliStreams,
  seams: AdminSeams,
  lang: Lang,
): ShixunClient {
  const server = serverOrigin(required(values.server ?? process.env.SHIXUN_SERVER, '--server URL (or SHIXUN_SERVER)'));
  const token = required(values.token ?? process.env.SHIXUN_TOKEN, '--token TOKEN (or SHIXUN_TOKEN)');
  return createClient({
    server,
    token,
    ...seams,
    retry: {
      onRetry: ({ attempt, delayMs, reason }) =>
        io.stderr(`${reportText(lang).retrying(attempt, reason, Math.round(delayMs / 100) / 10)}\n`),
      ...seams.retry,
    },
  });
}

/** Findings as lines under their sheet; an ID number never shows in full (the bureau's staff read this). */
function renderFindings(findings: readonly Finding[], lang: Lang): string[] {
  const lines: string[] = [];
  const sheets = [...new Set(findings.map((f) => f.sheet))];
  for (const sheet of sheets) {
    lines.push('', sheet ?? '—');
    const rows = findings
      .filter((f) => f.sheet === sheet)
      .map((f) => [f.cell ?? '—', SEVERITY_LABELS[f.severity][lang], f.code, f.message]);
    lines.push(...formatTable(rows));
  }
  return lines;
}

function masked(findings: readonly Finding[]): Finding[] {
  return findings.map((f) =>
    f.column === 'idNumber' && typeof f.value === 'string' ? { ...f, value: maskId(f.value) } : f,
  );
}

/** Only the catalogue's two sheets leave the machine. */
function catalogueSheets(grid: WorkbookGrid): WorkbookGrid {
  const names = new Set(CATALOGUE_SHEETS.flatMap((d) => [d.name, ...d.aliases].map(normalizeHeader)));
  return { ...grid, sheets: grid.sheets.filter((s) => names.has(normalizeHeader(s.name))) };
}

function refused(f: ApiFailure, io: CliStreams, lang: Lang, json: boolean): number {
  const details = f.details as { findings?: Finding[] } | undefined;
  if (json)
    io.stdout(
      `${JSON.stringify(
        { ok: false, error: { code: f.code, message: lang === 'en' ? f.messageEn : f.message, details: f.details } },
        null,
        2,
      )}\n`,
    );
  else {
    io.stderr(`${serverErrorLine(f.code, lang === 'en' ? f.messageEn : f.message, lang)}\n`);
    if (details?.findings) io.stderr(`${renderFindings(details.findings, lang).join('\n')}\n`);
  }
  if (f.kind === 'network' || f.kind === 'server') return EXIT.unreachable;
  return f.kind === 'auth' ? EXIT.usage : EXIT.findings;
}

async function importCatalogue(
  file: string,
  year: number,
  bureau: string | undefined,
  c: () => ShixunClient,
  io: CliStreams,
  lang: Lang,
  json: boolean,
) {
  const t = CATALOGUE_TEXT[lang];
  const { grid } = await readWorkbookFile(file);
  const local = readCatalogue(grid, { year, lang });
  if (!local.ok) {
    const findings = masked(local.findings);
    if (json) io.stdout(`${JSON.stringify({ ok: false, year, counts: local.counts, findings }, null, 2)}\n`);
    else
      io.stdout(
        `${[t.title(file, year), ...renderFindings(findings, lang), '', t.notSent(local.counts.errors)].join('\n')}\n`,
      );
    return EXIT.findings;
  }
  const r = await c().catalogue.import(year, { workbook: encodeWorkbook(catalogueSheets(grid)) }, bureau);
  if (!r.ok) return refused(r, io, lang, json);
  if (json) {
    io.stdout(`${JSON.stringify({ ok: true, ...r.value }, null, 2)}\n`);
    return EXIT.ok;
  }
  const changed = r.value.reevaluated.filter((v) => v.before.pass !== v.after.pass);
  io.stdout(
    `${[
      t.title(file, year),
      ...renderFindings(r.value.findings, lang),
      '',
      t.imported(r.value),
      ...changed.map((v) => t.changed(`${v.schoolName} ${v.schoolCode}`, v.before.pass, v.after.pass)),
    ].join('\n')}\n`,
  );
  return EXIT.ok;
}

export async function catalogueCommand(
  argv: readonly string[],
  io: CliStreams,
  seams: AdminSeams = {},
): Promise<number> {
  const [verb, ...rest] = argv;
  const callLang = langOfArgv(argv);
  if (verb === undefined || verb === 'help') {
    io.stdout(CATALOGUE_USAGE[callLang]);
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    const { positionals, values } = parse(rest, OPTIONS, verb === 'import' ? 1 : 0);
    const lang = langOf(values.lang);
    const year = yearOf(required(values.year, '--year Y'));
    // A wrong address is a wrong call, said before the workbook is read; the client itself waits
    // until the local check has passed (a catalogue with errors is reported without a server).
    if (values.server !== undefined) serverOrigin(values.server);
    const client = () => connect(values, io, seams, lang);
    if (verb === 'import')
      return await importCatalogue(positionals[0]!, year, values.bureau, client, io, lang, values.json === true);
    if (verb !== 'export') throw new UsageError(CLI_ERRORS.unknownCatalogue(verb));
    const out = required(values.out, '--out FILE.xlsx');
    requireXlsxPath(out, '--out');
    const r = await client().catalogue.export(year, values.bureau);
    if (!r.ok) return refused(r, io, lang, false);
    try {
      await writeFile(out, new Uint8Array(await r.value.blob.arrayBuffer()));
    } catch (e) {
      throw new InputError(CLI_ERRORS.cannotWrite(out, e instanceof Error ? e.message : String(e)));
    }
    io.stderr(`${CATALOGUE_TEXT[lang].wrote(out)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const line = `${ERROR_PREFIX[callLang]}${e.in(callLang)}\n`;
    io.stderr(e instanceof InputError ? line : `${line}\n${CATALOGUE_USAGE[callLang]}`);
    return EXIT.usage;
  }
}
