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
import type { CatalogueImportResult } from '../../shared/api/catalogue.js';
import type { Finding, Lang } from '../../shared/contract/codes.js';
import { encodeWorkbook, type WorkbookGrid } from '../../shared/grid.js';
import { SEVERITY_LABELS } from '../../shared/labels/index.js';
import { normalizeHeader } from '../../shared/normalize/header.js';
import { maskId } from '../../shared/policy/index.js';
import { CATALOGUE_SHEETS, readCatalogue } from '../../shared/recognition/index.js';
import type { AdminSeams } from './admin.js';
import { langOf, parse, required, yearOf } from './args.js';
import { EXIT, InputError, UsageError } from './io.js';
import { formatTable } from './table.js';
import { readWorkbookFile, requireXlsxPath } from './workbook-file.js';

export const CATALOGUE_USAGE = `usage: npm run --silent cli -- admin catalogue <command> [options]

  import FILE.xlsx --year Y [--bureau ID] [--json] [--lang en]   the sheets 培训项目目录 and optional 参训名单
  export --year Y --out FILE.xlsx [--bureau ID]                   the year's catalogue, re-importable

  against a running worker: --server URL --token TOKEN (or SHIXUN_SERVER / SHIXUN_TOKEN); a reviewer's
  token works on its own bureau, an admin's names it with --bureau.
  a blank catalogue: npm run --silent cli -- template --catalogue --out FILE.xlsx
exit status: 0 ok, 1 the catalogue has errors (or the server refused it), 2 wrong call or unreadable file,
3 network or server failure
`;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const OPTIONS = {
  year: { type: 'string' },
  bureau: { type: 'string' },
  out: { type: 'string' },
  server: { type: 'string' },
  token: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const TEXT = {
  zh: {
    title: (file: string, year: number) => `培训项目目录 ${file}（${year} 年度）`,
    notSent: (n: number) => `目录有 ${n} 处错误，未导入。请修正后再导入。`,
    refused: (n: number) => `服务器拒绝导入：${n} 处错误。`,
    imported: (r: CatalogueImportResult) =>
      `已导入 ${r.year} 年度目录：新增 ${r.imported.added} 项，更新 ${r.imported.updated} 项，参训名单 ${r.imported.attendees} 人；` +
      `重新评估 ${r.reevaluated.length} 份台账。`,
    changed: (school: string, before: number, after: number) => `  ${school}：达标 ${before} → ${after} 人`,
    wrote: (out: string) => `已写出目录：${out}`,
  },
  en: {
    title: (file: string, year: number) => `Training catalogue ${file} (${year})`,
    notSent: (n: number) => `The catalogue has ${n} errors and was not imported. Fix them and import again.`,
    refused: (n: number) => `The server refused the import: ${n} errors.`,
    imported: (r: CatalogueImportResult) =>
      `Imported the ${r.year} catalogue: ${r.imported.added} added, ${r.imported.updated} updated, ` +
      `${r.imported.attendees} attendees; ` +
      `${r.reevaluated.length} ledgers re-evaluated.`,
    changed: (school: string, before: number, after: number) => `  ${school}: passing ${before} → ${after}`,
    wrote: (out: string) => `Wrote the catalogue: ${out}`,
  },
} as const;

function connect(values: { server?: string; token?: string }, io: Io, seams: AdminSeams): ShixunClient {
  const server = required(values.server ?? process.env.SHIXUN_SERVER, '--server URL (or SHIXUN_SERVER)').replace(
    /\/+$/,
    '',
  );
  const token = required(values.token ?? process.env.SHIXUN_TOKEN, '--token TOKEN (or SHIXUN_TOKEN)');
  return createClient({
    server,
    token,
    ...seams,
    retry: {
      onRetry: ({ attempt, delayMs, reason }) =>
        io.stderr(`重试 retrying #${attempt} (${reason}) ${Math.round(delayMs / 100) / 10} s\n`),
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

function refused(f: ApiFailure, io: Io, lang: Lang, json: boolean): number {
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
    io.stderr(`错误 error (${f.code}): ${lang === 'en' ? f.messageEn : f.message}\n`);
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
  io: Io,
  lang: Lang,
  json: boolean,
) {
  const t = TEXT[lang];
  const { grid } = await readWorkbookFile(file, lang);
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

export async function catalogueCommand(argv: readonly string[], io: Io, seams: AdminSeams = {}): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === 'help') {
    io.stdout(CATALOGUE_USAGE);
    return verb === undefined ? EXIT.usage : EXIT.ok;
  }
  try {
    const { positionals, values } = parse(rest, OPTIONS, verb === 'import' ? 1 : 0);
    const lang = langOf(values.lang);
    const year = yearOf(required(values.year, '--year Y'));
    const client = () => connect(values, io, seams);
    if (verb === 'import')
      return await importCatalogue(positionals[0]!, year, values.bureau, client, io, lang, values.json === true);
    if (verb !== 'export') throw new UsageError(`unknown catalogue command "${verb}"`);
    const out = required(values.out, '--out FILE.xlsx');
    requireXlsxPath(out, '--out');
    const r = await client().catalogue.export(year, values.bureau);
    if (!r.ok) return refused(r, io, lang, false);
    try {
      await writeFile(out, new Uint8Array(await r.value.blob.arrayBuffer()));
    } catch (e) {
      throw new InputError(`cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`);
    }
    io.stderr(`${TEXT[lang].wrote(out)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(
      e instanceof InputError ? `错误 error: ${e.message}\n` : `错误 error: ${e.message}\n\n${CATALOGUE_USAGE}`,
    );
    return EXIT.usage;
  }
}
