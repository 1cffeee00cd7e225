/**
 * `submit FILE.xlsx --server URL --token TOKEN [--year Y] [--lang en]` (or SHIXUN_SERVER / SHIXUN_TOKEN): validate locally (errors → exit 1,
 * nothing sent), then send the recognized sheets to the worker. Exit 0 accepted, 1 rejected, 3 the
 * network or the server failed after retries, 2 a wrong call (including a token the server refuses).
 */
import { type SubmitOptions, type SubmitResult, submitWorkbook } from '../../client/index.js';
import type { Lang } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import { reportText } from '../../shared/labels/cli.js';
import { ruleFigure } from '../../shared/labels/rules.js';
import type { ValidationResult } from '../../shared/validate/types.js';
import { LANG_OPTION, langOf, parse, required, serverOrigin, YEAR_OPTION, yearOf } from './args.js';
import { type CliIo, EXIT } from './io.js';
import { renderValidation } from './report.js';
import { runValidation } from './run-validation.js';
import { formatTable } from './table.js';

const OPTIONS = { ...YEAR_OPTION, ...LANG_OPTION, server: { type: 'string' }, token: { type: 'string' } } as const;

/** Seams of the submit client that tests replace (a fake server, no real waiting). */
export type SubmitSeams = Partial<Pick<SubmitOptions, 'fetch' | 'sleep'>>;

export async function submitCommand(argv: readonly string[], io: CliIo, seams: SubmitSeams = {}): Promise<number> {
  const { positionals, values } = parse(argv, OPTIONS, 1);
  const year = yearOf(values.year);
  const lang = langOf(values.lang);
  // The same environment variables as `admin`, so that a token need not sit in the shell's history.
  const server = serverOrigin(required(values.server ?? process.env.SHIXUN_SERVER, '--server URL (or SHIXUN_SERVER)'));
  const token = required(values.token ?? process.env.SHIXUN_TOKEN, '--token TOKEN (or SHIXUN_TOKEN)');
  const t = reportText(lang);
  const { file, result, progress } = await runValidation(positionals[0]!, year, lang, io);
  progress.finish();
  if (!result.ok) {
    io.stdout(`${renderValidation(result, positionals[0]!, lang)}\n${t.notSent(result.counts.errors)}\n`);
    return EXIT.findings;
  }
  io.stderr(`${t.sending(server)}\n`);
  const sent = await submitWorkbook({
    server,
    token,
    year,
    workbook: recognizedSheets(file.grid, result),
    ...seams,
    onRetry: ({ attempt, delayMs, reason }) =>
      io.stderr(`${t.retrying(attempt, reason, Math.round(delayMs / 100) / 10)}\n`),
  });
  io.stdout(renderSubmit(sent, lang));
  if (sent.ok) return EXIT.ok;
  switch (sent.kind) {
    case 'rejected':
    case 'conflict':
      return EXIT.findings;
    case 'auth':
      return EXIT.usage;
    case 'network':
    case 'server':
      return EXIT.unreachable;
  }
}

/** Only the five known sheets leave the machine; a clerk's other sheets are none of the bureau's business. */
function recognizedSheets(grid: WorkbookGrid, result: ValidationResult): WorkbookGrid {
  const known = new Set(result.sheets.map((s) => s.index));
  return { sheets: grid.sheets.filter((_, i) => known.has(i)) };
}

function renderSubmit(sent: SubmitResult, lang: Lang): string {
  const t = reportText(lang);
  if (!sent.ok) {
    const message = lang === 'en' ? sent.messageEn : sent.message;
    const lines = [sent.kind === 'rejected' ? t.rejected(message) : t.failed(sent.kind, `${sent.code}: ${message}`)];
    if (sent.findings)
      lines.push(
        ...formatTable(
          sent.findings.map((f) => [`${f.sheet ?? ''}!${f.cell ?? ''}`, t.severity[f.severity], f.code, f.message]),
        ),
      );
    return `${lines.join('\n')}\n`;
  }
  const { receipt, compliance } = sent;
  const summary = compliance.school.summary;
  const invalid = compliance.teachers.filter((x) => x.status === 'invalid').length;
  return `${[
    sent.unchanged
      ? t.unchanged(receipt.id, receipt.version)
      : t.accepted(receipt.id, receipt.version, receipt.submittedAt),
    t.receiptCounts(receipt.counts),
    t.complianceTitle(compliance.policy.id, compliance.policy.year, compliance.asOf),
    t.schoolLine(t.status[compliance.school.status]),
    ...formatTable(
      compliance.school.rules.map((r) => [
        t.rule[r.rule],
        t.status[r.status],
        t.actualRequired(ruleFigure(r.rule, r.actual), ruleFigure(r.rule, r.required)),
        r.message,
      ]),
    ),
    t.teachersLine({ ...summary, invalid }),
  ].join('\n')}\n`;
}
